import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ordersConfigFrom, ordersModule } from "@storefront/orders";
import { createInProcessBus } from "@storefront/platform/bus";
import { createLogger } from "@storefront/platform/logger";
import { freePort, startTestSubgraph, testEnv } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  capturedLogger,
  codeOf,
  send,
  startRouterOver,
  startSubgraphs,
  type Reply,
  type Subgraphs,
} from "./support";

/**
 * What a client sees when something is wrong: a subgraph's refusal, or its own mistake in
 * choosing the operation. Real subgraphs (users, catalogue, orders on an in-process bus) behind
 * the router, in production and development mode.
 */
let subgraphs: Subgraphs;
let orders: Awaited<ReturnType<typeof startTestSubgraph>>;
const bus = createInProcessBus({ log: createLogger({ service: "bus", level: "silent" }) });

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  orders = await startTestSubgraph(
    ordersModule(
      ordersConfigFrom({
        JWKS_URL: new URL("/.well-known/jwks.json", subgraphs.users.url).toString(),
        SERVICE_TOKEN: testEnv.serviceToken,
        LOG_LEVEL: testEnv.logLevel,
        USERS_URL: subgraphs.users.url,
        CATALOGUE_URL: subgraphs.catalogue.url,
      }),
      { bus },
    ),
  );
});
afterAll(async () => {
  await orders?.stop();
  await subgraphs?.stop();
  await bus.close();
});

async function startRouter(mode: "production" | "development") {
  const captured = capturedLogger();
  const router = await startRouterOver(
    [...subgraphs.list, { name: "orders", url: orders.url }],
    { NODE_ENV: mode, RATE_LIMIT_PER_MINUTE: "0" },
    captured.log,
  );
  return { router, captured };
}

/** Nothing in the reply names an internal host, port, URL, service or subgraph response. */
function expectNoInternals(reply: Reply) {
  const text = JSON.stringify(reply.body);
  for (const subgraph of [subgraphs.users, subgraphs.catalogue, orders]) {
    expect(text).not.toContain(String(subgraph.port));
  }
  expect(text).not.toMatch(/localhost|127\.0\.0\.1|https?:|serviceName|"response"|statusText|stacktrace/);
  expect(text).not.toMatch(/"(users|catalogue|orders)"/);
}

describe.each(["production", "development"] as const)("subgraph errors in %s mode", (mode) => {
  let started: Awaited<ReturnType<typeof startRouter>>;
  beforeAll(async () => {
    started = await startRouter(mode);
  });
  afterAll(async () => {
    await started?.router.stop();
  });

  it("a subgraph's 401 reaches the client with the subgraph's message, code and path, and no internals", async () => {
    const reply = await send(started.router.url, { query: "{ myOrders { nodes { id } } }" });
    expect(reply.body.errors).toEqual([
      {
        message: "You must be signed in to do this.",
        path: ["myOrders"],
        extensions: { code: "UNAUTHENTICATED" },
      },
    ]);
    expect(reply.body.data ?? null).toBeNull();
    expectNoInternals(reply);
  });

  it("passes through a refusal from a mutation in another subgraph the same way", async () => {
    const reply = await send(started.router.url, {
      query: 'mutation { removeAddress(id: "00000000-0000-0000-0000-000000000000") }',
    });
    expect(reply.body.errors).toEqual([
      {
        message: "You must be signed in to do this.",
        path: ["removeAddress"],
        extensions: { code: "UNAUTHENTICATED" },
      },
    ]);
    expectNoInternals(reply);
    // An expected refusal is not an incident.
    expect(started.captured.errorLines()).toEqual([]);
  });
});

