/** Amounts are typed in major units; the shop's currency has two decimals (minor units = × 100). */
export function minorUnits(value: string): number {
  return Math.round(Number(value) * 100);
}

export function majorUnits(amount: number): string {
  return (amount / 100).toFixed(2);
}
