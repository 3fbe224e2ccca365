import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, freePort, startTestSubgraph } from "@storefront/testkit";
import { schema } from "../src/db";
import { cartConfigFrom } from "../src/env";
import { cartModule } from "../src/server";
import { AddToCartOutcomeDocument } from "./generated/cart";
import type { CartSubgraph } from "./stack";

let cart: CartSubgraph;
beforeAll(async () => {
  // A port nothing listens on: every catalogue lookup fails to connect.
  const catalogueUrl = `http://127.0.0.1:${await freePort()}/graphql`;
  cart = await startTestSubgraph(cartModule(cartConfigFrom({ CATALOGUE_URL: catalogueUrl })));
}, 60_000);
afterAll(async () => {
  await cart?.stop();
});

describe("without the catalogue", () => {
  it("refuses to add (prices and stock cannot be checked) with a retryable UNAVAILABLE, shows no internals and writes nothing", async () => {
    const result = await execute(cart.url, AddToCartOutcomeDocument, {
      variables: { variantId: randomUUID(), quantity: 1 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAVAILABLE");
    expect(result.errors?.[0]?.message).not.toContain("127.0.0.1");
    const [carts] = await cart.database.db.select({ n: count() }).from(schema.carts);
    expect(carts!.n).toBe(0);
  });
});
