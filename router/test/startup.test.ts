import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { unauthenticated } from "@storefront/platform/errors";
import { createLogger } from "@storefront/platform/logger";
import { composeSupergraph } from "@storefront/schema";
import { testEnv } from "@storefront/testkit";
import { describe, expect, it, vi } from "vitest";
import { routerConfigFrom, startRouter } from "../src";
import type * as SubscriptionServer from "../src/subscriptions/server";

// The subscription server fails to set up, after the HTTP server is already listening.
vi.mock("../src/subscriptions/server", async (importOriginal) => {
  const actual = await importOriginal<typeof SubscriptionServer>();
  return {
    ...actual,
    attachSubscriptionServer: () => {
      throw new Error("subscriptions could not start");
    },
  };
});

const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { hello: String }
`;

/** Listens on `port` and lets it go again: rejects (EADDRINUSE) while something else holds it. */
function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, () => {
      const taken = (server.address() as AddressInfo).port;
      server.close(() => resolve(taken));
    });
  });
}

describe("starting the router", () => {
  it("closes the HTTP and metrics servers again when the subscription server cannot be set up", async () => {
    const port = await listenOn(0);
    const metricsPort = await listenOn(0);
    const config = routerConfigFrom({
      ROUTER_PORT: String(port),
      ROUTER_METRICS_PORT: String(metricsPort),
      LOG_LEVEL: testEnv.logLevel,
      RATE_LIMIT_PER_MINUTE: "0",
    });
    const supergraphSdl = composeSupergraph([{ name: "hello", url: "http://127.0.0.1:9/graphql", sdl: SDL }]);
    await expect(
      startRouter(
        { ...config, supergraphSdl },
        {
          log: createLogger({ service: "router-test", level: testEnv.logLevel }),
          verifyToken: () => Promise.reject(unauthenticated("no tokens here")),
        },
      ),
    ).rejects.toThrow("subscriptions could not start");
    // Nothing half-started holds the port (or keeps the process alive).
    await expect(listenOn(port)).resolves.toBe(port);
    await expect(listenOn(metricsPort)).resolves.toBe(metricsPort);
  });
});
