/**
 * What payments accepts as a card (`@storefront/payments/cards`). Orders checks a checkout's card
 * with the same rules before it reserves stock, so a mistyped number is refused before anything
 * is held or charged.
 */
import { badUserInput } from "@storefront/platform/errors";

export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** The Luhn checksum every real card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): "VISA" | "MASTERCARD" | "AMEX" | "UNKNOWN" {
  if (digits.startsWith("4")) return "VISA";
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "MASTERCARD";
  if (two === 34 || two === 37) return "AMEX";
  return "UNKNOWN";
}

/**
 * Checks a card's shape before anything is charged or written: digits and checksum, an expiry
 * that has not passed, a 3–4 digit CVC. Errors name the field under `field` (e.g. `card.number`).
 */
export function validateCard(
  card: CardDetails,
  fieldPrefix = "card",
  now = new Date(),
): { digits: string; last4: string; brand: string } {
  const digits = card.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits))
    throw badUserInput("The card number is not valid.", `${fieldPrefix}.number`);
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
    throw badUserInput("The expiry month must be 1 to 12.", `${fieldPrefix}.expMonth`);
  }
  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  const endOfMonth = Date.UTC(year, card.expMonth, 1);
  if (!Number.isInteger(card.expYear) || endOfMonth <= now.getTime()) {
    throw badUserInput("The card has expired.", `${fieldPrefix}.expYear`);
  }
  if (!/^\d{3,4}$/.test(card.cvc))
    throw badUserInput("The security code must be 3 or 4 digits.", `${fieldPrefix}.cvc`);
  return { digits, last4: digits.slice(-4), brand: cardBrand(digits) };
}
