import { Link } from "react-router";
import { checkoutFailureMessage, type CheckoutFailure } from "./checkoutMessages";

export function CheckoutFailureNotice({ failure }: { failure: CheckoutFailure }) {
  const { title, advice } = checkoutFailureMessage(failure);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}</strong> {advice}
      </p>
      {failure.shortages.length > 0 && (
        <ul>
          {failure.shortages.map((shortage) => (
            <li key={shortage.variant.id}>
              {shortage.variant.product.name} ({shortage.variant.name}): you asked for {shortage.requested},{" "}
              {shortage.available === 0
                ? "none are"
                : `only ${shortage.available} ${shortage.available === 1 ? "is" : "are"}`}{" "}
              left.
            </li>
          ))}
        </ul>
      )}
      {(failure.code === "OUT_OF_STOCK" || failure.code === "CART_HAS_ISSUES") && (
        <p>
          <Link to="/cart">Review your cart</Link>
        </p>
      )}
    </div>
  );
}
