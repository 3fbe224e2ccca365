import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unauthenticated } from "@storefront/platform/errors";
import { createLogger } from "@storefront/platform/logger";
import { composeSupergraph } from "@storefront/schema";
import { testEnv, waitFor } from "@storefront/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { routerConfigFrom, startRouter, type RunningRouter } from "../src";
import { send } from "./support";

const supergraph = (assumedSize: number) =>
  composeSupergraph([
    {
      name: "shelf",
      // Never called: every operation here is refused for its cost.
      url: "http://127.0.0.1:9/graphql",
      sdl: `
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@listSize"])
        type Query { items: [Item!]! @listSize(assumedSize: ${assumedSize}) }
        type Item { id: ID! }
      `,
    },
  ]);

let router: RunningRouter | undefined;
afterAll(async () => {
  await router?.stop();
});

describe("cost directives on supergraph reload", () => {
  it("reads @listSize again when the supergraph file changes", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "router-cost-reload-")), "supergraph.graphql");
    writeFileSync(file, supergraph(30));
    const config = routerConfigFrom({
      ROUTER_PORT: "0",
      ROUTER_METRICS_PORT: "0",
      LOG_LEVEL: testEnv.logLevel,
      RATE_LIMIT_PER_MINUTE: "0",
      MAX_COST: "20",
      SUPERGRAPH_PATH: file,
    });
    router = await startRouter(config, {
      log: createLogger({ service: "router-test", level: testEnv.logLevel }),
      verifyToken: () => Promise.reject(unauthenticated("no tokens here")),
    });
    const url = router.url;
    const actualCost = async () =>
      (await send(url, { query: `{ items { id } }` })).body.errors?.[0]?.extensions;
    expect(await actualCost()).toEqual({ code: "COST_LIMIT_EXCEEDED", limit: 20, actual: 30 });

    writeFileSync(file, supergraph(40));
    await waitFor(actualCost, (extensions) => extensions?.actual === 40, 10_000);
  });
});
