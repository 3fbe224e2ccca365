import type { OrderDetailsFragment } from "../graphql/generated/graphql";
import { SHIPMENT_STATUS_LABELS, formatDateTime } from "./orderStatus";

export function ShipmentTracking({
  shipment,
  awaiting,
}: {
  shipment: OrderDetailsFragment["shipment"];
  /** Paid, and the carrier's label is on its way. */
  awaiting: boolean;
}) {
  return (
    <section aria-labelledby="shipment-title" className="shipment-tracking" aria-live="polite">
      <h2 id="shipment-title">Delivery</h2>
      {shipment ? (
        <>
          <dl>
            <div>
              <dt>Carrier</dt>
              <dd>
                {shipment.carrier} {shipment.service}
              </dd>
            </div>
            <div>
              <dt>Tracking number</dt>
              <dd data-testid="tracking-number">{shipment.trackingNumber}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{SHIPMENT_STATUS_LABELS[shipment.status]}</dd>
            </div>
            {shipment.estimatedDeliveryAt && (
              <div>
                <dt>Expected by</dt>
                <dd>{formatDateTime(shipment.estimatedDeliveryAt)}</dd>
              </div>
            )}
          </dl>
          {shipment.exceptionReason && shipment.status === "EXCEPTION" && (
            <p className="notice notice-warning">Held up: {shipment.exceptionReason}</p>
          )}
          <ol className="shipment-events">
            {shipment.events.map((event) => (
              <li key={`${event.status}-${event.at}`}>
                {SHIPMENT_STATUS_LABELS[event.status]} —{" "}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                {event.note ? ` (${event.note})` : ""}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>
          {awaiting ? "Preparing your parcel — the tracking number appears here shortly." : "Not shipped."}
        </p>
      )}
    </section>
  );
}
