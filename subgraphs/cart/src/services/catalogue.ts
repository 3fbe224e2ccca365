import { createServiceClient } from "@storefront/platform/service-client";
import { CartVariantsDocument, type CartVariantsQuery } from "@storefront/contracts/catalogue";

/** One answer of the catalogue's entity lookup: a variant, or nothing for an entity of another kind. */
type CatalogueEntity = NonNullable<CartVariantsQuery["_entities"][number]>;

/** What the cart needs to know about a variant, as the catalogue has it right now. */
export type CatalogueVariant = Extract<CatalogueEntity, { id: string }>;

/** Current data for many variants in one call, in the order asked; null for a variant that is gone. */
export type VariantLookup = (
  ids: readonly string[],
  requestId: string,
) => Promise<(CatalogueVariant | null)[]>;

// Every representation asked for is a ProductVariant, so every entity answered is one (or null).
const isVariant = (entity: CatalogueEntity | null | undefined): entity is CatalogueVariant =>
  entity != null && "id" in entity;

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
    const data = await call(
      CartVariantsDocument,
      { representations: ids.map((id) => ({ __typename: "ProductVariant", id })) },
      { requestId },
    );
    return ids.map((_, index) => {
      const entity = data._entities[index];
      return isVariant(entity) ? entity : null;
    });
  };
}
