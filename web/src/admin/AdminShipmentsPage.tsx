import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { LoadMore } from "../components/LoadMore";
import { ErrorNotice, Loading } from "../components/Status";
import { AdminShipmentsDocument, type ShipmentStatus } from "../graphql/generated/graphql";
import { SHIPMENT_STATUS_LABELS } from "../orders/orderStatus";
import { ShipmentControls } from "./ShipmentControls";

const STATUSES = Object.keys(SHIPMENT_STATUS_LABELS) as ShipmentStatus[];

export function AdminShipmentsPage() {
  const [status, setStatus] = useState<ShipmentStatus | "">("");
  const id = useId();
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminShipmentsDocument, {
    variables: { status: status || undefined, first: 20 },
    fetchPolicy: "cache-and-network",
  });
  const shipments = data?.shipments;
  return (
    <section className="page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Shipments</h1>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-status`}>Show</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.target.value as ShipmentStatus | "")}
          >
            <option value="">All shipments</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {SHIPMENT_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-secondary" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>
      {loading && !data && <Loading label="Loading shipments…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {shipments && shipments.nodes.length === 0 && <p className="empty">No shipments.</p>}
      {shipments && shipments.nodes.length > 0 && (
        <ul className="shipment-list">
          {shipments.nodes.map((shipment) => (
            <li key={shipment.id} data-tracking-number={shipment.trackingNumber}>
              <ShipmentControls shipment={shipment} />
            </li>
          ))}
        </ul>
      )}
      {shipments?.pageInfo.hasNextPage && (
        <LoadMore
          label="More shipments"
          onLoad={() => fetchMore({ variables: { after: shipments.pageInfo.endCursor } })}
        />
      )}
    </section>
  );
}
