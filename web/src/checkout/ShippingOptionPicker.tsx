import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { ShippingOptionsDocument } from "../graphql/generated/graphql";

/** The ways to ship to the chosen address (priced by its country), cheapest first. */
export function ShippingOptionPicker({
  country,
  postalCode,
  selected,
  onSelect,
  error,
}: {
  country: string;
  postalCode: string | undefined;
  selected: string | undefined;
  onSelect: (id: string) => void;
  error?: string | undefined;
}) {
  const {
    data,
    loading,
    error: loadError,
    refetch,
  } = useQuery(ShippingOptionsDocument, {
    variables: { address: { country, postalCode } },
  });
  const options = data?.shippingOptions;
  const current = options?.find((option) => option.id === selected);
  // Preselect the cheapest when the current choice does not ship to this address.
  useEffect(() => {
    if (options?.[0] && !current) onSelect(options[0].id);
  }, [options, current, onSelect]);

  if (loading && !data) return <Loading label="Finding shipping options…" />;
  if (loadError && !data) return <ErrorNotice error={loadError} retry={() => void refetch()} />;
  if (!options?.length) return <p className="notice notice-warning">We cannot ship to this country yet.</p>;
  return (
    <fieldset className="choice-list">
      <legend>Shipping option</legend>
      {options.map((option) => (
        <label key={option.id} className="choice">
          <input
            type="radio"
            name="shippingOption"
            value={option.id}
            checked={selected === option.id}
            onChange={() => onSelect(option.id)}
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
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
