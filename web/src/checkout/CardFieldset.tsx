import { fieldError } from "../apollo/errors";
import { Field } from "../components/Field";
import type { CardInput } from "../graphql/generated/graphql";
import { formText } from "../components/form";

export function CardFieldset({ fields }: { fields: Record<string, string> }) {
  return (
    <fieldset className="card-fieldset">
      <legend>Card</legend>
      <Field
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        required
        pattern="[0-9 \-]{12,23}"
        error={fieldError(fields, "card.number")}
      />
      <div className="field-row">
        <Field
          label="Expiry month (MM)"
          name="expMonth"
          inputMode="numeric"
          autoComplete="cc-exp-month"
          required
          maxLength={2}
          error={fieldError(fields, "card.expMonth")}
        />
        <Field
          label="Expiry year (YYYY)"
          name="expYear"
          inputMode="numeric"
          autoComplete="cc-exp-year"
          required
          maxLength={4}
          error={fieldError(fields, "card.expYear")}
        />
        <Field
          label="Security code"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          required
          maxLength={4}
          error={fieldError(fields, "card.cvc")}
        />
      </div>
    </fieldset>
  );
}

export function cardFromForm(form: FormData): CardInput {
  const text = (name: string) => formText(form, name);
  return {
    number: text("cardNumber"),
    expMonth: Number(text("expMonth")),
    expYear: Number(text("expYear")),
    cvc: text("cvc"),
  };
}
