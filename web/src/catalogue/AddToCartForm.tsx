import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { cartErrorMessage, useCartActions } from "../cart/useCartActions";
import { ErrorNotice } from "../components/Status";

export function AddToCartForm({ variantId, maxQuantity }: { variantId: string; maxQuantity: number }) {
  const cart = useCartActions();
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ added: true } | { problem: unknown }>();
  const id = useId();
  const soldOut = maxQuantity <= 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      const refused = await cart.add(variantId, quantity);
      setOutcome(refused ? { problem: cartErrorMessage(refused) } : { added: true });
    } catch (error) {
      setOutcome({ problem: error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-to-cart" onSubmit={(event) => void submit(event)}>
      <div className="field field-short">
        <label htmlFor={id}>Quantity</label>
        <input
          id={id}
          type="number"
          min={1}
          max={Math.max(1, maxQuantity)}
          value={quantity}
          disabled={soldOut}
          onChange={(event) => setQuantity(Math.max(1, Number(event.target.value) || 1))}
        />
      </div>
      <button type="submit" disabled={busy || soldOut}>
        {busy ? "Adding…" : "Add to cart"}
      </button>
      <div aria-live="polite" className="add-to-cart-outcome">
        {outcome && "added" in outcome && (
          <p className="notice notice-success">
            Added to your cart. <Link to="/cart">View cart</Link>
          </p>
        )}
      </div>
      {outcome && "problem" in outcome && <ErrorNotice error={outcome.problem} />}
    </form>
  );
}