describe("a subgraph answer that is not GraphQL", () => {
  // What an ingress or proxy in front of a subgraph answers when the subgraph is away: an HTML
  // page with a status, no GraphQL body. Its status and page are for the log, not the client.
  let proxy: Server;
  let proxyUrl: string;
  let status = 502;
  beforeAll(async () => {
    proxy = createServer((req, res) => {
      req.resume();
      res.writeHead(status, { "content-type": "text/html" });
      res.end(`<html><body>${status} from ingress-7f9c at 10.2.3.4</body></html>`);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("is a generic error for a 500 and a retryable UNAVAILABLE for a 502 (each logged as an incident), and UNAUTHENTICATED for a 401, with nothing of the answer", async () => {
    const captured = capturedLogger();
    const router = await startRouterOver(
      [subgraphs.list[0]!, { name: "catalogue", url: proxyUrl }],
      { NODE_ENV: "production", RATE_LIMIT_PER_MINUTE: "0" },
      captured.log,
    );
    try {
      status = 500;
      const failed = await send(router.url, { query: "{ categories { id } }" });
      expect(failed.body.errors).toEqual([
        {
          message: "Something went wrong on our side. Please try again.",
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ]);
      expect(JSON.stringify(failed.body)).not.toMatch(/ingress|10\.2\.3\.4|500|127\.0\.0\.1/);
      // The operator learns which subgraph answered what, from the log.
      expect(JSON.stringify(captured.errorLines())).toContain("subgraph catalogue answered HTTP 500");

      status = 502;
      const away = await send(router.url, { query: "{ categories { id } }" });
      expect(away.body.errors).toEqual([
        {
          message: "A service this request needs is not answering. Please try again shortly.",
          extensions: { code: "UNAVAILABLE" },
        },
      ]);
      expect(JSON.stringify(away.body)).not.toMatch(/ingress|10\.2\.3\.4|502|127\.0\.0\.1/);
      expect(JSON.stringify(captured.errorLines())).toContain("subgraph catalogue answered HTTP 502");

      status = 401;
      const refused = await send(router.url, { query: "{ categories { id } }" });
      expect(refused.body.errors).toEqual([
        { message: "You must be signed in to do this.", extensions: { code: "UNAUTHENTICATED" } },
      ]);
      expect(JSON.stringify(refused.body)).not.toMatch(/ingress|10\.2\.3\.4|401:|127\.0\.0\.1/);
    } finally {
      await router.stop();
    }
  });
});

describe("a subgraph that does not answer", () => {
  it("is a retryable UNAVAILABLE for the client and an incident naming the subgraph in the log", async () => {
    const captured = capturedLogger();
    // A port nothing listens on: every catalogue fetch is refused.
    const router = await startRouterOver(
      [subgraphs.list[0]!, { name: "catalogue", url: `http://127.0.0.1:${await freePort()}/graphql` }],
      { NODE_ENV: "production", RATE_LIMIT_PER_MINUTE: "0" },
      captured.log,
    );
    try {
      const reply = await send(router.url, { query: "{ categories { id } }" });
      expect(reply.body.errors).toEqual([
        {
          message: "A service this request needs is not answering. Please try again shortly.",
          extensions: { code: "UNAVAILABLE" },
        },
      ]);
      expect(JSON.stringify(reply.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|catalogue/);
      expect(JSON.stringify(captured.errorLines())).toContain("subgraph catalogue did not answer");
    } finally {
      await router.stop();
    }
  });
});

describe("client mistakes in choosing the operation", () => {
  let started: Awaited<ReturnType<typeof startRouter>>;
  beforeAll(async () => {
    started = await startRouter("production");
  });
  afterAll(async () => {
    await started?.router.stop();
  });

  const refused = async (body: unknown, status: number, code: string) => {
    const before = started.captured.lines.length;
    const reply = await send(started.router.url, body);
    expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status, code });
    expect(reply.body.errors?.[0]?.message).not.toMatch(/went wrong/);
    expectNoInternals(reply);
    // Logged as what it is (an operation line at info), never as an error with a stack.
    const lines = started.captured.lines.slice(before);
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('"stack"');
    return reply;
  };

  // A request error: 200 to an application/json client (GraphQL over HTTP), 400 as graphql-response+json.
  it("two operations and no operationName: OPERATION_RESOLUTION_FAILURE", async () => {
    const reply = await refused(
      { query: "query A { categories { id } } query B { categories { slug } }" },
      200,
      "OPERATION_RESOLUTION_FAILURE",
    );
    expect(reply.body.errors?.[0]?.message).toMatch(/operationName/);
  });

  // A request error: 200 to an application/json client (GraphQL over HTTP), 400 as graphql-response+json.
  it("an operationName the document does not have: OPERATION_RESOLUTION_FAILURE", async () => {
    const reply = await refused(
      { query: "query A { categories { id } }", operationName: "Nope" },
      200,
      "OPERATION_RESOLUTION_FAILURE",
    );
    expect(reply.body.errors?.[0]?.message).toContain('"Nope"');
  });

  it("a subscription sent as an HTTP POST: 400 SUBSCRIPTION_REQUIRES_WEBSOCKET", async () => {
    const reply = await refused(
      { query: 'subscription { orderStatusChanged(orderId: "x") { status } }' },
      400,
      "SUBSCRIPTION_REQUIRES_WEBSOCKET",
    );
    expect(reply.body.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it("extensions.persistedQuery that is not an object: 400 BAD_REQUEST", async () => {
    for (const persistedQuery of ["abc", 1, [], true]) {
      await refused({ query: "{ categories { id } }", extensions: { persistedQuery } }, 400, "BAD_REQUEST");
    }
  });

  it("extensions.persistedQuery of version 2 (with or without text): 400 PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    const persistedQuery = { version: 2, sha256Hash: "a".repeat(64) };
    await refused({ extensions: { persistedQuery } }, 400, "PERSISTED_QUERY_NOT_SUPPORTED");
    await refused(
      { query: "{ categories { id } }", extensions: { persistedQuery } },
      400,
      "PERSISTED_QUERY_NOT_SUPPORTED",
    );
  });
});
