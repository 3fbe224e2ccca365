import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import { AddToCartOutcomeDocument } from "./generated/cart";
import { startStack } from "./stack";

// The cart's catalogue is a port nothing listens on: every catalogue lookup fails to connect.
const s = useStack(() => startStack({}, { catalogueDown: true }));

describe("without the catalogue", () => {
  it("refuses to add (prices and stock cannot be checked) with a retryable UNAVAILABLE, shows no internals and writes nothing", async () => {
    const result = await s.execute(AddToCartOutcomeDocument, { variantId: randomUUID(), quantity: 1 });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAVAILABLE");
    expect(result.errors?.[0]?.message).not.toContain("127.0.0.1");
    const [carts] = await s.cart.database.db.select({ n: count() }).from(schema.carts);
    expect(carts!.n).toBe(0);
  });
});
