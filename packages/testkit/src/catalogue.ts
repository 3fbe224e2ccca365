import { randomBytes } from "node:crypto";
import { executeOk, type Operation } from "./execute";
import { VARIANT } from "./fixtures";
import {
  AdjustStockDocument,
  ArchiveProductDocument,
  ArchiveVariantDocument,
  CreateProductDocument,
  CreateVariantDocument,
  ReceiveStockDocument,
  StockMovementsDocument,
  UpdateVariantDocument,
  VariantStockDocument,
} from "./generated/catalogue";

/** A variant made through the catalogue's API, with what the tests that use it refer to. */
export interface CatalogueVariant {
  id: string;
  sku: string;
  productId: string;
  productName: string;
}

/**
 * Products, prices and stock for the tests of subgraphs that depend on the catalogue, made
 * through the catalogue's own administration API (as a shop administrator would), never by
 * writing into the catalogue's database. `url` is a running catalogue, `adminToken` an ADMIN's.
 */
export function catalogueAdmin(url: string, adminToken: string) {
  const run = <TData, TVariables>(operation: Operation<TData, TVariables>, variables: NoInfer<TVariables>) =>
    executeOk(url, operation, { variables, token: adminToken });

  const stockOnHand = async (variantId: string, productId: string) => {
    const data = await run(VariantStockDocument, { productId });
    const variant = data.product?.variants.find((v) => v.id === variantId);
    if (!variant) throw new Error(`variant ${variantId} not found in product ${productId}`);
    return variant.stockOnHand;
  };
  // Which product each variant made here belongs to, for reading its stock back.
  const productOf = new Map<string, string>();

  const admin = {
    /** A product with one variant holding `stock` units (received into stock, so on the ledger). */
    variant: async (
      options: { stock?: number; price?: number; currency?: string; name?: string } = {},
    ): Promise<CatalogueVariant> => {
      const sku = `FIX-${randomBytes(5).toString("hex")}`.toUpperCase();
      const name = options.name ?? `Product ${sku}`;
      const priceAmount = options.price ?? VARIANT.price;
      const { createProduct } = await run(CreateProductDocument, {
        input: { sku, name, priceAmount, currency: options.currency ?? VARIANT.currency },
      });
      const { createVariant } = await run(CreateVariantDocument, {
        productId: createProduct.id,
        input: { sku: `${sku}-0`, name: "Variant 0", priceAmount },
      });
      const stock = options.stock ?? VARIANT.stock;
      if (stock > 0) {
        await run(ReceiveStockDocument, { variantId: createVariant.id, quantity: stock });
      }
      productOf.set(createVariant.id, createProduct.id);
      return { id: createVariant.id, sku: createVariant.sku, productId: createProduct.id, productName: name };
    },
    /** Sets stock on hand with one adjustment, as a stock count would. */
    setStock: async (variantId: string, onHand: number) => {
      const current = await stockOnHand(variantId, admin.productIdOf(variantId));
      if (current === onHand) return;
      await run(AdjustStockDocument, { variantId, delta: onHand - current });
    },
    setPrice: async (variantId: string, priceAmount: number) => {
      await run(UpdateVariantDocument, { variantId, input: { priceAmount } });
    },
    archiveVariant: async (variantId: string) => {
      await run(ArchiveVariantDocument, { variantId });
    },
    archiveProduct: async (productId: string) => {
      await run(ArchiveProductDocument, { productId });
    },
    /** Stock on hand and the sum of the variant's stock ledger, as the catalogue reports them. */
    stockOf: async (variantId: string) => {
      const onHand = await stockOnHand(variantId, admin.productIdOf(variantId));
      const data = await run(StockMovementsDocument, { variantId });
      const ledger = data.stockMovements.nodes.reduce((sum, m) => sum + m.quantity, 0);
      return { onHand, ledger };
    },
    productIdOf: (variantId: string) => {
      const productId = productOf.get(variantId);
      if (!productId) throw new Error(`variant ${variantId} was not made through this catalogue client`);
      return productId;
    },
  };
  return admin;
}
