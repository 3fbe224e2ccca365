import { describe, expect, it } from "vitest";
import { cardBrand, luhnValid, validateCard } from "./cards";

const now = new Date("2026-11-22T00:00:00Z");
const card = { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "123" };
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return undefined;
};

describe("card checks", () => {
  it("accepts the test cards and knows their brand", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4000000000000002")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(validateCard(card, "card", now)).toEqual({
      digits: "4242424242424242",
      last4: "4242",
      brand: "VISA",
    });
    expect(cardBrand("5555555555554444")).toBe("MASTERCARD");
    expect(cardBrand("378282246310005")).toBe("AMEX");
  });

  it("names the field at fault", () => {
    expect(fieldOf(() => validateCard({ ...card, number: "4242424242424241" }, "card", now))).toBe(
      "card.number",
    );
    expect(fieldOf(() => validateCard({ ...card, expMonth: 13 }, "card", now))).toBe("card.expMonth");
    expect(fieldOf(() => validateCard({ ...card, expMonth: 10, expYear: 2026 }, "card", now))).toBe(
      "card.expYear",
    );
    expect(fieldOf(() => validateCard({ ...card, cvc: "12" }, "card", now))).toBe("card.cvc");
    // The current month is still valid.
    expect(
      fieldOf(() => validateCard({ ...card, expMonth: 11, expYear: 2026 }, "card", now)),
    ).toBeUndefined();
  });
});
