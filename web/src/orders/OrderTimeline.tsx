import type { OrderDetailsFragment } from "../graphql/generated/graphql";
import { ORDER_STATUS_LABELS, formatDateTime } from "./orderStatus";

/** Every status the order has had, oldest first; the newest is the current one. */
export function OrderTimeline({ history }: { history: OrderDetailsFragment["statusHistory"] }) {
  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h2 id="timeline-title">Status</h2>
      <ol data-testid="order-timeline">
        {history.map((change, index) => (
          <li
            key={`${change.status}-${change.at}`}
            aria-current={index === history.length - 1 ? "step" : undefined}
            data-status={change.status}
          >
            <span className="timeline-status">{ORDER_STATUS_LABELS[change.status]}</span>
            <time dateTime={change.at}>{formatDateTime(change.at)}</time>
            {change.note && <span className="timeline-note">{change.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
