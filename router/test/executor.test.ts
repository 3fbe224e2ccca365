import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testAccounts } from "@storefront/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metric, send, startRouterOver, startSubgraphs, type Reply, type Subgraphs } from "./support";

/**
 * An HTTP hop in front of catalogue that counts the calls reaching it and, while held, keeps
 * them waiting: a test can have several router requests in flight at once, deterministically.
 */
async function startHeldHop(target: string) {
  const seen: { authorization: string | undefined; body: string }[] = [];
  let release: (() => void) | undefined;
  let held: Promise<void> = Promise.resolve();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ authorization: req.headers.authorization, body });
      void held
        .then(() =>
          fetch(target, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
            },
            body,
          }),
        )
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "" });
          res.end(await response.text());
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
    },
    release() {
      release?.();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("in-flight deduplication of subgraph fetches", () => {
  let subgraphs: Subgraphs;
  let hop: Awaited<ReturnType<typeof startHeldHop>>;
  let router: Awaited<ReturnType<typeof startRouterOver>>;
  let routerWithout: Awaited<ReturnType<typeof startRouterOver>>;

  beforeAll(async () => {
    subgraphs = await startSubgraphs();
    hop = await startHeldHop(subgraphs.catalogue.url);
    const over = [
      { name: "users", url: subgraphs.users.url },
      { name: "catalogue", url: hop.url },
    ];
    router = await startRouterOver(over);
    routerWithout = await startRouterOver(over, { DEDUPLICATE_SUBGRAPH_FETCHES: "false" });
  });
  afterAll(async () => {
    await routerWithout?.stop();
    await router?.stop();
    await hop?.close();
    await subgraphs?.stop();
  });

  const product = () => ({
    query: `{ product(slug: "${subgraphs.product.slug}") { name priceRange: price { amount } } }`,
  });

  /** Sends `count` requests while the hop holds, waits until `inFlight` says they all reached the executor, releases. */
  async function concurrently(
    target: typeof router,
    requests: { body: unknown; headers?: Record<string, string> }[],
    reached: () => Promise<void>,
  ): Promise<Reply[]> {
    hop.seen.length = 0;
    hop.hold();
    const replies = Promise.all(
      requests.map((r) => send(target.url, r.body, r.headers ? { headers: r.headers } : {})),
    );
    await reached();
    hop.release();
    return replies;
  }

  it("five identical queries at once make one call to the subgraph, and each gets the whole answer", async () => {
    const before = await metric(router.metricsUrl, "subgraph_fetches_shared_total", {
      subgraph: "catalogue",
    });
    const replies = await concurrently(
      router,
      Array.from({ length: 5 }, () => ({ body: product() })),
      () =>
        until(
          async () =>
            hop.seen.length >= 1 &&
            (await metric(router.metricsUrl, "subgraph_fetches_shared_total", { subgraph: "catalogue" })) -
              before ===
              4,
        ),
    );
    expect(hop.seen).toHaveLength(1);
    for (const reply of replies) {
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data).toEqual({ product: { name: "Wool blanket", priceRange: { amount: 8900 } } });
    }
    // Each request merged into its own objects: the answers are equal, not shared.
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });

  it("never shares a call between callers with different credentials", async () => {
    const accounts = testAccounts(subgraphs.users);
    const [ada, bob] = await Promise.all([accounts.customer("Ada"), accounts.customer("Bob")]);
    const replies = await concurrently(
      router,
      [
        { body: product(), headers: { authorization: `Bearer ${ada.token}` } },
        { body: product(), headers: { authorization: `Bearer ${bob.token}` } },
      ],
      () => until(() => Promise.resolve(hop.seen.length === 2)),
    );
    expect(new Set(hop.seen.map((s) => s.authorization))).toEqual(
      new Set([`Bearer ${ada.token}`, `Bearer ${bob.token}`]),
    );
    for (const reply of replies) expect(reply.body.errors).toBeUndefined();
  });

  it("never shares a mutation", async () => {
    const mutation = {
      query: `mutation { createReview(input: { productId: "${subgraphs.product.id}", rating: 5, body: "Warm." }) { __typename } }`,
    };
    await concurrently(router, [{ body: mutation }, { body: mutation }], () =>
      until(() => Promise.resolve(hop.seen.length === 2)),
    );
    expect(hop.seen).toHaveLength(2);
  });

  it("with DEDUPLICATE_SUBGRAPH_FETCHES=false every request makes its own call", async () => {
    await concurrently(
      routerWithout,
      Array.from({ length: 3 }, () => ({ body: product() })),
      () => until(() => Promise.resolve(hop.seen.length === 3)),
    );
    expect(hop.seen).toHaveLength(3);
  });
});
