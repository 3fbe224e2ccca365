/** What a service gets from validateInput for the address contracts: the refusal names the field, as BAD_USER_INPUT. */
import { describe, expect, it } from "vitest";
import {
  destinationAddress,
  isCountryCode,
  isCurrencyCode,
  normalisePhoneNumber,
  postalAddress,
  postalCodeProblem,
} from "@storefront/contracts/address";
import { validateInput } from "./validation";

const address = (overrides: Record<string, unknown> = {}) => ({
  fullName: "Ada Lovelace",
  line1: "12 Analytical Way",
  city: "London",
  postalCode: "N1 9GU",
  country: "gb",
  ...overrides,
});

const refusal = (schema: typeof postalAddress | typeof destinationAddress, input: unknown) => {
  try {
    validateInput(schema, input);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return undefined;
};

describe("country codes", () => {
  it("knows every assigned ISO 3166-1 alpha-2 code, and nothing else", () => {
    for (const code of ["US", "GB", "DE", "JP", "KE", "AQ", "BV", "SH", "XK"])
      expect(isCountryCode(code)).toBe(true);
    for (const code of ["XX", "ZZ", "EU", "UN", "AC", "TA", "QO", "UK", "us", "USA", ""]) {
      expect(isCountryCode(code)).toBe(false);
    }
    const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    const known = letters.flatMap((a) => letters.map((b) => a + b)).filter(isCountryCode);
    // The 249 codes ISO 3166-1 assigns, and Kosovo's.
    expect(known).toHaveLength(250);
  });
});

describe("currency codes", () => {
  it("knows ISO 4217 codes in use, not made-up, test or withdrawn ones", () => {
    for (const code of ["USD", "EUR", "GBP", "JPY", "BHD", "CHF"]) expect(isCurrencyCode(code)).toBe(true);
    for (const code of ["ZZZ", "XXX", "XTS", "DEM", "usd", "US", ""])
      expect(isCurrencyCode(code)).toBe(false);
  });
});

describe("postal codes", () => {
  it("checks the formats of the countries shipping has zones for, and a plausible shape elsewhere", () => {
    expect(postalCodeProblem("94105", "US")).toBeUndefined();
    expect(postalCodeProblem("94105-1234", "US")).toBeUndefined();
    expect(postalCodeProblem("ABCDE", "US")).toBe("is not a valid postal code for US");
    expect(postalCodeProblem("N1 9GU", "GB")).toBeUndefined();
    expect(postalCodeProblem("12345", "GB")).toBeDefined();
    expect(postalCodeProblem("10115", "DE")).toBeUndefined();
    expect(postalCodeProblem("1011", "DE")).toBeDefined();
    expect(postalCodeProblem("1012 AB", "NL")).toBeUndefined();
    expect(postalCodeProblem("00-950", "PL")).toBeUndefined();
    expect(postalCodeProblem("100-0001", "JP")).toBeUndefined();
    expect(postalCodeProblem("00100", "KE")).toBeUndefined();
    expect(postalCodeProblem("!!", "KE")).toBeDefined();
  });
});

describe("phone numbers", () => {
  it("reads a national number in the address's country and gives E.164", () => {
    expect(normalisePhoneNumber("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalisePhoneNumber("(415) 555-2671", "US")).toBe("+14155552671");
    expect(normalisePhoneNumber("+49 30 901820", "US")).toBe("+4930901820");
  });

  it("refuses what cannot be dialled", () => {
    expect(normalisePhoneNumber("call me maybe", "US")).toBeUndefined();
    expect(normalisePhoneNumber("123", "US")).toBeUndefined();
    expect(normalisePhoneNumber("415 555 2671", "AQ")).toBeUndefined();
  });
});

describe("addresses", () => {
  it("normalises the country and stores the phone number as E.164", () => {
    expect(validateInput(postalAddress, address({ phone: "020 7946 0958" }))).toEqual({
      fullName: "Ada Lovelace",
      line1: "12 Analytical Way",
      line2: null,
      city: "London",
      region: null,
      postalCode: "N1 9GU",
      country: "GB",
      phone: "+442079460958",
    });
  });

  it("names the field it refuses", () => {
    expect(refusal(postalAddress, address({ country: "XX" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "country",
    });
    expect(refusal(postalAddress, address({ country: "US", postalCode: "ABCDE" }))).toMatchObject({
      field: "postalCode",
    });
    expect(refusal(postalAddress, address({ phone: "call me maybe" }))).toMatchObject({ field: "phone" });
    expect(refusal(postalAddress, address({ city: "" }))).toMatchObject({ field: "city" });
  });

  it("needs only a country to price a destination, and checks what else is given", () => {
    expect(validateInput(destinationAddress, { country: "us" })).toMatchObject({
      country: "US",
      phone: null,
    });
    expect(refusal(destinationAddress, { country: "US", postalCode: "ABCDE" })).toMatchObject({
      field: "postalCode",
    });
  });
});
