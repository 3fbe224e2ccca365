import { createServiceClient } from "@storefront/platform";

/** What the cart needs to know about a variant, as the catalogue has it right now. */
export interface CatalogueVariant {
  id: string;
  sku: string;
  name: string;
  price: { amount: number; currency: string };
  status: "ACTIVE" | "ARCHIVED";
  stockOnHand: number;
  product: { id: string; name: string; status: "ACTIVE" | "ARCHIVED" };
}

/** Current data for many variants in one call, in the order asked; null for a variant that is gone. */
export type VariantLookup = (
  ids: readonly string[],
  requestId: string,
) => Promise<(CatalogueVariant | null)[]>;

// An entity lookup rather than a query field: it resolves archived variants and products too
// (the catalogue's __resolveReference does not hide them), which the cart must see to flag them.
const VARIANTS = `query CartVariants($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant {
      id sku name price { amount currency } status stockOnHand product { id name status }
    }
  }
}`;

export function createVariantLookup(options: {
  url: string;
  serviceToken: string | undefined;
}): VariantLookup {
  const call = createServiceClient({
    service: "catalogue",
    url: options.url,
    serviceToken: options.serviceToken,
  });
  return async (ids, requestId) => {
    const data = await call<{ _entities: (CatalogueVariant | null)[] }>(
      VARIANTS,
      { representations: ids.map((id) => ({ __typename: "ProductVariant", id })) },
      { requestId },
    );
    return ids.map((_, index) => data._entities[index] ?? null);
  };
}

/** On sale: neither the variant nor its product has been archived. */
export const onSale = (variant: CatalogueVariant) =>
  variant.status === "ACTIVE" && variant.product.status === "ACTIVE";
