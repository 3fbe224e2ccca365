import { useId, useState } from "react";
import { Link } from "react-router";
import { Money } from "../components/Money";
import { ErrorNotice } from "../components/Status";
import type { CartFieldsFragment } from "../graphql/generated/graphql";
import { cartErrorMessage, useCartActions } from "./useCartActions";

type CartLine = CartFieldsFragment["lines"][number];

/** One cart line: quantity changes and removal, and why it cannot be bought as it is. */
export function CartLineRow({ line }: { line: CartLine }) {
  const actions = useCartActions();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const id = useId();
  const product = line.variant.product;
  const image = product.images[0];

  const run = async (change: () => Promise<Parameters<typeof cartErrorMessage>[0] | null>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const refused = await change();
      if (refused) setProblem(cartErrorMessage(refused));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr className={line.issue ? "cart-line flagged" : "cart-line"}>
      <td data-label="Item">
        <div className="cart-item">
          {image && <img src={image.url} alt={image.alt} width={64} height={48} />}
          <div>
            <Link to={`/products/${product.slug}`}>{product.name}</Link>
            <div className="variant-name">{line.variant.name}</div>
            {line.issue && (
              <p className="line-issue" id={`${id}-issue`}>
                <strong>{issueTitle(line.issue.code)}:</strong> {line.issue.message}
              </p>
            )}
          </div>
        </div>
      </td>
      <td data-label="Price">
        <Money value={line.unitPrice} />
      </td>
      <td data-label="Quantity">
        <label htmlFor={`${id}-qty`} className="visually-hidden">
          Quantity of {product.name}
        </label>
        <select
          id={`${id}-qty`}
          value={line.quantity}
          disabled={busy}
          aria-describedby={line.issue ? `${id}-issue` : undefined}
          onChange={(event) =>
            void run(() => actions.setQuantity(line.variant.id, Number(event.target.value)))
          }
        >
          {quantityChoices(line.quantity).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {line.issue?.code === "INSUFFICIENT_STOCK" && line.issue.available > 0 && (
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => void run(() => actions.setQuantity(line.variant.id, line.issue?.available ?? 0))}
          >
            Reduce to {line.issue.available}
          </button>
        )}
      </td>
      <td data-label="Total">
        <Money value={line.lineTotal} />
      </td>
      <td>
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => void run(() => actions.remove(line.variant.id))}
        >
          Remove <span className="visually-hidden">{product.name}</span>
        </button>
        {problem !== undefined && <ErrorNotice error={problem} />}
      </td>
    </tr>
  );
}

function quantityChoices(current: number): number[] {
  const top = Math.max(10, current);
  return Array.from({ length: top }, (_, i) => i + 1);
}

function issueTitle(code: NonNullable<CartLine["issue"]>["code"]): string {
  switch (code) {
    case "OUT_OF_STOCK":
      return "Out of stock";
    case "INSUFFICIENT_STOCK":
      return "Not enough stock";
    case "UNAVAILABLE":
      return "No longer available";
  }
}
