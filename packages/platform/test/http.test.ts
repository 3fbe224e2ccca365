import { ApolloServer } from "@apollo/server";
import { oversizedChunkedPost } from "@storefront/testkit/raw-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpService, type RunningHttpService } from "../src/http";
import { createLogger } from "../src/logger";
import { createServiceMetrics } from "../src/metrics";
import { currentRequestScope } from "../src/request-scope";

let service: RunningHttpService;
let apollo: ApolloServer;
let releaseSlow: () => void = () => {};

beforeAll(async () => {
  apollo = new ApolloServer({
    typeDefs: `type Query { requestId: String  slow: String }`,
    resolvers: {
      Query: {
        requestId: () => currentRequestScope()?.requestId,
        slow: () => new Promise((resolve) => (releaseSlow = () => resolve("done"))),
      },
    },
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  service = await startHttpService({
    name: "test",
    port: 0,
    log: createLogger({ service: "test", level: "silent" }),
    metrics: createServiceMetrics("http-test"),
    apollo,
    maxBodyBytes: 1000,
    context: () => Promise.resolve({}),
    readiness: { always: () => {} },
  });
});
afterAll(async () => {
  await service.close(100);
  await apollo.stop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(service.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("HTTP service", () => {
  it("keeps a well-formed caller request id and makes one up otherwise", async () => {
    const kept = await post(JSON.stringify({ query: "{ requestId }" }), { "x-request-id": "abc-123" });
    expect(kept.headers.get("x-request-id")).toBe("abc-123");
    expect(await kept.json()).toEqual({ data: { requestId: "abc-123" } });
    const replaced = await post(JSON.stringify({ query: "{ requestId }" }), {
      "x-request-id": "bad id with spaces <script>",
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 413 to a body over the limit and 400 to invalid JSON", async () => {
    const big = await post(JSON.stringify({ query: `{ requestId } # ${"x".repeat(2000)}` }));
    expect(big.status).toBe(413);
    expect(
      ((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe("PAYLOAD_TOO_LARGE");
    const broken = await post("{ not json");
    expect(broken.status).toBe(400);
  });

  it("serves health and readiness on the public port, metrics only on a port of their own", async () => {
    const origin = new URL(service.url).origin;
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${origin}/ready`)).json()).toEqual({
      status: "ready",
      checks: { always: "ok" },
    });
    expect((await fetch(`${origin}/metrics`)).status).toBe(404);
    expect(service.metricsPort).not.toBe(service.port);
    expect(service.metricsUrl).toBe(`http://localhost:${service.metricsPort}/metrics`);
    const scrape = await fetch(service.metricsUrl);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toMatch(
      /http_requests_total\{route="\/health",status="200",service="http-test"\}/,
    );
    // The metrics port serves metrics and nothing else.
    const metricsOrigin = new URL(service.metricsUrl).origin;
    expect((await fetch(`${metricsOrigin}/graphql`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${metricsOrigin}/health`)).status).toBe(404);
  });

  it("exports its readiness as service_ready, evaluated at each scrape", async () => {
    let dependencyUp = true;
    const readinessApollo = new ApolloServer({
      typeDefs: `type Query { ok: Boolean }`,
      stopOnTerminationSignals: false,
    });
    await readinessApollo.start();
    const flaky = await startHttpService({
      name: "flaky",
      port: 0,
      log: createLogger({ service: "flaky", level: "silent" }),
      metrics: createServiceMetrics("readiness-test"),
      apollo: readinessApollo,
      context: () => Promise.resolve({}),
      readiness: {
        dependency: () => {
          if (!dependencyUp) throw new Error("dependency unreachable");
        },
      },
    });
    const readyValue = async () =>
      /^service_ready\{[^}]*\} (\d)$/m.exec(await (await fetch(flaky.metricsUrl)).text())?.[1];
    try {
      expect(await readyValue()).toBe("1");
      dependencyUp = false;
      expect(await readyValue()).toBe("0");
      dependencyUp = true;
      expect(await readyValue()).toBe("1");
    } finally {
      await flaky.close(100);
      await readinessApollo.stop();
    }
  });

  it("answers a chunked body over the limit with 413 and closes the connection, so nothing waits on it", async () => {
    const reply = await oversizedChunkedPost(service.port);
    expect(reply.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.head).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply.body).toContain("PAYLOAD_TOO_LARGE");
    // The second request on that connection is not left hanging: the connection is closed…
    expect(reply.closed).toBe(true);
    // …and a new one is served.
    expect((await fetch(`${new URL(service.url).origin}/health`)).status).toBe(200);
  });

  it("on close finishes the request in flight and refuses new connections", async () => {
    const inFlight = post(JSON.stringify({ query: "{ slow }" }));
    await new Promise((r) => setTimeout(r, 50));
    const closing = service.close(5_000);
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${new URL(service.url).origin}/health`)).rejects.toThrow();
    releaseSlow();
    expect(await (await inFlight).json()).toEqual({ data: { slow: "done" } });
    await closing;
  });
});
