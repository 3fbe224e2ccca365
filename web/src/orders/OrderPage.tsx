import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { AddressLines } from "../account/AddressFieldset";
import { SignInRequired } from "../components/Layout";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { OrderPageDocument, type OrderDetailsFragment, type OrderStatus } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { ORDER_STATUS_LABELS, formatDateTime } from "./orderStatus";
import { OrderStatusBadge } from "./OrderStatusBadge";
import { OrderTimeline } from "./OrderTimeline";
import { PaymentSummary } from "./PaymentSummary";
import { ShipmentTracking } from "./ShipmentTracking";
import { useLiveOrder } from "./useLiveOrder";

const FINAL: OrderStatus[] = ["DELIVERED", "PAYMENT_FAILED", "CANCELLED"];
/** How often to look again while live updates are not flowing, or a shipment is awaited. */
const POLL_MS = 4_000;

export function OrderPage() {
  const { user, state } = useSession();
  const { id = "" } = useParams();
  if (state.status === "restoring") return <Loading label="Signing you in…" />;
  if (!user) return <SignInRequired what="see this order" />;
  return <OrderView key={id} orderId={id} />;
}

function OrderView({ orderId }: { orderId: string }) {
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(OrderPageDocument, {
    variables: { id: orderId },
    fetchPolicy: "cache-and-network",
  });
  const order = data?.order;
  const final = order ? FINAL.includes(order.status) : false;
  const live = useLiveOrder(orderId, order?.statusHistory.length ?? 0, Boolean(order) && !final);

  // The shipment is made after payment without a status change, and live updates may be down:
  // look again every few seconds until there is nothing more to wait for.
  const awaitingShipment = order?.status === "PAID" && !order.shipment;
  const shouldPoll = Boolean(order) && !final && (!live.live || awaitingShipment);
  useEffect(() => {
    if (shouldPoll) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [shouldPoll, startPolling, stopPolling]);

  if (loading && !data) return <Loading label="Loading your order…" />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!order) {
    return (
      <section className="page">
        <h1>Order not found</h1>
        <p>
          <Link to="/orders">Your orders</Link>
        </p>
      </section>
    );
  }
  return (
    <article className="page order-page" aria-labelledby="order-title">
      <h1 id="order-title">Order {shortId(order.id)}</h1>
      <p className="order-meta">
        Placed {formatDateTime(order.createdAt)} · <OrderStatusBadge status={order.status} />
      </p>
      <p className="live-state" data-live={live.live ? "on" : "off"}>
        {final
          ? "This order is complete."
          : live.live
            ? "Live updates are on."
            : live.failed
              ? "Live updates are unavailable; checking for changes every few seconds."
              : "Connecting for live updates…"}
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-announcement">
        {live.lastChange ? `Order status changed to ${ORDER_STATUS_LABELS[live.lastChange.status]}.` : ""}
      </div>
      {order.failureReason && <ErrorNotice error={order.failureReason} />}
      <div className="order-layout">
        <OrderTimeline history={order.statusHistory} />
        <div className="order-side">
          <PaymentSummary payment={order.payment} />
          <ShipmentTracking shipment={order.shipment} awaiting={awaitingShipment} />
          <section aria-labelledby="ship-to-title">
            <h2 id="ship-to-title">Delivery address</h2>
            <AddressLines address={order.shippingAddress} />
          </section>
        </div>
      </div>
      <OrderLines order={order} />
    </article>
  );
}

function OrderLines({ order }: { order: OrderDetailsFragment }) {
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <table className="order-lines">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.sku}>
              <td data-label="Item">
                {line.productName} <span className="variant-name">({line.variantName})</span>
              </td>
              <td data-label="Quantity">{line.quantity}</td>
              <td data-label="Price">
                <Money value={line.unitPrice} />
              </td>
              <td data-label="Total">
                <Money value={line.lineTotal} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Subtotal
            </th>
            <td>
              <Money value={order.subtotal} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Shipping
            </th>
            <td>
              <Money value={order.shippingTotal} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td>
              <strong>
                <Money value={order.total} />
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function shortId(id: string): string {
  return id.length > 12 ? `#${id.slice(0, 8).toUpperCase()}` : `#${id}`;
}
