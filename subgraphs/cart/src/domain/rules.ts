import type { CatalogueVariant } from "../services/catalogue";

/** The most units of one variant a cart line may hold (also a check constraint on cart_lines). */
export const MAX_LINE_QUANTITY = 99;

/** Distinct lines a cart may hold, so a cart (and its one catalogue lookup) stays bounded. */
export const MAX_CART_LINES = 100;

/** On sale: neither the variant nor its product has been archived. */
export const onSale = (variant: CatalogueVariant) =>
  variant.status === "ACTIVE" && variant.product.status === "ACTIVE";
