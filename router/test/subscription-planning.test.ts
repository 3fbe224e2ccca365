import { readFileSync } from "node:fs";
import path from "node:path";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchNode, PlanNode } from "@apollo/query-planner";
import { parse, print } from "graphql";
import { Registry } from "prom-client";
import { afterAll, describe, expect, it } from "vitest";
import type { RouterContext } from "../src/context";
import { OperationExecutor, SubgraphClient, createSubgraphMetrics } from "../src/executor";
import { RESUME_ALIAS, RESUME_VARIABLE, SupergraphState, eventExecutor } from "../src/subscriptions";
import { initialSequence, sequenceOf } from "../src/subscriptions/resume";

const supergraphSdl = readFileSync(path.join(import.meta.dirname, "../../schema/supergraph.graphql"), "utf8");

const FOLLOW = `subscription Follow($id: ID!, $after: Int) {
  orderStatusChanged(orderId: $id, afterSequence: $after) {
    status
    order {
      total { amount }
      payment { status }
      shipment { trackingNumber }
      lines { quantity variant { sku product { name } } }
    }
  }
}`;

function planOf(state: SupergraphState, source: string, operationName?: string) {
  return state.plan(parse(source), source, operationName);
}

/** Every fetch of a plan node, depth first, with the path it is flattened at. */
function fetches(
  node: PlanNode | undefined,
  at: (string | number)[] = [],
): { fetch: FetchNode; path: string }[] {
  if (!node) return [];
  switch (node.kind) {
    case "Fetch":
      return [{ fetch: node, path: at.join(".") }];
    case "Flatten":
      return fetches(node.node, node.path);
    case "Sequence":
    case "Parallel":
      return node.nodes.flatMap((child) => fetches(child, at));
    default:
      return [];
  }
}

describe("planning a subscription with the federation query planner", () => {
  const state = new SupergraphState(supergraphSdl, { shipping: "http://shipping.internal:4006/graphql" });

  it("sends the primary to the owning subgraph and plans entity fetches for the rest", () => {
    const plan = planOf(state, FOLLOW, "Follow");
    expect(plan.service).toBe("orders");
    expect(plan.rootField).toBe("orderStatusChanged");
    expect(plan.primary.operationKind).toBe("subscription");
    expect(
      fetches(plan.rest)
        .map(({ fetch, path }) => [fetch.serviceName, path])
        .sort(),
    ).toEqual([
      ["catalogue", "orderStatusChanged.order.lines.@.variant"],
      ["payments", "orderStatusChanged.order"],
      ["shipping", "orderStatusChanged.order"],
    ]);
    // The per-event plan is the primary (answered by the event) followed by the rest.
    const perEvent = plan.perEvent.node;
    expect(perEvent?.kind === "Sequence" && perEvent.nodes).toEqual([plan.primary, plan.rest]);
  });

  it("makes the primary resumable: afterSequence is the router's variable and the sequence is always selected", () => {
    const plan = planOf(state, FOLLOW, "Follow");
    const primary = print(parse(plan.primary.operation));
    expect(primary).toContain(`afterSequence: $${RESUME_VARIABLE}`);
    expect(primary).toContain(`${RESUME_ALIAS}: sequence`);
    // $after fed only afterSequence: the subgraph would refuse it as an unused variable.
    expect(primary).not.toContain("$after:");
    expect(plan.primary.variableUsages).toEqual(["id"]);
    expect(plan.resume?.responseName).toBe("orderStatusChanged");
    expect(initialSequence(plan.resume!.initial, { id: "o", after: 4 })).toBe(4);
    expect(initialSequence(plan.resume!.initial, { id: "o", after: null })).toBeUndefined();
  });

  it("reads a literal afterSequence and follows an alias of the root field", () => {
    const plan = planOf(
      state,
      `subscription { live: orderStatusChanged(orderId: "o", afterSequence: 7) { status } }`,
    );
    expect(plan.resume?.responseName).toBe("live");
    expect(initialSequence(plan.resume!.initial, {})).toBe(7);
    expect(sequenceOf({ live: { status: "PAID", [RESUME_ALIAS]: 8 } }, plan.resume!)).toBe(8);
  });

  it("leaves a field without afterSequence as it is (myOrderUpdates)", () => {
    const plan = planOf(state, `subscription { myOrderUpdates { status order { id } } }`);
    expect(plan.resume).toBeUndefined();
    expect(plan.primary.operation).not.toContain(RESUME_ALIAS);
    expect(plan.rest).toBeUndefined();
    expect(plan.perEvent.node).toBe(plan.primary);
  });

  it("caches plans per operation text and name; a new supergraph starts afresh", () => {
    const first = planOf(state, FOLLOW, "Follow");
    expect(planOf(state, FOLLOW, "Follow")).toBe(first);
    const reloaded = new SupergraphState(supergraphSdl, {});
    expect(reloaded.cachedPlans).toBe(0);
    expect(planOf(reloaded, FOLLOW, "Follow")).not.toBe(first);
  });

  it("opens subgraph subscriptions on the routing URL as ws://, SUBGRAPH_URLS first", () => {
    expect(state.wsUrl("orders")).toBe("ws://localhost:4004/graphql");
    expect(state.wsUrl("shipping")).toBe("ws://shipping.internal:4006/graphql");
    expect(state.wsUrl("nope")).toBeUndefined();
  });
});

