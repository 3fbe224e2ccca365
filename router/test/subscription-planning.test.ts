import { readFileSync } from "node:fs";
import path from "node:path";
import {
  executeQueryPlan,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from "@apollo/gateway";
import type * as Gateway from "@apollo/gateway";
import type { FetchNode, PlanNode } from "@apollo/query-planner";
import { createLogger } from "@storefront/platform";
import { parse, print } from "graphql";
import { describe, expect, it, vi } from "vitest";
import type { RouterContext } from "../src/context";
import {
  RESUME_ALIAS,
  RESUME_VARIABLE,
  SupergraphState,
  eventExecutor,
  type SubscriptionPlan,
} from "../src/subscriptions";
import { initialSequence, sequenceOf } from "../src/subscriptions/resume";

// The gateway's executor as it is, watched: which service map each event is run with.
vi.mock("@apollo/gateway", async (importOriginal) => {
  const actual = await importOriginal<typeof Gateway>();
  return { ...actual, executeQueryPlan: vi.fn(actual.executeQueryPlan) };
});

const supergraphSdl = readFileSync(path.join(import.meta.dirname, "../../schema/supergraph.graphql"), "utf8");
const log = createLogger({ service: "router-test", level: "silent" });

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
  const state = new SupergraphState(supergraphSdl, {});
  const context: RouterContext = {
    requestId: "req-1",
    authorization: "Bearer t",
    viewer: undefined,
    clientIp: "203.0.113.9",
    cartToken: undefined,
    client: undefined,
  };

  /** Data sources that answer `_entities` from a table and record what they were asked. */
  function fakeSources(answers: Record<string, (representation: Record<string, unknown>) => unknown>) {
    const calls: { service: string; query: string; representations: unknown[]; context: unknown }[] = [];
    const sources = new Map<string, GraphQLDataSource<RouterContext>>();
    for (const [service, answer] of Object.entries(answers)) {
      sources.set(service, {
        process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
          const representations = (options.request.variables?.representations ?? []) as Record<
            string,
            unknown
          >[];
          calls.push({ service, query: options.request.query!, representations, context: options.context });
          return Promise.resolve({ data: { _entities: representations.map(answer) } });
        },
      });
    }
    return { sources, calls };
  }

  function run(
    plan: SubscriptionPlan,
    sources: Map<string, GraphQLDataSource<RouterContext>>,
    variables = {},
  ) {
    return eventExecutor({
      state,
      plan,
      dataSources: sources,
      context,
      source: FOLLOW,
      document: parse(FOLLOW),
      operationName: "Follow",
      variables,
      log,
    });
  }

  it("answers the primary with the event, batches entity fetches and shapes the result to the selection", async () => {
    const plan = planOf(state, FOLLOW, "Follow");
    const { sources, calls } = fakeSources({
      orders: () => {
        throw new Error("orders must not be fetched: the event is the primary's answer");
      },
      payments: () => ({ payment: { status: "SUCCEEDED" } }),
      shipping: () => ({ shipment: { trackingNumber: "1Z0000000000000001" } }),
      catalogue: (ref) => ({ sku: `SKU-${String(ref.id)}`, product: { name: `Product ${String(ref.id)}` } }),
    });
    const execute = run(plan, sources, { id: "o1", after: 2 });
    const result = await execute({
      data: {
        orderStatusChanged: {
          status: "PAID",
          [RESUME_ALIAS]: 3,
          order: {
            __typename: "Order",
            id: "o1",
            total: { amount: 2700 },
            lines: [
              { quantity: 2, variant: { __typename: "ProductVariant", id: "v1" } },
              { quantity: 1, variant: { __typename: "ProductVariant", id: "v2" } },
            ],
          },
        },
      },
    });
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
    // One call per subgraph; both variants in one _entities call; the caller's context goes along.
    expect(calls.map((c) => c.service).sort()).toEqual(["catalogue", "payments", "shipping"]);
    expect(calls.find((c) => c.service === "catalogue")!.representations).toHaveLength(2);
    expect(calls.every((c) => c.context === context)).toBe(true);
  });

  it("keeps a subgraph's error on its path and the rest of the event", async () => {
    const plan = planOf(state, FOLLOW, "Follow");
    const { sources } = fakeSources({
      payments: () => ({ payment: { status: "SUCCEEDED" } }),
      catalogue: () => ({ sku: "S", product: { name: "P" } }),
    });
    sources.set("shipping", {
      process: () =>
        Promise.resolve({
          data: { _entities: [null] },
          errors: [{ message: "Not yours.", path: ["_entities", 0], extensions: { code: "FORBIDDEN" } }],
        }),
    });
    const result = await run(
      plan,
      sources,
    )({
      data: {
        orderStatusChanged: {
          status: "SHIPPED",
          [RESUME_ALIAS]: 4,
          order: { __typename: "Order", id: "o1", total: { amount: 1 }, lines: [] },
        },
      },
    });
    expect(result.errors?.[0]).toMatchObject({ message: "Not yours.", extensions: { code: "FORBIDDEN" } });
    expect(result.data).toMatchObject({
      orderStatusChanged: { status: "SHIPPED", order: { payment: { status: "SUCCEEDED" }, shipment: null } },
    });
  });
  it("builds the service map once per subscription, answers each event with its own, and follows a replaced data source", async () => {
    const plan = planOf(state, FOLLOW, "Follow");
    const { sources } = fakeSources({
      payments: () => ({ payment: { status: "SUCCEEDED" } }),
      shipping: () => ({ shipment: { trackingNumber: "OLD" } }),
      catalogue: () => ({ sku: "S", product: { name: "P" } }),
    });
    const event = (status: string, sequence: number) => ({
      data: {
        orderStatusChanged: {
          status,
          [RESUME_ALIAS]: sequence,
          order: { __typename: "Order", id: "o1", total: { amount: 1 }, lines: [] },
        },
      },
    });
    const shaped = (result: Awaited<ReturnType<ReturnType<typeof run>>>) =>
      result.data as {
        orderStatusChanged: { status: string; order: { shipment: { trackingNumber: string } } };
      };
    const execute = run(plan, sources, { id: "o1" });
    const before = vi.mocked(executeQueryPlan).mock.calls.length;

    // Two events at once (one outliving its deadline while the next runs): each gets its own.
    const [paid, packed] = await Promise.all([
      execute(event("PAID", 3)),
      execute(event("PAYMENT_PENDING", 4)),
    ]);
    expect(shaped(paid).orderStatusChanged.status).toBe("PAID");
    expect(shaped(packed).orderStatusChanged.status).toBe("PAYMENT_PENDING");

    // A reloaded supergraph gave shipping a new data source (a new URL): the next event uses it.
    const replaced = fakeSources({ shipping: () => ({ shipment: { trackingNumber: "NEW" } }) });
    sources.set("shipping", replaced.sources.get("shipping")!);
    const shipped = shaped(await execute(event("SHIPPED", 5)));
    expect(shipped.orderStatusChanged).toMatchObject({
      status: "SHIPPED",
      order: { shipment: { trackingNumber: "NEW" } },
    });
    expect(replaced.calls).toHaveLength(1);

    const maps = vi
      .mocked(executeQueryPlan)
      .mock.calls.slice(before)
      .map((call) => call[1]);
    expect(maps).toHaveLength(3);
    expect(new Set(maps).size).toBe(1);
  });
});
