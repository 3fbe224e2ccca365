import { and, count, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { checkedAddress, postalAddressFields } from "@storefront/contracts/address";
import { requireViewer } from "@storefront/platform/auth";
import { notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { validateInput } from "@storefront/platform/validation";
import type { UsersContext } from "../context";
import type { AddressInput } from "../generated/resolvers";
import type { UsersDatabase } from "../db";
import { addresses, type AddressRow } from "../db/schema";

/** The address book takes what checkout and shipping take: one set of rules, in the platform. */
const addressInput = checkedAddress(z.object({ ...postalAddressFields, isDefault: z.boolean().nullish() }));

async function ownAddress(db: UsersDatabase, userId: string, id: string): Promise<AddressRow> {
  // Someone else's address is "not found", not "forbidden": its existence is not revealed.
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .for("update")
    : [];
  if (!row) throw notFound("Address");
  return row;
}

async function clearDefault(db: UsersDatabase, userId: string, except?: string) {
  await db
    .update(addresses)
    .set({ isDefault: false })
    .where(
      and(
        eq(addresses.userId, userId),
        eq(addresses.isDefault, true),
        except ? ne(addresses.id, except) : undefined,
      ),
    );
}

export async function addAddress(ctx: UsersContext, rawInput: AddressInput): Promise<AddressRow> {
  const viewer = requireViewer(ctx.viewer);
  const { isDefault, ...fields } = validateInput(addressInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ n: count() })
      .from(addresses)
      .where(eq(addresses.userId, viewer.userId));
    // The first address becomes the default, so checkout always has one to offer.
    const makeDefault = Boolean(isDefault) || (existing?.n ?? 0) === 0;
    if (makeDefault) await clearDefault(tx, viewer.userId);
    const [row] = await tx
      .insert(addresses)
      .values({ ...fields, userId: viewer.userId, isDefault: makeDefault })
      .returning();
    return row!;
  });
}

export async function updateAddress(
  ctx: UsersContext,
  id: string,
  rawInput: AddressInput,
): Promise<AddressRow> {
  const viewer = requireViewer(ctx.viewer);
  const { isDefault, ...fields } = validateInput(addressInput, rawInput);
  return ctx.db.transaction(async (tx) => {
    const current = await ownAddress(tx, viewer.userId, id);
    if (isDefault) await clearDefault(tx, viewer.userId, id);
    const [row] = await tx
      .update(addresses)
      .set({ ...fields, isDefault: isDefault ?? current.isDefault, updatedAt: new Date() })
      .where(eq(addresses.id, id))
      .returning();
    return row!;
  });
}

export async function removeAddress(ctx: UsersContext, id: string): Promise<string> {
  const viewer = requireViewer(ctx.viewer);
  return ctx.db.transaction(async (tx) => {
    const current = await ownAddress(tx, viewer.userId, id);
    await tx.delete(addresses).where(eq(addresses.id, id));
    if (current.isDefault) {
      // Keep a default while any address is left: the most recently added one takes over.
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, viewer.userId))
        .orderBy(desc(addresses.createdAt))
        .limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
    return id;
  });
}

export async function setDefaultAddress(ctx: UsersContext, id: string): Promise<AddressRow> {
  const viewer = requireViewer(ctx.viewer);
  return ctx.db.transaction(async (tx) => {
    await ownAddress(tx, viewer.userId, id);
    await clearDefault(tx, viewer.userId, id);
    const [row] = await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, id)).returning();
    return row!;
  });
}
