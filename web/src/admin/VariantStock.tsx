import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { fieldError, fieldErrorsOf } from "../apollo/errors";
import { Field } from "../components/Field";
import { LoadMore } from "../components/LoadMore";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { formatDateTime } from "../orders/orderStatus";
import {
  AdjustStockDocument,
  ReceiveStockDocument,
  StockMovementsDocument,
  type AdminVariantFieldsFragment,
} from "../graphql/generated/graphql";
import { formText } from "../components/form";

/** One variant's stock: receive goods, correct the count, and the ledger of every movement. */
export function VariantStock({ variant }: { variant: AdminVariantFieldsFragment }) {
  const id = useId();
  const refetch = { refetchQueries: [StockMovementsDocument], awaitRefetchQueries: true };
  const [receive, receiving] = useMutation(ReceiveStockDocument, refetch);
  const [adjust, adjusting] = useMutation(AdjustStockDocument, refetch);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();

  const run = async (event: FormEvent<HTMLFormElement>, change: (form: FormData) => Promise<unknown>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setFields({});
    setProblem(undefined);
    try {
      await change(new FormData(formElement));
      formElement.reset();
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setProblem(error);
    }
  };

  return (
    <section className="variant-stock" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {variant.name} <span className="sku">({variant.sku})</span>
      </h3>
      <p>
        <Money value={variant.price} /> · <strong data-testid="stock-on-hand">{variant.stockOnHand}</strong>{" "}
        on hand
        {variant.status === "ARCHIVED" ? " · archived" : ""}
      </p>
      <div className="stock-forms">
        <form
          aria-label={`Receive stock of ${variant.name}`}
          onSubmit={(event) =>
            void run(event, (form) =>
              receive({
                variables: {
                  variantId: variant.id,
                  quantity: Number(form.get("quantity")),
                  note: formText(form, "note") || undefined,
                },
              }),
            )
          }
        >
          <Field
            label="Units received"
            name="quantity"
            type="number"
            min="1"
            required
            error={fieldError(fields, "quantity")}
          />
          <Field label="Note (optional)" name="note" />
          <button type="submit" disabled={receiving.loading}>
            Receive
          </button>
        </form>
        <form
          aria-label={`Adjust stock of ${variant.name}`}
          onSubmit={(event) =>
            void run(event, (form) =>
              adjust({
                variables: {
                  variantId: variant.id,
                  delta: Number(form.get("delta")),
                  reason: formText(form, "reason"),
                },
              }),
            )
          }
        >
          <Field
            label="Change (negative for losses)"
            name="delta"
            type="number"
            required
            error={fieldError(fields, "delta")}
          />
          <Field label="Reason" name="reason" required error={fieldError(fields, "reason")} />
          <button type="submit" disabled={adjusting.loading}>
            Adjust
          </button>
        </form>
      </div>
      {problem !== undefined && <ErrorNotice error={problem} />}
      <StockLedger variantId={variant.id} />
    </section>
  );
}

function StockLedger({ variantId }: { variantId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(StockMovementsDocument, {
    variables: { variantId, first: 10 },
  });
  const movements = data?.stockMovements;
  return (
    <details className="stock-ledger">
      <summary>Stock movements</summary>
      {loading && !data && <Loading label="Loading movements…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {movements && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Units</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {movements.nodes.map((movement) => (
              <tr key={movement.id}>
                <td data-label="When">{formatDateTime(movement.createdAt)}</td>
                <td data-label="Kind">{movement.kind}</td>
                <td data-label="Units">
                  {movement.quantity > 0 ? `+${movement.quantity}` : movement.quantity}
                </td>
                <td data-label="Note">{movement.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {movements?.pageInfo.hasNextPage && (
        <LoadMore
          label="Older movements"
          onLoad={() => fetchMore({ variables: { after: movements.pageInfo.endCursor } })}
        />
      )}
    </details>
  );
}
