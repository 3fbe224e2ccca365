import DataLoader from "dataloader";
import { asc, desc, inArray } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { isUuid } from "@storefront/platform/ids";
import { tracedBatch } from "@storefront/platform/tracing";
import type { UsersDatabase } from "./db";
import { addresses, users, type AddressRow, type UserRow } from "./db/schema";

/** Per-request loaders: one SQL statement per entity kind, however many are asked for. */
export function createLoaders(db: UsersDatabase) {
  return {
    userById: new DataLoader<string, UserRow | null>(
      tracedBatch("userById", async (ids) => {
        const valid = ids.filter(isUuid);
        const rows = valid.length ? await db.select().from(users).where(inArray(users.id, valid)) : [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
    addressesByUserId: new DataLoader<string, AddressRow[]>(
      tracedBatch("addressesByUserId", async (userIds) => {
        const rows = await db
          .select()
          .from(addresses)
          .where(inArray(addresses.userId, [...userIds]))
          .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
        const byUser = groupBy(rows, (row) => row.userId);
        return userIds.map((id) => byUser.get(id) ?? []);
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
