import { randomUUID } from "node:crypto";
import type { Storefront } from "./storefront";

/**
 * A product of one test alone, straight into the catalogue: one variant with its own stock, named
 * `<word> <noun>` with a word no other product has (letters only), so searching for the word
 * finds it and nothing else.
 */
export async function uniqueProduct(
  shop: Storefront,
  { stock = 5, price = 1250, noun = "Teapot" }: { stock?: number; price?: number; noun?: string } = {},
) {
  const word = `Unique${randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!)}`;
  const name = `${word} ${noun}`;
  const variant = await shop.platform.variantWithStock(stock, price, name);
  return { ...variant, word, name };
}
