import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { ShippingOptionsDocument, type ShippingAddressInput } from "../graphql/generated/graphql";
import { shippingOptionFor } from "./shippingChoice";

/**
 * The ways to ship to an address (priced by its country), cheapest first, and the one checkout
 * sends. The selection is worked out from the options of this address on every render, so it is
 * never one the address does not get: the customer's choice while it is offered, else the
 * cheapest, and none while the options load or when there are none.
 */
export function useShippingOptions(address: ShippingAddressInput, { skip = false } = {}) {
  const [chosen, choose] = useState<string>();
  const query = useQuery(ShippingOptionsDocument, { variables: { address }, skip });
  const options = query.data?.shippingOptions;
  return { query, options, selected: shippingOptionFor(options, chosen), choose };
}

export type ShippingOptions = ReturnType<typeof useShippingOptions>;

export function ShippingOptionPicker({
  shipping,
  error,
}: {
  shipping: ShippingOptions;
  /** A BAD_USER_INPUT message about the option sent, shown with (and describing) the group. */
  error?: string | undefined;
}) {
  const id = useId();
  const { query, options, selected, choose } = shipping;
  if (query.loading && !query.data) return <Loading label="Finding shipping options…" />;
  if (query.error && !query.data)
    return <ErrorNotice error={query.error} retry={() => void query.refetch()} />;
  if (!options?.length) return <p className="notice notice-warning">We cannot ship to this country yet.</p>;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className="choice-list"
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-invalid={error ? true : undefined}
      aria-describedby={errorId}
    >
      <legend id={`${id}-legend`}>Shipping option</legend>
      {options.map((option) => (
        <label key={option.id} className="choice">
          <input
            type="radio"
            name="shippingOption"
            value={option.id}
            checked={selected === option.id}
            onChange={() => choose(option.id)}
          />
          <span className="choice-main">
            {option.carrier} {option.service}
            <span className="hint">
              {" "}
              — {option.estimatedDeliveryDays.min}–{option.estimatedDeliveryDays.max} business days
            </span>
          </span>
          <Money value={option.price} />
        </label>
      ))}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
