import { z } from "zod";
import { destinationAddress } from "@storefront/contracts/address";
import { requireInternalCaller } from "@storefront/platform/auth";
import { validateInput } from "@storefront/platform/validation";
import type { ShippingContext } from "../context";
import type { ShippingAddressInput } from "../generated/resolvers";
import { zoneOf, type ShippingZone } from "./zones";

export type ShippingSpeed = "STANDARD" | "EXPRESS";

/** Price and transit time of a service in one zone. */
interface ZoneRate {
  /** Hundredths of the shop currency's main unit (795 = 7.95), scaled to its minor units. */
  price: number;
  /** Business days from the label to the door. */
  days: { min: number; max: number };
}

export interface CarrierService {
  /** Stable: orders store it and send it back in the shipment request. */
  id: string;
  carrier: string;
  service: string;
  speed: ShippingSpeed;
  /** Tracking numbers look like the carrier's own: this prefix, then random digits. */
  tracking: { prefix: string; digits: number };
  /** Zones the service is sold for; a missing zone means it does not go there. */
  rates: Partial<Record<ShippingZone, ZoneRate>>;
}

const rate = (price: number, min: number, max: number): ZoneRate => ({ price, days: { min, max } });

/**
 * The rate table. Fixed figures rather than live carrier APIs: quotes must be deterministic so
 * that the price shown on the cart page is the price orders is quoted at checkout.
 */
export const CARRIER_SERVICES: readonly CarrierService[] = [
  {
    id: "ups-ground",
    carrier: "UPS",
    service: "Ground",
    speed: "STANDARD",
    tracking: { prefix: "1Z", digits: 16 },
    rates: { DOMESTIC: rate(795, 3, 5), REGIONAL: rate(1895, 5, 8) },
  },
  {
    id: "ups-express",
    carrier: "UPS",
    service: "Express Saver",
    speed: "EXPRESS",
    tracking: { prefix: "1Z", digits: 16 },
    rates: { DOMESTIC: rate(2495, 1, 2), REGIONAL: rate(3995, 2, 3), INTERNATIONAL: rate(6995, 3, 5) },
  },
  {
    id: "fedex-ground",
    carrier: "FedEx",
    service: "Ground",
    speed: "STANDARD",
    tracking: { prefix: "FX", digits: 12 },
    rates: { DOMESTIC: rate(849, 2, 5) },
  },
  {
    id: "fedex-priority",
    carrier: "FedEx",
    service: "Priority",
    speed: "EXPRESS",
    tracking: { prefix: "FX", digits: 12 },
    rates: { DOMESTIC: rate(2795, 1, 1), REGIONAL: rate(4295, 1, 3), INTERNATIONAL: rate(7495, 2, 4) },
  },
  {
    id: "dhl-economy",
    carrier: "DHL",
    service: "Economy Select",
    speed: "STANDARD",
    tracking: { prefix: "JD", digits: 18 },
    rates: { REGIONAL: rate(1595, 6, 10), INTERNATIONAL: rate(2995, 8, 15) },
  },
  {
    id: "dhl-express",
    carrier: "DHL",
    service: "Express Worldwide",
    speed: "EXPRESS",
    tracking: { prefix: "JD", digits: 18 },
    rates: { REGIONAL: rate(3895, 2, 4), INTERNATIONAL: rate(5995, 2, 5) },
  },
];

const serviceById = new Map(CARRIER_SERVICES.map((s) => [s.id, s]));

export interface ShippingQuote {
  id: string;
  carrier: string;
  service: string;
  speed: ShippingSpeed;
  zone: ShippingZone;
  price: { amount: number; currency: string };
  estimatedDeliveryDays: { min: number; max: number };
  estimatedDeliveryDate: { earliest: string; latest: string };
}

/** The shop's settings quotes depend on. */
export interface Shop {
  country: string;
  currency: string;
}

/** Digits after the decimal point in a currency (2 for USD, 0 for JPY, 3 for BHD). */
function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** The table's hundredths as minor units of the shop's currency, rounded to a whole unit. */
export function priceIn(hundredths: number, currency: string): number {
  return Math.round((hundredths * 10 ** minorDigits(currency)) / 100);
}

/** `days` working days (Monday to Friday, UTC) after `from`, at the same time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function quote(service: CarrierService, zone: ShippingZone, shop: Shop, now: Date): ShippingQuote | null {
  const zoneRate = service.rates[zone];
  if (!zoneRate) return null;
  return {
    id: service.id,
    carrier: service.carrier,
    service: service.service,
    speed: service.speed,
    zone,
    price: { amount: priceIn(zoneRate.price, shop.currency), currency: shop.currency },
    estimatedDeliveryDays: zoneRate.days,
    estimatedDeliveryDate: {
      earliest: isoDate(addBusinessDays(now, zoneRate.days.min)),
      latest: isoDate(addBusinessDays(now, zoneRate.days.max)),
    },
  };
}

/**
 * Only the destination matters for a quote (so a partial address quotes too); the rest of the
 * address is checked for shape only.
 */
type QuoteAddress = Partial<ShippingAddressInput>;

function destination(address: QuoteAddress): string {
  return validateInput(z.object({ address: destinationAddress }), { address }).address.country;
}

/** Every service that goes to the address, cheapest first. */
export function shippingOptions(
  ctx: ShippingContext,
  address: QuoteAddress,
  now = new Date(),
): ShippingQuote[] {
  const shop = ctx.config.shop;
  const zone = zoneOf(destination(address), shop.country);
  return CARRIER_SERVICES.map((service) => quote(service, zone, shop, now))
    .filter((q): q is ShippingQuote => q !== null)
    .sort((a, b) => a.price.amount - b.price.amount || a.id.localeCompare(b.id));
}

/** One option's price to an address, for orders at checkout; null when it does not go there. */
export function shippingQuote(
  ctx: ShippingContext,
  optionId: string,
  address: QuoteAddress,
): ShippingQuote | null {
  requireInternalCaller(ctx);
  const country = destination(address);
  const service = serviceById.get(optionId);
  return service
    ? quote(service, zoneOf(country, ctx.config.shop.country), ctx.config.shop, new Date())
    : null;
}

/**
 * The service a paid order ships with. The customer paid for the option they chose, so it is
 * honoured even if the table no longer sells it to that zone; an id the table does not know at
 * all (renamed since checkout) falls back to the cheapest standard service for the zone, because
 * a paid order must ship whatever happened to the table.
 */
export function serviceForShipment(
  optionId: string,
  country: string,
  shop: Shop,
): { service: CarrierService; days: { min: number; max: number }; fallback: boolean } {
  const zone = zoneOf(country, shop.country);
  const chosen = serviceById.get(optionId);
  if (chosen) {
    const days = chosen.rates[zone]?.days ?? slowest(chosen);
    return { service: chosen, days, fallback: false };
  }
  const cheapest = CARRIER_SERVICES.filter((s) => s.speed === "STANDARD" && s.rates[zone]).sort(
    (a, b) => a.rates[zone]!.price - b.rates[zone]!.price,
  )[0]!;
  return { service: cheapest, days: cheapest.rates[zone]!.days, fallback: true };
}

function slowest(service: CarrierService): { min: number; max: number } {
  const all = Object.values(service.rates);
  return { min: Math.max(...all.map((r) => r.days.min)), max: Math.max(...all.map((r) => r.days.max)) };
}
