import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { CartDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { CartLineRow } from "./CartLineRow";
import { useCartActions } from "./useCartActions";

export function CartPage() {
  const { data, loading, error, refetch } = useQuery(CartDocument, { fetchPolicy: "cache-and-network" });
  const { user, mergeProblem } = useSession();
  const actions = useCartActions();
  const [clearing, setClearing] = useState(false);
  const [clearError, setClearError] = useState<unknown>();
  const cart = data?.cart;

  const clear = async () => {
    setClearing(true);
    setClearError(undefined);
    try {
      await actions.clear();
    } catch (failure) {
      setClearError(failure);
    } finally {
      setClearing(false);
    }
  };

  return (
    <section className="page" aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      {mergeProblem && <ErrorNotice error={mergeProblem} />}
      {loading && !data && <Loading label="Loading your cart…" />}
      {error && !data && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && (!cart || cart.lines.length === 0) && (
        <p className="empty">
          Your cart is empty. <Link to="/search">Find something you like</Link>
        </p>
      )}
      {cart && cart.lines.length > 0 && (
        <>
          <table className="cart-table">
            <caption className="visually-hidden">Items in your cart</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Price</th>
                <th scope="col">Quantity</th>
                <th scope="col">Total</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((line) => (
                <CartLineRow key={line.id} line={line} />
              ))}
            </tbody>
          </table>
          <div className="cart-summary">
            <p className="subtotal">
              Subtotal ({cart.itemCount} item{cart.itemCount === 1 ? "" : "s"}):{" "}
              <Money value={cart.subtotal} />
            </p>
            {!cart.readyForCheckout && (
              <p className="notice notice-warning" role="status">
                Some items need your attention before you can check out.
              </p>
            )}
            <div className="actions">
              <button
                type="button"
                className="button-secondary"
                onClick={() => void clear()}
                disabled={clearing}
              >
                {clearing ? "Emptying…" : "Empty cart"}
              </button>
              {cart.readyForCheckout ? (
                <Link className="button" to={user ? "/checkout" : "/sign-in?next=%2Fcheckout"}>
                  {user ? "Check out" : "Sign in to check out"}
                </Link>
              ) : (
                <span className="button disabled" aria-disabled="true">
                  Check out
                </span>
              )}
            </div>
            {clearError !== undefined && <ErrorNotice error={clearError} />}
          </div>
        </>
      )}
    </section>
  );
}
