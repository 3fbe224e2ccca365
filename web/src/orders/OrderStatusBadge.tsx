import type { OrderStatus } from "../graphql/generated/graphql";
import { ORDER_STATUS_LABELS } from "./orderStatus";

/** The status in words, plus the raw code (what support and tests refer to). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} data-status={status}>
      {ORDER_STATUS_LABELS[status]} <span className="status-code">({status})</span>
    </span>
  );
}
