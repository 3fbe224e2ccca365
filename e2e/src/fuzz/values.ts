import type { Random } from "./random";

/** Rows that exist in the fuzzed platform, so generated lookups and mutations hit real data. */
export interface SeededIds {
  products: string[];
  productSlugs: string[];
  variants: string[];
  categories: string[];
  categorySlugs: string[];
  users: string[];
  orders: string[];
  addresses: string[];
  reviews: string[];
  payments: string[];
  shipments: string[];
  /** Guest cart tokens (x-cart-token). */
  cartTokens: string[];
  /** Emails of existing accounts, for logins and registrations that meet a real row. */
  emails: string[];
}

export const emptySeededIds = (): SeededIds => ({
  products: [],
  productSlugs: [],
  variants: [],
  categories: [],
  categorySlugs: [],
  users: [],
  orders: [],
  addresses: [],
  reviews: [],
  payments: [],
  shipments: [],
  cartTokens: [],
  emails: [],
});

/**
 * What a response must never show, written as it would appear in a body. Generated strings are
 * kept free of them, so a match is always the server's own text, never an echo of the input.
 */
export const LEAK_MARKERS = {
  "internal URL": ["http://localhost:40", "127.0.0.1:"],
  "file path": ["/work/", "node_modules", ".ts:"],
  "stack trace": ["    at "],
  "SQL text": ["select ", "insert into", '"public".'],
} as const;

const ALL_MARKERS = Object.values(LEAK_MARKERS).flat();

/** A generated string never carries a leak marker (an echo would look like a leak). */
export function harmless(value: string): string {
  return ALL_MARKERS.some((marker) => value.includes(marker)) ? "harmless" : value;
}

const WORDS = [
  "red",
  "cotton",
  "shirt",
  "running",
  "shoe",
  "blue",
  "large",
  "wool",
  "jacket",
  "kettle",
  "lamp",
  "sofa",
  "organic",
  "tea",
  "mug",
  "ceramic",
  "gift",
  "summer",
  "sale",
  "classic",
];
const NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra"];

export const SHIPPING_OPTION_IDS = [
  "ups-ground",
  "ups-express",
  "fedex-ground",
  "fedex-priority",
  "dhl-economy",
  "dhl-express",
];

export const CARD_NUMBERS = [
  "4242424242424242",
  "4000000000000002",
  "4000000000009995",
  "4000000000000119",
  "5555555555554444",
  "1234567890123456",
];

/** Strings a careless input path chokes on: NUL, 10 KB, emoji, RTL, combining marks, lone surrogates … */
export function oddStrings(rng: Random, realId?: string): string[] {
  return [
    "\u0000",
    `a\u0000b`,
    `${rng.pick(WORDS)}\u0000${rng.pick(WORDS)}`,
    ...(realId ? [`${realId}\u0000`, `${realId} `, realId.toUpperCase(), `${realId}x`] : []),
    "x".repeat(10_240),
    "é".repeat(5_200),
    `${rng.pick(WORDS)} `.repeat(1_500),
    "😀🛒🎉",
    "👩‍👩‍👧‍👦🇬🇧",
    "\u202Eevil\u202C",
    "مرحبا بالعالم",
    "שלום עולם",
    "Z\u0351\u0352\u0353a\u0300\u0301\u0302l\u0336g\u0337o",
    "e\u0301",
    "\u200B\u200C\u200D\uFEFF",
    "\uD800",
    "a\uDC00b",
    "\uDFFF\uD800",
    "\u0007\u001b[31m\u0008",
    "\r\n\t",
    "   ",
    "",
    "' OR '1'='1",
    "'; DROP TABLE users; --",
    "\\",
    "%",
    "_%",
    "!!",
    "a & | b",
    "(:*",
    "foo:*",
    "'",
    '"unterminated',
    "a <-> b",
    "-",
    "__proto__",
    '{"a":1}',
    "%s%s%n",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "99999999999999999999999",
    "../../etc/passwd",
    "null",
    "NaN",
    "00000000-0000-0000-0000-00000000000g",
    "00000000-0000-0000-0000-000000000000",
  ].map(harmless);
}

export const ODD_INTS = [
  2_147_483_647, 2_147_483_648, -2_147_483_648, -2_147_483_649, 9_007_199_254_740_991, 1e20, -1e20, 1.5, -0.5,
  0, -1, 1e308,
];

export interface ValueHint {
  /** The field the argument belongs to (for input-object fields: the root field). */
  field: string;
  /** The argument's or input field's name. */
  name: string;
}

type IdPool = keyof SeededIds;

const ID_BY_FIELD: Record<string, IdPool> = {
  product: "products",
  updateProduct: "products",
  archiveProduct: "products",
  updateVariant: "variants",
  archiveVariant: "variants",
  category: "categories",
  updateCategory: "categories",
  deleteCategory: "categories",
  order: "orders",
  cancelOrder: "orders",
  shipment: "shipments",
  advanceShipment: "shipments",
  reportShipmentException: "shipments",
  updateAddress: "addresses",
  removeAddress: "addresses",
  setDefaultAddress: "addresses",
  updateReview: "reviews",
  deleteReview: "reviews",
  user: "users",
};

