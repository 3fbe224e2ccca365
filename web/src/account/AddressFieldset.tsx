import { useId } from "react";
import { fieldError } from "../apollo/errors";
import { Field } from "../components/Field";
import type { AddressFieldsFragment, AddressInput } from "../graphql/generated/graphql";
import { formText } from "../components/form";

export const COUNTRIES: { code: string; name: string }[] = [
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "NL", name: "Netherlands" },
  { code: "ES", name: "Spain" },
  { code: "IT", name: "Italy" },
  { code: "US", name: "United States" },
  { code: "CA", name: "Canada" },
  { code: "MX", name: "Mexico" },
  { code: "AU", name: "Australia" },
  { code: "JP", name: "Japan" },
];

/** The inputs of a postal address; read them back with `addressFromForm`. */
export function AddressFieldset({
  legend,
  initial,
  fields,
  onCountryChange,
}: {
  legend: string;
  initial?: Partial<AddressFieldsFragment> | undefined;
  /** BAD_USER_INPUT messages by `extensions.field`. */
  fields: Record<string, string>;
  onCountryChange?: (country: string) => void;
}) {
  const id = useId();
  const countryError = fieldError(fields, "country");
  return (
    <fieldset className="address-fieldset">
      <legend>{legend}</legend>
      <Field
        label="Full name"
        name="fullName"
        autoComplete="name"
        required
        defaultValue={initial?.fullName ?? ""}
        error={fieldError(fields, "fullName")}
      />
      <Field
        label="Address line 1"
        name="line1"
        autoComplete="address-line1"
        required
        defaultValue={initial?.line1 ?? ""}
        error={fieldError(fields, "line1")}
      />
      <Field
        label="Address line 2 (optional)"
        name="line2"
        autoComplete="address-line2"
        defaultValue={initial?.line2 ?? ""}
        error={fieldError(fields, "line2")}
      />
      <div className="field-row">
        <Field
          label="Town or city"
          name="city"
          autoComplete="address-level2"
          required
          defaultValue={initial?.city ?? ""}
          error={fieldError(fields, "city")}
        />
        <Field
          label="County or state (optional)"
          name="region"
          autoComplete="address-level1"
          defaultValue={initial?.region ?? ""}
          error={fieldError(fields, "region")}
        />
      </div>
      <div className="field-row">
        <Field
          label="Postcode"
          name="postalCode"
          autoComplete="postal-code"
          required
          defaultValue={initial?.postalCode ?? ""}
          error={fieldError(fields, "postalCode")}
        />
        <div className="field">
          <label htmlFor={`${id}-country`}>Country</label>
          <select
            id={`${id}-country`}
            name="country"
            autoComplete="country"
            required
            defaultValue={initial?.country ?? "GB"}
            onChange={(event) => onCountryChange?.(event.target.value)}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? `${id}-country-error` : undefined}
          >
            {COUNTRIES.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          {countryError && (
            <p className="field-error" id={`${id}-country-error`}>
              {countryError}
            </p>
          )}
        </div>
      </div>
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={initial?.phone ?? ""}
        error={fieldError(fields, "phone")}
      />
    </fieldset>
  );
}

/** A complete postal address, as the address book keeps it and checkout ships to it. */
export type PostalAddress = Omit<AddressInput, "isDefault">;

export function addressFromForm(form: FormData): PostalAddress {
  const text = (name: string) => formText(form, name);
  const optional = (name: string) => text(name) || undefined;
  return {
    fullName: text("fullName"),
    line1: text("line1"),
    line2: optional("line2"),
    city: text("city"),
    region: optional("region"),
    postalCode: text("postalCode"),
    country: text("country"),
    phone: optional("phone"),
  };
}

export function AddressLines({ address }: { address: Omit<PostalAddress, "phone"> }) {
  return (
    <address>
      {address.fullName}
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.city}
      {address.region ? `, ${address.region}` : ""} {address.postalCode}
      <br />
      {COUNTRIES.find((country) => country.code === address.country)?.name ?? address.country}
    </address>
  );
}