describe("running the rest of the plan for an event", () => {
  const context: RouterContext = {
    requestId: "req-1",
    authorization: "Bearer t",
    viewer: undefined,
    clientIp: "203.0.113.9",
    cartToken: undefined,
    client: undefined,
  };
  type Call = { service: string; query: string; representations: unknown[]; headers: IncomingHttpHeaders };
  type Answer = (representations: Record<string, unknown>[]) => unknown;
  const calls: Call[] = [];
  /** What each subgraph answers an `_entities` call with; a test sets the ones it needs. */
  const answers = new Map<string, Answer>();
  const servers: Server[] = [];
  const client = new SubgraphClient({
    timeoutMs: 5_000,
    metrics: createSubgraphMetrics(new Registry()),
    dedupe: false,
  });

  /** Subgraphs over HTTP that answer `_entities` as the test says and record what they were asked. */
  async function subgraphUrls(): Promise<Record<string, string>> {
    const urls: Record<string, string> = {};
    for (const service of ["orders", "payments", "shipping", "catalogue"]) {
      const server = createServer((req, res) => {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          const request = JSON.parse(body) as { query: string; variables?: { representations?: unknown[] } };
          const representations = (request.variables?.representations ?? []) as Record<string, unknown>[];
          calls.push({ service, query: request.query, representations, headers: req.headers });
          const answer = answers.get(service);
          const reply = answer
            ? answer(representations)
            : { errors: [{ message: `${service} must not be fetched` }] };
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
    return urls;
  }
  const ready = subgraphUrls().then((urls) => new SupergraphState(supergraphSdl, urls));

  afterAll(async () => {
    await client.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  function entities(answer: (representation: Record<string, unknown>) => unknown): Answer {
    return (representations) => ({ data: { _entities: representations.map(answer) } });
  }

  async function run(variables = {}) {
    const state = await ready;
    const plan = planOf(state, FOLLOW, "Follow");
    return eventExecutor({
      state,
      plan,
      operations: new OperationExecutor({ current: state }, client),
      context,
      source: FOLLOW,
      document: parse(FOLLOW),
      operationName: "Follow",
      variables,
    });
  }

  const event = (status: string, sequence: number, lines: unknown[] = []) => ({
    data: {
      orderStatusChanged: {
        status,
        [RESUME_ALIAS]: sequence,
        order: { __typename: "Order", id: "o1", total: { amount: 2700 }, lines },
      },
    },
  });

  it("answers the primary with the event, batches entity fetches and shapes the result to the selection", async () => {
    calls.length = 0;
    answers.clear();
    answers.set(
      "payments",
      entities(() => ({ payment: { status: "SUCCEEDED" } })),
    );
    answers.set(
      "shipping",
      entities(() => ({ shipment: { trackingNumber: "1Z0000000000000001" } })),
    );
    answers.set(
      "catalogue",
      entities((ref) => ({ sku: `SKU-${String(ref.id)}`, product: { name: `Product ${String(ref.id)}` } })),
    );
    const execute = await run({ id: "o1", after: 2 });
    const result = await execute(
      event("PAID", 3, [
        { quantity: 2, variant: { __typename: "ProductVariant", id: "v1" } },
        { quantity: 1, variant: { __typename: "ProductVariant", id: "v2" } },
      ]),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      orderStatusChanged: {
        status: "PAID",
        order: {
          total: { amount: 2700 },
          payment: { status: "SUCCEEDED" },
          shipment: { trackingNumber: "1Z0000000000000001" },
          lines: [
            { quantity: 2, variant: { sku: "SKU-v1", product: { name: "Product v1" } } },
            { quantity: 1, variant: { sku: "SKU-v2", product: { name: "Product v2" } } },
          ],
        },
      },
    });
    // One call per subgraph (orders is never asked: the event is the primary's answer); both
    // variants in one _entities call; the caller's credentials and request id go along.
    expect(calls.map((c) => c.service).sort()).toEqual(["catalogue", "payments", "shipping"]);
    expect(calls.find((c) => c.service === "catalogue")!.representations).toHaveLength(2);
    for (const call of calls) {
      expect(call.headers.authorization).toBe("Bearer t");
      expect(call.headers["x-request-id"]).toBe("req-1");
      expect(call.headers["x-client-ip"]).toBe("203.0.113.9");
    }
  });

  it("keeps a subgraph's error on its path and the rest of the event", async () => {
    answers.clear();
    answers.set(
      "payments",
      entities(() => ({ payment: { status: "SUCCEEDED" } })),
    );
    answers.set("shipping", () => ({
      data: { _entities: [null] },
      errors: [{ message: "Not yours.", path: ["_entities", 0], extensions: { code: "FORBIDDEN" } }],
    }));
    const result = await (await run())(event("SHIPPED", 4));
    expect(result.errors?.[0]).toMatchObject({
      message: "Not yours.",
      path: ["orderStatusChanged", "order"],
      extensions: { code: "FORBIDDEN" },
    });
    expect(result.data).toMatchObject({
      orderStatusChanged: { status: "SHIPPED", order: { payment: { status: "SUCCEEDED" }, shipment: null } },
    });
  });

  it("answers each event with its own, also when events run at the same time", async () => {
    answers.clear();
    answers.set(
      "payments",
      entities(() => ({ payment: { status: "SUCCEEDED" } })),
    );
    answers.set(
      "shipping",
      entities(() => ({ shipment: { trackingNumber: "T" } })),
    );
    const execute = await run({ id: "o1" });
    const shaped = (result: Awaited<ReturnType<typeof execute>>) =>
      result.data as { orderStatusChanged: { status: string } };
    const [paid, pending] = await Promise.all([
      execute(event("PAID", 3)),
      execute(event("PAYMENT_PENDING", 4)),
    ]);
    expect(shaped(paid).orderStatusChanged.status).toBe("PAID");
    expect(shaped(pending).orderStatusChanged.status).toBe("PAYMENT_PENDING");
    expect(shaped(await execute(event("SHIPPED", 5))).orderStatusChanged.status).toBe("SHIPPED");
  });
});
