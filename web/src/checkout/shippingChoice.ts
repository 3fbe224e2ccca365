/**
 * The shipping option checkout sends: the customer's choice while the address gets it, else the
 * cheapest the address gets (options come cheapest first). None while the address's options are
 * not known yet, or when nothing ships there — never an option offered for another address.
 */
export function shippingOptionFor(
  options: readonly { id: string }[] | undefined,
  chosen: string | undefined,
): string | undefined {
  if (!options?.length) return undefined;
  return options.some((option) => option.id === chosen) ? chosen : options[0]!.id;
}
