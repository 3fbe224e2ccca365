import DataLoader from "dataloader";
import { asc, desc, inArray } from "drizzle-orm";
import type { UsersDatabase } from "./db";
import { addresses, users, type AddressRow, type UserRow } from "./db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients or other subgraphs may be anything; only well-formed ones reach SQL. */
export const isUuid = (value: string) => UUID.test(value);

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Per-request loaders: one SQL statement per entity kind, however many are asked for. */
export function createLoaders(db: UsersDatabase) {
  return {
    userById: new DataLoader<string, UserRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(users).where(inArray(users.id, valid)) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    addressesByUserId: new DataLoader<string, AddressRow[]>(async (userIds) => {
      const rows = await db
        .select()
        .from(addresses)
        .where(inArray(addresses.userId, [...userIds]))
        .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
      const byUser = groupBy(rows, (row) => row.userId);
      return userIds.map((id) => byUser.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
