import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { isUuid } from "@storefront/platform/ids";
import { tracedBatch } from "@storefront/platform/tracing";
import type { OrdersDatabase } from "./db";
import {
  orderLines,
  orderStatusHistory,
  orders,
  type OrderLineRow,
  type OrderRow,
  type OrderStatusRow,
} from "./db/schema";

/** Per-request loaders: one SQL statement per relation, however many orders are asked for. */
export function createLoaders(db: OrdersDatabase) {
  return {
    orderById: new DataLoader<string, OrderRow | null>(
      tracedBatch("orderById", async (ids) => {
        const valid = ids.filter(isUuid);
        const rows = valid.length ? await db.select().from(orders).where(inArray(orders.id, valid)) : [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    ),
    linesByOrderId: new DataLoader<string, OrderLineRow[]>(
      tracedBatch("linesByOrderId", async (ids) => {
        const rows = await db
          .select()
          .from(orderLines)
          .where(inArray(orderLines.orderId, [...ids]))
          .orderBy(asc(orderLines.position));
        const groups = groupBy(rows, (row) => row.orderId);
        return ids.map((id) => groups.get(id) ?? []);
      }),
    ),
    historyByOrderId: new DataLoader<string, OrderStatusRow[]>(
      tracedBatch("historyByOrderId", async (ids) => {
        const rows = await db
          .select()
          .from(orderStatusHistory)
          .where(inArray(orderStatusHistory.orderId, [...ids]))
          .orderBy(asc(orderStatusHistory.sequence));
        const groups = groupBy(rows, (row) => row.orderId);
        return ids.map((id) => groups.get(id) ?? []);
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
