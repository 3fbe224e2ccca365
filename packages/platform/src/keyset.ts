import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "./errors";
import { decodeCursor, encodeCursor } from "./pagination";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients or other subgraphs may be anything; only well-formed ones reach SQL. */
export const isUuid = (value: string) => UUID.test(value);

/**
 * Newest-first lists (audit log, ledger, reviews …) page by `(created_at, id)` descending: the
 * cursor holds the last row's pair, and the next page is every row strictly before it.
 */
export const newestFirst = {
  cursorOf: (row: { createdAt: Date; id: string }) => encodeCursor([row.createdAt.toISOString(), row.id]),

  /** The condition for rows after the cursor; undefined on the first page. */
  after(
    columns: { createdAt: AnyPgColumn; id: AnyPgColumn },
    after: string | null | undefined,
  ): SQL | undefined {
    if (!after) return undefined;
    const [at, lastId] = decodeCursor(after);
    if (
      typeof at !== "string" ||
      typeof lastId !== "string" ||
      !isUuid(lastId) ||
      Number.isNaN(Date.parse(at))
    ) {
      throw badUserInput("The cursor is not valid.", "after");
    }
    return sql`(${columns.createdAt}, ${columns.id}) < (${at}::timestamptz, ${lastId}::uuid)`;
  },
};

export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
