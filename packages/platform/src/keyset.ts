import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { badUserInput } from "./errors";
import { isUuid } from "./ids";
import { decodeCursor, encodeCursor } from "./pagination";

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
