import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import { groupBy } from "@storefront/platform/collections";
import { isUuid } from "@storefront/platform/ids";
import { tracedBatch } from "@storefront/platform/tracing";
import type { ShippingDatabase } from "./db";
import { shipmentEvents, shipments, type ShipmentEventRow, type ShipmentRow } from "./db/schema";

/** Rows for the asked keys, in their order; null where there is none. Malformed ids never reach SQL. */
async function byKey<T>(
  keys: readonly string[],
  keyOf: (row: T) => string,
  load: (valid: string[]) => Promise<T[]>,
): Promise<(T | null)[]> {
  const valid = [...new Set(keys.filter(isUuid))];
  const rows = valid.length ? await load(valid) : [];
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Per-request loaders: one SQL statement per kind, however many orders or shipments are asked for. */
export function createLoaders(db: ShippingDatabase) {
  const shipmentById = new DataLoader<string, ShipmentRow | null>(
    tracedBatch("shipmentById", (ids) =>
      byKey<ShipmentRow>(
        ids,
        (row) => row.id,
        (valid) => db.select().from(shipments).where(inArray(shipments.id, valid)),
      ),
    ),
  );
  const shipmentByOrderId = new DataLoader<string, ShipmentRow | null>(
    tracedBatch("shipmentByOrderId", async (orderIds) => {
      const rows = await byKey<ShipmentRow>(
        orderIds,
        (row) => row.orderId,
        (valid) => db.select().from(shipments).where(inArray(shipments.orderId, valid)),
      );
      for (const row of rows) if (row) shipmentById.prime(row.id, row);
      return rows;
    }),
  );
  const eventsByShipmentId = new DataLoader<string, ShipmentEventRow[]>(
    tracedBatch("eventsByShipmentId", async (shipmentIds) => {
      const rows = await db
        .select()
        .from(shipmentEvents)
        .where(inArray(shipmentEvents.shipmentId, [...shipmentIds]))
        .orderBy(asc(shipmentEvents.shipmentId), asc(shipmentEvents.sequence));
      const groups = groupBy(rows, (row) => row.shipmentId);
      return shipmentIds.map((id) => groups.get(id) ?? []);
    }),
  );
  return { shipmentById, shipmentByOrderId, eventsByShipmentId };
}

export type Loaders = ReturnType<typeof createLoaders>;
