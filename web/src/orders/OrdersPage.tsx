import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { SignInRequired } from "../components/Layout";
import { LoadMore } from "../components/LoadMore";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { MyOrdersDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { formatDateTime } from "./orderStatus";
import { OrderStatusBadge } from "./OrderStatusBadge";

export function OrdersPage() {
  const { user, state } = useSession();
  if (state.status === "restoring") return <Loading label="Signing you in…" />;
  if (!user) return <SignInRequired what="see your orders" />;
  return <OrderList />;
}

function OrderList() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyOrdersDocument, {
    variables: { first: 10 },
    fetchPolicy: "cache-and-network",
  });
  const orders = data?.myOrders;
  return (
    <section className="page" aria-labelledby="orders-title">
      <h1 id="orders-title">Your orders</h1>
      {loading && !data && <Loading label="Loading your orders…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {orders && orders.nodes.length === 0 && (
        <p className="empty">
          No orders yet. <Link to="/search">Start shopping</Link>
        </p>
      )}
      {orders && orders.nodes.length > 0 && (
        <ul className="order-list">
          {orders.nodes.map((order) => (
            <li key={order.id}>
              <Link to={`/orders/${order.id}`} className="order-row">
                <span className="order-date">{formatDateTime(order.createdAt)}</span>
                <span className="order-items">
                  {order.lines.map((line) => `${line.quantity} × ${line.productName}`).join(", ")}
                </span>
                <Money value={order.total} />
                <OrderStatusBadge status={order.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {orders?.pageInfo.hasNextPage && (
        <LoadMore
          label="Older orders"
          onLoad={() => fetchMore({ variables: { after: orders.pageInfo.endCursor } })}
        />
      )}
    </section>
  );
}
