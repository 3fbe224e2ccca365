import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, startTestSubgraph } from "@storefront/testkit";
import { schema } from "../src/db";
import { cartConfigFrom } from "../src/env";
import { cartModule } from "../src/server";
import type { CartSubgraph } from "./harness";

let cart: CartSubgraph;
beforeAll(async () => {
  // Nothing listens on the discard port: every catalogue lookup fails to connect.
  cart = await startTestSubgraph(cartModule(cartConfigFrom({ CATALOGUE_URL: "http://127.0.0.1:9/graphql" })));
}, 60_000);
afterAll(async () => {
  await cart?.stop();
});

describe("without the catalogue", () => {
  it("refuses to add (prices and stock cannot be checked), shows no internals and writes nothing", async () => {
    const result = await execute(
      cart.url,
      `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { cartToken error { code } } }`,
      { variables: { v: randomUUID() } },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(result.errors?.[0]?.message).not.toContain("127.0.0.1");
    const [carts] = await cart.database.db.select({ n: count() }).from(schema.carts);
    expect(carts!.n).toBe(0);
  });
});
