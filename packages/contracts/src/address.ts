import { parsePhoneNumberFromString, isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";

/**
 * Region codes ICU gives a name to that are not ISO 3166-1 alpha-2 countries: groupings (EU, UN,
 * QO …), "exceptionally reserved" codes (UK, AC, TA …) and withdrawn ones that ICU still maps to
 * their successors (BU, YU, ZR …). Kosovo's XK is not ISO either, but carriers, banks and phone
 * numbering all use it, so it stays.
 */
const NOT_COUNTRIES = new Set(
  "AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ".split(" "),
);
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * True for an assigned ISO 3166-1 alpha-2 code. ICU knows every assigned code and echoes an
 * unassigned one back, so no hand-kept list of 250 countries goes stale here.
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    const name = regionNames.of(code);
    return name !== undefined && name !== code && name !== "Unknown Region";
  } catch {
    return false;
  }
}

/** ISO 4217 codes in use, as the runtime's ICU lists them: no test codes (XTS, XXX), metals or withdrawn currencies. */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "must be an ISO 3166-1 alpha-2 country code such as DE or US");

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "must be an ISO 4217 currency code such as USD or EUR");

const FIVE_DIGITS = /^\d{5}$/;
const FOUR_DIGITS = /^\d{4}$/;
const THREE_TWO = /^\d{3} ?\d{2}$/;

/**
 * Postal code formats of the countries the shipping rate table has zones for (its domestic and
 * regional neighbours), where a wrong code means a parcel the carrier sends back. Elsewhere a
 * code is only checked for a plausible shape.
 */
const POSTAL_CODES: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
  MX: FIVE_DIGITS,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  IE: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/i,
  DE: FIVE_DIGITS,
  FR: FIVE_DIGITS,
  IT: FIVE_DIGITS,
  ES: FIVE_DIGITS,
  FI: FIVE_DIGITS,
  EE: FIVE_DIGITS,
  HR: FIVE_DIGITS,
  AT: FOUR_DIGITS,
  BE: FOUR_DIGITS,
  BG: FOUR_DIGITS,
  CH: FOUR_DIGITS,
  CY: FOUR_DIGITS,
  DK: FOUR_DIGITS,
  HU: FOUR_DIGITS,
  LU: FOUR_DIGITS,
  NO: FOUR_DIGITS,
  SI: FOUR_DIGITS,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  SE: THREE_TWO,
  CZ: THREE_TWO,
  SK: THREE_TWO,
  GR: THREE_TWO,
  AU: FOUR_DIGITS,
  NZ: FOUR_DIGITS,
  JP: /^\d{3}-?\d{4}$/,
  KR: FIVE_DIGITS,
  CN: /^\d{6}$/,
  BR: /^\d{5}-?\d{3}$/,
};
const LOOSE_POSTAL_CODE = /^[A-Z\d][A-Z\d -]{1,9}$/i;

/** Why a postal code cannot be right for the country, or undefined when it can. */
export function postalCodeProblem(postalCode: string, country: string): string | undefined {
  return (POSTAL_CODES[country] ?? LOOSE_POSTAL_CODE).test(postalCode)
    ? undefined
    : `is not a valid postal code for ${country}`;
}

/**
 * The number in E.164 (`+442079460958`), read as a number of `country` unless it starts with
 * `+`; undefined when it is not a number that can be dialled. Carriers text and call the E.164
 * form, so that is what is stored, however the customer typed it.
 */
export function normalisePhoneNumber(phone: string, country?: string): string | undefined {
  const defaultCountry = country && isSupportedCountry(country) ? country : undefined;
  const parsed = parsePhoneNumberFromString(phone, defaultCountry ? { defaultCountry } : {});
  return parsed?.isValid() ? parsed.number : undefined;
}

const requiredText = (max: number) =>
  z
    // Only checkout's inline address can leave one out (ShippingAddressInput requires just the country).
    .string({ error: (issue) => (issue.input == null ? "is required" : undefined) })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

/** A delivery address's fields, every one required that a label needs. */
export const postalAddressFields = {
  fullName: requiredText(100),
  line1: requiredText(200),
  line2: optionalText(200),
  city: requiredText(100),
  region: optionalText(100),
  postalCode: requiredText(20),
  country: countryCode,
  phone: optionalText(30),
};

/** The same fields with only the country required: enough to price shipping to a destination. */
export const destinationFields = {
  ...postalAddressFields,
  fullName: optionalText(100),
  line1: optionalText(200),
  city: optionalText(100),
  postalCode: optionalText(20),
};

interface AddressLike {
  country: string;
  postalCode: string | null;
  phone: string | null;
}

/**
 * Adds the checks that look at more than one field (the postal code and the phone number are
 * read in the address's country) and stores the phone number as E.164. Every entry point that
 * takes an address (the address book, checkout's inline address, shipping options) applies it.
 */
export function checkedAddress<T extends AddressLike>(schema: z.ZodType<T>) {
  return schema.transform((address, ctx): T => {
    if (address.postalCode) {
      const problem = postalCodeProblem(address.postalCode, address.country);
      if (problem) ctx.addIssue({ code: "custom", path: ["postalCode"], message: problem });
    }
    let phone = address.phone;
    if (phone) {
      phone = normalisePhoneNumber(phone, address.country) ?? null;
      if (!phone) {
        ctx.addIssue({
          code: "custom",
          path: ["phone"],
          message: `must be a phone number, with its country code if it is not a ${address.country} number`,
        });
      }
    }
    return { ...address, phone };
  });
}

/** A complete delivery address: the address book's and checkout's. */
export const postalAddress = checkedAddress(z.object(postalAddressFields));

/** A destination to quote shipping to: the country, and whatever else the customer has typed yet. */
export const destinationAddress = checkedAddress(z.object(destinationFields));
