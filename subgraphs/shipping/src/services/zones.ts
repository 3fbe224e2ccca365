/**
 * Shipping zones: how far a parcel travels from the shop's country, which is what carriers
 * price by. DOMESTIC is the shop's own country, REGIONAL another country of its region (the
 * neighbours a carrier serves by road), INTERNATIONAL everything else.
 */
export type ShippingZone = "DOMESTIC" | "REGIONAL" | "INTERNATIONAL";

const REGIONS: Record<string, string[]> = {
  NORTH_AMERICA: ["US", "CA", "MX"],
  EUROPE: [
    ...["AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU"],
    ...["IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI"],
    ...["SK", "SM", "AD", "VA"],
  ],
  OCEANIA: ["AU", "NZ"],
  EAST_ASIA: ["CN", "HK", "JP", "KR", "MO", "TW"],
  SOUTH_AMERICA: ["AR", "BO", "BR", "CL", "CO", "EC", "PE", "PY", "UY", "VE"],
  GULF: ["AE", "BH", "KW", "OM", "QA", "SA"],
};

const regionOf = new Map(
  Object.entries(REGIONS).flatMap(([region, countries]) => countries.map((c) => [c, region] as const)),
);

/** Country codes are checked the same way wherever an address is taken: see the platform. */
export { isCountryCode } from "@storefront/contracts/address";

export function zoneOf(country: string, shopCountry: string): ShippingZone {
  if (country === shopCountry) return "DOMESTIC";
  const region = regionOf.get(country);
  return region !== undefined && region === regionOf.get(shopCountry) ? "REGIONAL" : "INTERNATIONAL";
}
