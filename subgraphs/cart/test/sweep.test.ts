import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useStack, waitFor } from "@storefront/testkit";
import { schema } from "../src/db";
import { startStack } from "./stack";

// Sweeping every second; the TTL stays the default 30 days, so carts are aged by hand.
const s = useStack(() => startStack({ GUEST_CART_SWEEP_SECONDS: "1" }));

const age = (cartId: string, days: number) =>
  s.cart.database.db
    .update(schema.carts)
    .set({ updatedAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(schema.carts.id, cartId));

describe("the guest-cart sweep", () => {
  it("deletes guest carts idle past the TTL, with their lines, and keeps the rest", async () => {
    const variant = await s.variant();
    const stale = await s.add(variant.id, 1);
    const recent = await s.add(variant.id, 1);
    const customer = await s.customer();
    const own = await s.add(variant.id, 1, { token: customer.token });
    await age(stale.cart!.id, 31);
    await age(recent.cart!.id, 29);
    await age(own.cart!.id, 365);

    const remaining = await waitFor(
      async () =>
        (
          await s.cart.database.db
            .select({ id: schema.carts.id })
            .from(schema.carts)
            .where(inArray(schema.carts.id, [stale.cart!.id, recent.cart!.id, own.cart!.id]))
        ).map((row) => row.id),
      (ids) => !ids.includes(stale.cart!.id),
    );
    expect(remaining.sort()).toEqual([recent.cart!.id, own.cart!.id].sort());
    expect(
      await s.cart.database.db
        .select()
        .from(schema.cartLines)
        .where(eq(schema.cartLines.cartId, stale.cart!.id)),
    ).toEqual([]);
    // The swept guest's token now finds nothing; the customer's cart is untouched.
    expect(await s.readCart({ cartToken: stale.cartToken! })).toBeNull();
    expect((await s.readCart({ token: customer.token }))!.itemCount).toBe(1);
  });
});
