import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { badUserInput } from "@storefront/platform/errors";
import type { CartDependencies } from "../dependencies";
import type { CartRequest } from "../request";
import type { CartDatabase } from "../db";
import { carts, type CartRow } from "../db/schema";

/** Whose cart a request is about: the signed-in customer's, or the guest's with this token. */
export type CartOwner = { userId: string } | { guestToken: string | undefined };

/** The shape the router forwards; anything else is not a cart token. */
export const CART_TOKEN = /^[\w-]{16,128}$/;

/** Only the hash is stored: a copy of the database does not hand out guest carts. */
export const hashCartToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** 32 random bytes, base64url: 43 characters, inside CART_TOKEN. */
export const newCartToken = () => randomBytes(32).toString("base64url");

export function validCartToken(token: string, field: string): string {
  if (!CART_TOKEN.test(token)) throw badUserInput("This is not a valid cart token.", field);
  return token;
}

/**
 * A signed-in caller always uses their own cart: a guest token they still send is ignored
 * (it only matters to mergeGuestCart). A guest's token comes from the `cartToken` argument
 * when given (for clients that cannot set headers), else from the `x-cart-token` header.
 */
export function cartOwner(request: CartRequest, tokenArgument?: string | null): CartOwner {
  if (request.viewer) return { userId: request.viewer.userId };
  if (tokenArgument != null) return { guestToken: validCartToken(tokenArgument, "cartToken") };
  return { guestToken: request.cartToken };
}

/** The owner's live cart, or undefined (no cart yet, or an unknown, merged or swept token). */
export async function findCart(db: CartDatabase, owner: CartOwner): Promise<CartRow | undefined> {
  if ("userId" in owner) {
    const [cart] = await db.select().from(carts).where(eq(carts.userId, owner.userId));
    return cart;
  }
  if (!owner.guestToken) return undefined;
  const [cart] = await db
    .select()
    .from(carts)
    .where(and(eq(carts.tokenHash, hashCartToken(owner.guestToken)), eq(carts.status, "ACTIVE")));
  return cart;
}

/** Inside a transaction: a live cart by id, locked until the transaction ends. */
export async function lockCart(tx: CartDatabase, cartId: string): Promise<CartRow | undefined> {
  const [cart] = await tx
    .select()
    .from(carts)
    .where(and(eq(carts.id, cartId), eq(carts.status, "ACTIVE")))
    .for("update");
  return cart;
}

/**
 * Inside a transaction: the owner's cart, locked, created when missing. Every write to a cart
 * holds this lock, so its lines and currency change one request at a time. A guest whose token
 * is missing or dead gets a new cart and token (returned once, as `createdToken`).
 */
export async function lockOrCreateCart(
  tx: CartDatabase,
  owner: CartOwner,
): Promise<{ cart: CartRow; createdToken?: string }> {
  if ("userId" in owner) {
    // One statement whichever request comes first; the no-op update takes the row lock.
    const [cart] = await tx
      .insert(carts)
      .values({ userId: owner.userId })
      .onConflictDoUpdate({
        target: carts.userId,
        targetWhere: sql`${carts.userId} is not null`,
        set: { userId: sql`excluded.user_id` },
      })
      .returning();
    return { cart: cart! };
  }
  if (owner.guestToken) {
    const [cart] = await tx
      .select()
      .from(carts)
      .where(and(eq(carts.tokenHash, hashCartToken(owner.guestToken)), eq(carts.status, "ACTIVE")))
      .for("update");
    if (cart) return { cart };
  }
  const token = newCartToken();
  const [cart] = await tx
    .insert(carts)
    .values({ tokenHash: hashCartToken(token) })
    .returning();
  return { cart: cart!, createdToken: token };
}

/**
 * Records a change to the cart: `updated_at` moves (the guest sweep goes by it) and the currency
 * is set by the first line or cleared once the last line is gone, in the same statement.
 */
export async function touchCart(tx: CartDatabase, cartId: string, currency?: string): Promise<CartRow> {
  const [cart] = await tx
    .update(carts)
    .set({
      updatedAt: sql`now()`,
      currency: sql`case when exists (select 1 from cart_lines where cart_lines.cart_id = ${carts.id})
        then coalesce(${carts.currency}, ${currency ?? null}) else null end`,
    })
    .where(eq(carts.id, cartId))
    .returning();
  return cart!;
}

/** The `cart` query: the caller's live cart, or null when there is none yet. */
export async function callerCart(
  deps: CartDependencies,
  request: CartRequest,
  tokenArgument: string | null | undefined,
) {
  return (await findCart(deps.db, cartOwner(request, tokenArgument))) ?? null;
}
