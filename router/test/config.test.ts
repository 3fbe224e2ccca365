import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { routerContext } from "../src/context";
import { EnvError } from "@storefront/platform";
import { parseSubgraphUrls, routerConfigFrom } from "../src/env";

describe("router configuration", () => {
  it("parses subgraph URL overrides and defaults", () => {
    const config = routerConfigFrom({
      SUBGRAPH_URLS: "users=http://users:4001/graphql, orders=http://orders:4004/graphql",
    });
    expect(config.subgraphUrls).toEqual({
      users: "http://users:4001/graphql",
      orders: "http://orders:4004/graphql",
    });
    expect(config.port).toBe(4000);
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
    expect(config.production).toBe(false);
    expect(parseSubgraphUrls(undefined)).toEqual({});
  });

  it("names every bad variable", () => {
    expect(() => routerConfigFrom({ SUBGRAPH_URLS: "users", JWKS_URL: "nope", NODE_ENV: "staging" })).toThrow(
      EnvError,
    );
    try {
      routerConfigFrom({ SUBGRAPH_URLS: "users", JWKS_URL: "nope", NODE_ENV: "staging" });
    } catch (error) {
      expect((error as EnvError).problems.map((p) => p.split(":")[0])).toEqual([
        "SUBGRAPH_URLS",
        "JWKS_URL",
        "NODE_ENV",
      ]);
    }
  });
});

describe("router request context", () => {
  const request = (headers: Record<string, string>) =>
    ({ headers, socket: { remoteAddress: "127.0.0.9" } }) as unknown as IncomingMessage;
  const scope = { requestId: "r1", sqlStatements: 0 };
  const verify = () =>
    Promise.resolve({ userId: "u1", role: "CUSTOMER" as const, expiresAt: 0, sessionId: undefined });

  it("takes the client address from the socket unless the proxy is trusted", async () => {
    const forwarded = request({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" });
    expect((await routerContext(forwarded, scope, verify, false)).clientIp).toBe("127.0.0.9");
    expect((await routerContext(forwarded, scope, verify, true)).clientIp).toBe("198.51.100.7");
  });

  it("passes a well-formed guest cart token through and drops anything else", async () => {
    const token = "c".repeat(32);
    expect((await routerContext(request({ "x-cart-token": token }), scope, verify, false)).cartToken).toBe(
      token,
    );
    expect(
      (await routerContext(request({ "x-cart-token": "bad token!" }), scope, verify, false)).cartToken,
    ).toBeUndefined();
  });

  it("verifies a bearer token and refuses a malformed Authorization header", async () => {
    const context = await routerContext(request({ authorization: "Bearer abc" }), scope, verify, false);
    expect(context).toMatchObject({ authorization: "Bearer abc", viewer: { userId: "u1" } });
    await expect(
      routerContext(request({ authorization: "Basic abc" }), scope, verify, false),
    ).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
