import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLogger,
  createServiceMetrics,
  currentRequestScope,
  startHttpService,
  type RunningHttpService,
} from "../src";

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

  it("serves health, readiness and metrics", async () => {
    const origin = new URL(service.url).origin;
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${origin}/ready`)).json()).toEqual({
      status: "ready",
      checks: { always: "ok" },
    });
    expect(await (await fetch(`${origin}/metrics`)).text()).toMatch(
      /http_requests_total\{route="\/health",status="200",service="http-test"\}/,
    );
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
