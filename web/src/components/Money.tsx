import type { MoneyFieldsFragment } from "../graphql/generated/graphql";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(undefined, { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** Minor units to a displayed amount, with the currency's own number of decimals (e.g. 0 for JPY). */
export function formatMoney(money: MoneyFieldsFragment): string {
  const formatter = formatterFor(money.currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(money.amount / 10 ** digits);
}

export function Money({ value }: { value: MoneyFieldsFragment | null | undefined }) {
  return <span className="money">{value ? formatMoney(value) : "—"}</span>;
}
