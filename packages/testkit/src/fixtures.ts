/**
 * The test data every subgraph's tests share: one definition of each card, address and product
 * shape, so a test in orders and one in payments mean the same card by the same name.
 */

/** The password of every account the tests register (long enough for the users subgraph's rule). */
export const PASSWORD = "correct horse battery";

/** The payment processor's test card numbers (test mode), by what they do. */
export const CARDS = {
  /** Charged successfully (a Visa). */
  ok: "4242424242424242",
  visa: "4242424242424242",
  mastercard: "5555555555554444",
  amex: "378282246310005",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  processingError: "4000000000000119",
  /** Valid checksum, but not one of the processor's test numbers. */
  notATestCard: "4111111111111111",
};

/** A card that is valid for a few years from whenever the tests run. */
export const card = (number: string = CARDS.visa, cvc = "123") => ({
  number,
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 3,
  cvc,
});

/** A shipping address in the United Kingdom, as a checkout or an address book takes it. */
export const ADDRESS = {
  fullName: "Ada Lovelace",
  line1: "12 Analytical Way",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};

/** A shipping address in the United States, with every optional field present (as messages carry it). */
export const US_ADDRESS = {
  fullName: "Grace Hopper",
  line1: "1 Compiler Road",
  line2: null,
  city: "Arlington",
  region: "VA",
  postalCode: "22201",
  country: "US",
  phone: null,
};

/** UPS Ground inside the shop's country (GB in the checkout tests): 7.95. */
export const SHIPPING_OPTION = "ups-ground";
export const SHIPPING_PRICE = 795;

/** A product's defaults when a test made through the catalogue's API does not say. */
export const VARIANT = { stock: 10, price: 1000, currency: "USD" };
