import { and, desc, eq } from "drizzle-orm";
import { requireAdmin, requireViewer } from "@storefront/platform/auth";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { newestFirst } from "@storefront/platform/keyset";
import { inTransactionWithOutbox } from "@storefront/platform/outbox";
import { pageSize, toConnection, type Connection } from "@storefront/platform/pagination";
import { canSee as ownerAdminOrService } from "@storefront/platform/visibility";
import type { ShippingContext } from "../context";
import { shipments, type ShipmentRow, type ShipmentStatus } from "../db/schema";
import { changeStatus, defaultNote, nextStatus } from "./transitions";

const MAX_NOTE = 500;

/** The order's customer, administrators and platform services may see a shipment; nobody else. */
function canSee(ctx: ShippingContext, shipment: ShipmentRow): boolean {
  return ownerAdminOrService(ctx, shipment.userId);
}

/** An order's shipment as this caller may see it: null when there is none or it is not theirs. */
export async function shipmentOfOrder(ctx: ShippingContext, orderId: string): Promise<ShipmentRow | null> {
  const shipment = await ctx.loaders.shipmentByOrderId.load(orderId);
  return shipment && canSee(ctx, shipment) ? shipment : null;
}

/** A shipment by id for a signed-in caller; null rather than FORBIDDEN, so ids reveal nothing. */
export async function findShipment(ctx: ShippingContext, id: string): Promise<ShipmentRow | null> {
  if (!ctx.internalCaller) requireViewer(ctx.viewer);
  const shipment = await ctx.loaders.shipmentById.load(id);
  return shipment && canSee(ctx, shipment) ? shipment : null;
}

export async function listShipments(
  ctx: ShippingContext,
  args: { status?: ShipmentStatus | null; first?: number | null; after?: string | null },
): Promise<Connection<ShipmentRow>> {
  requireAdmin(ctx.viewer);
  const limit = pageSize(args.first);
  const rows = await ctx.db
    .select()
    .from(shipments)
    .where(
      and(
        args.status ? eq(shipments.status, args.status) : undefined,
        newestFirst.after(shipments, args.after),
      ),
    )
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(limit + 1);
  for (const row of rows) ctx.loaders.shipmentById.prime(row.id, row);
  return toConnection(rows, limit, newestFirst.cursorOf);
}

function cleanNote(note: string | null | undefined, field: string, required: boolean): string | null {
  const text = note?.trim() ?? "";
  if (required && !text) throw badUserInput(`${field} must not be empty.`, field);
  if ([...text].length > MAX_NOTE)
    throw badUserInput(`${field} must be at most ${MAX_NOTE} characters.`, field);
  return text || null;
}

async function loadForChange(ctx: ShippingContext, id: string): Promise<ShipmentRow> {
  const [shipment] = isUuid(id) ? await ctx.db.select().from(shipments).where(eq(shipments.id, id)) : [];
  if (!shipment) throw notFound("Shipment");
  return shipment;
}

/** Applies a change decided from `shipment` as read; a concurrent change that got there first wins. */
async function apply(ctx: ShippingContext, shipment: ShipmentRow, to: ShipmentStatus, note: string) {
  const updated = await inTransactionWithOutbox(ctx.db, ctx.relay, (tx, outbox) =>
    changeStatus(tx, outbox, shipment, to, note),
  );
  if (!updated) {
    throw badUserInput(
      "This shipment was updated by someone else at the same time. Reload it and try again.",
      "id",
    );
  }
  // Later fields of the same operation (events) must see the change.
  ctx.loaders.shipmentById.clear(updated.id).prime(updated.id, updated);
  ctx.loaders.eventsByShipmentId.clear(updated.id);
  return updated;
}

/** An administrator (or carrier integration) moves a shipment one step along its way. */
export async function advanceShipment(
  ctx: ShippingContext,
  id: string,
  note: string | null | undefined,
): Promise<ShipmentRow> {
  requireAdmin(ctx.viewer);
  const remark = cleanNote(note, "note", false);
  const shipment = await loadForChange(ctx, id);
  const to = nextStatus(shipment);
  if (!to) throw badUserInput("This shipment has already been delivered.", "id");
  return apply(ctx, shipment, to, remark ?? defaultNote(shipment, to));
}

/** Something holds the shipment up; the reason is shown to the customer. */
export async function reportShipmentException(
  ctx: ShippingContext,
  id: string,
  reason: string,
): Promise<ShipmentRow> {
  requireAdmin(ctx.viewer);
  const why = cleanNote(reason, "reason", true)!;
  const shipment = await loadForChange(ctx, id);
  if (shipment.status === "DELIVERED") throw badUserInput("This shipment has already been delivered.", "id");
  return apply(ctx, shipment, "EXCEPTION", why);
}
