import DataLoader from "dataloader";
import { asc, desc, inArray } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { isUuid } from "@storefront/platform/ids";
import { tracedBatch } from "@storefront/platform/tracing";
import type { PaymentsDatabase } from "./db";
import { payments, refunds, type PaymentRow, type RefundRow } from "./db/schema";

/** Per-request loaders: one SQL statement per relation, however many orders or payments are asked for. */
export function createLoaders(db: PaymentsDatabase) {
  return {
    /** Each order's latest payment attempt (DISTINCT ON keeps the newest row per order). */
    latestPaymentByOrderId: new DataLoader<string, PaymentRow | null>(
      tracedBatch("latestPaymentByOrderId", async (orderIds) => {
        const valid = [...new Set(orderIds.filter(isUuid).map((id) => id.toLowerCase()))];
        const rows = valid.length
          ? await db
              .selectDistinctOn([payments.orderId])
              .from(payments)
              .where(inArray(payments.orderId, valid))
              .orderBy(asc(payments.orderId), desc(payments.createdAt), desc(payments.id))
          : [];
        const byOrder = new Map(rows.map((row) => [row.orderId, row]));
        return orderIds.map((id) => byOrder.get(id.toLowerCase()) ?? null);
      }),
    ),
    refundsByPaymentId: new DataLoader<string, RefundRow[]>(
      tracedBatch("refundsByPaymentId", async (paymentIds) => {
        const rows = await db
          .select()
          .from(refunds)
          .where(inArray(refunds.paymentId, [...paymentIds]))
          .orderBy(asc(refunds.createdAt), asc(refunds.id));
        const groups = groupBy(rows, (row) => row.paymentId);
        return paymentIds.map((id) => groups.get(id) ?? []);
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