const ID_BY_NAME: Record<string, IdPool> = {
  variantId: "variants",
  productId: "products",
  categoryId: "categories",
  parentId: "categories",
  userId: "users",
  paymentId: "payments",
  orderId: "orders",
  shippingAddressId: "addresses",
};

/** Which seeded rows an ID argument names, from its name and its field. */
export function idPoolFor(hint: ValueHint): IdPool | undefined {
  return ID_BY_NAME[hint.name] ?? (hint.name === "id" ? ID_BY_FIELD[hint.field] : undefined);
}

/** A plausible ID: mostly a seeded row's, sometimes one that does not exist, sometimes no UUID at all. */
export function idValue(rng: Random, ids: SeededIds, hint: ValueHint): string {
  if (hint.name === "shippingOptionId")
    return rng.chance(0.9) ? rng.pick(SHIPPING_OPTION_IDS) : "sea-freight";
  const pool = idPoolFor(hint);
  const rows = pool ? ids[pool] : [];
  const roll = rng.float();
  if (rows.length && roll < 0.8) return rng.pick(rows);
  if (roll < 0.93) return rng.uuid();
  return rng.pick(["not-an-id", "123", "0", "abc-def"]);
}

export function stringValue(rng: Random, ids: SeededIds, hint: ValueHint): string {
  const words = (n: number) => Array.from({ length: n }, () => rng.pick(WORDS)).join(" ");
  switch (hint.name) {
    case "email":
      if (ids.emails.length && rng.chance(0.3)) return rng.pick(ids.emails);
      return rng.chance(0.9)
        ? `fuzz-${rng.hex(10)}@example.test`
        : rng.pick(["not-an-email", "a@b", "@x.y", ""]);
    case "password":
    case "currentPassword":
    case "newPassword":
      // Blank passwords are the ones a careless hash or comparison trips over.
      return rng.chance(0.6)
        ? `pw-${rng.hex(rng.int(4, 20))}`
        : rng.pick(["", " ", "   ", "short", "x".repeat(12)]);
    case "name":
    case "fullName":
      return hint.field.includes("egister") || hint.name === "fullName" ? rng.pick(NAMES) : words(2);
    case "country":
      return rng.pick(["GB", "GB", "US", "DE", "FR", "CA", "JP", "ZZ", "gb", "USA"]);
    case "currency":
      return rng.pick(["USD", "USD", "EUR", "GBP", "JPY", "usd", "XXX"]);
    case "postalCode":
      return rng.pick(["N1 9GU", "SW1A 1AA", "10115", "94105", "K1A 0B1", "ABC"]);
    case "url":
      return `https://images.example.test/p/${rng.hex(6)}.jpg`;
    case "slug":
      if (hint.field === "product" && ids.productSlugs.length && rng.chance(0.8))
        return rng.pick(ids.productSlugs);
      if (hint.field === "category" && ids.categorySlugs.length && rng.chance(0.8))
        return rng.pick(ids.categorySlugs);
      return `fuzz-${rng.hex(8)}`;
    case "sku":
      return `FZ-${rng.hex(8).toUpperCase()}`;
    case "cartToken":
      return ids.cartTokens.length && rng.chance(0.7) ? rng.pick(ids.cartTokens) : rng.hex(32);
    case "refreshToken":
      return rng.hex(rng.pick([16, 43, 64]));
    case "idempotencyKey":
      return `fz-${rng.hex(16)}`;
    case "number":
      return rng.pick(CARD_NUMBERS);
    case "cvc":
      return rng.pick(["123", "999", "12"]);
    case "after":
      return rng.pick(["YXJyYXljb25uZWN0aW9uOjE=", "zzz", rng.hex(12), "eyJpZCI6IngifQ"]);
    case "query":
      return words(rng.int(1, 3));
    case "phone":
      return rng.pick(["+44 20 7946 0000", "555-0100", "0"]);
    case "line1":
      return `${rng.int(1, 200)} ${words(1)} Street`;
    case "city":
      return rng.pick(["London", "Berlin", "Paris", "Toronto", "Springfield"]);
    default:
      return words(rng.int(1, 4));
  }
}

export function intValue(rng: Random, hint: ValueHint): number {
  switch (hint.name) {
    case "first":
      return rng.pick([1, 2, 3, 5, 10, 20, 0, 50, 100]);
    case "quantity":
      return rng.pick([1, 1, 2, 3, 5, 0, 99, 100]);
    case "rating":
      return rng.pick([1, 2, 3, 4, 5, 0, 6]);
    case "priceAmount":
    case "amount":
    case "minPrice":
    case "maxPrice":
      return rng.int(0, 10_000);
    case "expMonth":
      return rng.int(1, 12);
    case "expYear":
      return rng.int(2026, 2035);
    case "delta":
      return rng.int(-5, 5);
    case "afterSequence":
      return rng.int(0, 5);
    default:
      return rng.int(0, 100);
  }
}
