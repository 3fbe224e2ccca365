import { and, count, eq, like, sql } from "drizzle-orm";
import { z } from "zod";
import { currencyCode } from "@storefront/contracts/address";
import { requireAdmin } from "@storefront/platform/auth";
import { uniqueViolation } from "@storefront/platform/db";
import { badUserInput, notFound } from "@storefront/platform/errors";
import { isUuid } from "@storefront/platform/ids";
import { validateInput } from "@storefront/platform/validation";
import type { CatalogueDependencies } from "../dependencies";
import type { CatalogueRequest } from "../request";
import type {
  CategoryInput,
  CreateProductInput,
  CreateVariantInput,
  UpdateProductInput,
  UpdateVariantInput,
} from "../generated/resolvers";
import type { CatalogueDatabase } from "../db";
import { categories, products, stockLevels, variants, type CategoryRow } from "../db/schema";
import { productColumns, type ProductRecord, type VariantWithStock } from "../loaders";

const MAX_PRICE = 100_000_000;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const price = z
  .number()
  .int("must be a whole number of minor units")
  .min(0, "must not be negative")
  .max(MAX_PRICE, "is too large");
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(slugPattern, "may contain only a-z, 0-9 and single dashes")
  .max(80);
const sku = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,63}$/, "may contain only letters, digits, . _ and -");
const attributes = z
  .array(z.object({ name: text(50), value: text(200) }))
  .max(30, "at most 30 attributes")
  .transform((list) => Object.fromEntries(list.map((a) => [a.name, a.value])));
const images = z
  .array(
    z.object({
      url: z
        .string()
        .trim()
        .max(100_000)
        .regex(/^(https?:\/\/|data:image\/|\/)/, "must be an http(s), data:image or site-relative URL"),
      alt: z.string().trim().max(200),
    }),
  )
  .max(20, "at most 20 images");
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, "must be an id");

const createProductInput = z.object({
  sku,
  slug: slug.nullish(),
  name: text(200),
  description: z.string().trim().max(10_000).nullish(),
  priceAmount: price,
  currency: currencyCode,
  categoryId: uuid.nullish(),
  images: images.nullish(),
  attributes: attributes.nullish(),
});
const updateProductInput = createProductInput
  .omit({ sku: true, currency: true })
  .partial()
  .extend({ name: text(200).nullish(), priceAmount: price.nullish() });
const createVariantInput = z.object({
  sku,
  name: text(100),
  priceAmount: price.nullish(),
  attributes: attributes.nullish(),
});
const updateVariantInput = z.object({
  name: text(100).nullish(),
  priceAmount: price.nullish(),
  attributes: attributes.nullish(),
});
const categoryInput = z.object({
  slug: slug.nullish(),
  name: text(100),
  description: z.string().trim().max(2000).nullish(),
  parentId: uuid.nullish(),
  position: z.number().int().min(0).max(10_000).nullish(),
});

/** A unique-constraint violation becomes a BAD_USER_INPUT naming the field that collided. */
async function uniquely<T>(write: () => Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    const field = constraint ? fields[constraint] : undefined;
    if (field) throw badUserInput(`That ${field} is already in use.`, field);
    throw error;
  }
}

async function requireCategory(db: CatalogueDatabase, id: string, field: string): Promise<CategoryRow> {
  const [row] = isUuid(id) ? await db.select().from(categories).where(eq(categories.id, id)) : [];
  if (!row) throw badUserInput("No such category.", field);
  return row;
}

async function productOrNotFound(db: CatalogueDatabase, id: string): Promise<ProductRecord> {
  const [row] = isUuid(id) ? await db.select(productColumns).from(products).where(eq(products.id, id)) : [];
  if (!row) throw notFound("Product");
  return row;
}

async function freshVariant(request: CatalogueRequest, id: string): Promise<VariantWithStock> {
  request.loaders.variantById.clear(id);
  const variant = await request.loaders.variantById.load(id);
  if (!variant) throw notFound("Variant");
  return variant;
}

export async function createProduct(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  rawInput: CreateProductInput,
): Promise<ProductRecord> {
  requireAdmin(request.viewer);
  const input = validateInput(createProductInput, rawInput);
  if (input.categoryId) await requireCategory(deps.db, input.categoryId, "categoryId");
  const [row] = await uniquely(
    () =>
      deps.db
        .insert(products)
        .values({
          sku: input.sku,
          slug: input.slug ?? slugify(`${input.name}-${input.sku}`),
          name: input.name,
          description: input.description ?? "",
          priceAmount: input.priceAmount,
          currency: input.currency,
          categoryId: input.categoryId ?? null,
          images: input.images ?? [],
          attributes: input.attributes ?? {},
        })
        .returning(productColumns),
    { products_sku_key: "sku", products_slug_key: "slug" },
  );
  return row!;
}

export async function updateProduct(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
  rawInput: UpdateProductInput,
): Promise<ProductRecord> {
  requireAdmin(request.viewer);
  const input = validateInput(updateProductInput, rawInput);
  await productOrNotFound(deps.db, id);
  if (input.categoryId) await requireCategory(deps.db, input.categoryId, "categoryId");
  const changes = {
    ...(input.slug != null ? { slug: input.slug } : {}),
    ...(input.name != null ? { name: input.name } : {}),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.priceAmount != null ? { priceAmount: input.priceAmount } : {}),
    ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
    ...(input.images != null ? { images: input.images } : {}),
    ...(input.attributes != null ? { attributes: input.attributes } : {}),
  };
  const [row] = await uniquely(
    () =>
      deps.db
        .update(products)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(products.id, id))
        .returning(productColumns),
    { products_slug_key: "slug" },
  );
  request.loaders.productById.clear(id);
  return row!;
}

export async function archiveProduct(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<ProductRecord> {
  requireAdmin(request.viewer);
  await productOrNotFound(deps.db, id);
  const row = await deps.db.transaction(async (tx) => {
    await tx
      .update(variants)
      .set({ status: "ARCHIVED", updatedAt: new Date() })
      .where(eq(variants.productId, id));
    const [updated] = await tx
      .update(products)
      .set({ status: "ARCHIVED", updatedAt: new Date() })
      .where(eq(products.id, id))
      .returning(productColumns);
    return updated!;
  });
  request.loaders.productById.clear(id);
  request.loaders.variantsByProductId.clear(id);
  return row;
}

export async function createVariant(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  productId: string,
  rawInput: CreateVariantInput,
): Promise<VariantWithStock> {
  requireAdmin(request.viewer);
  const input = validateInput(createVariantInput, rawInput);
  const product = await productOrNotFound(deps.db, productId);
  if (product.status === "ARCHIVED") throw badUserInput("The product is archived.", "productId");
  const id = await deps.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(variants)
      .where(eq(variants.productId, productId));
    const [variant] = await uniquely(
      () =>
        tx
          .insert(variants)
          .values({
            productId,
            sku: input.sku,
            name: input.name,
            priceAmount: input.priceAmount ?? product.priceAmount,
            currency: product.currency,
            attributes: input.attributes ?? {},
            position: n,
          })
          .returning({ id: variants.id }),
      { variants_sku_key: "sku" },
    );
    await tx.insert(stockLevels).values({ variantId: variant!.id, onHand: 0 });
    return variant!.id;
  });
  request.loaders.variantsByProductId.clear(productId);
  return freshVariant(request, id);
}

export async function updateVariant(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
  rawInput: UpdateVariantInput,
): Promise<VariantWithStock> {
  requireAdmin(request.viewer);
  const input = validateInput(updateVariantInput, rawInput);
  const changes = {
    ...(input.name != null ? { name: input.name } : {}),
    ...(input.priceAmount != null ? { priceAmount: input.priceAmount } : {}),
    ...(input.attributes != null ? { attributes: input.attributes } : {}),
  };
  const [row] = isUuid(id)
    ? await deps.db
        .update(variants)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(variants.id, id))
        .returning({ id: variants.id })
    : [];
  if (!row) throw notFound("Variant");
  return freshVariant(request, id);
}

export async function archiveVariant(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<VariantWithStock> {
  requireAdmin(request.viewer);
  const [row] = isUuid(id)
    ? await deps.db
        .update(variants)
        .set({ status: "ARCHIVED", updatedAt: new Date() })
        .where(eq(variants.id, id))
        .returning({ id: variants.id })
    : [];
  if (!row) throw notFound("Variant");
  return freshVariant(request, id);
}

export async function createCategory(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  rawInput: CategoryInput,
): Promise<CategoryRow> {
  requireAdmin(request.viewer);
  const input = validateInput(categoryInput, rawInput);
  const parent = input.parentId ? await requireCategory(deps.db, input.parentId, "parentId") : undefined;
  const id = crypto.randomUUID();
  const [row] = await uniquely(
    () =>
      deps.db
        .insert(categories)
        .values({
          id,
          slug: input.slug ?? slugify(input.name),
          name: input.name,
          description: input.description ?? null,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? "/"}${id}/`,
          position: input.position ?? 0,
        })
        .returning(),
    { categories_slug_key: "slug" },
  );
  return row!;
}

/**
 * Edits a category; a new parent moves its whole subtree, rewriting every descendant's path in
 * the same transaction. A category cannot move below itself.
 */
export async function updateCategory(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
  rawInput: CategoryInput,
): Promise<CategoryRow> {
  requireAdmin(request.viewer);
  const input = validateInput(categoryInput, rawInput);
  const row = await deps.db.transaction(async (tx) => {
    const current = await requireCategory(tx, id, "id").catch(() => {
      throw notFound("Category");
    });
    const parent = input.parentId ? await requireCategory(tx, input.parentId, "parentId") : undefined;
    if (parent && parent.path.startsWith(current.path)) {
      throw badUserInput("A category cannot be moved below itself.", "parentId");
    }
    const path = `${parent?.path ?? "/"}${id}/`;
    if (path !== current.path) {
      await tx
        .update(categories)
        .set({
          path: sql`${path}::text || substring(${categories.path} from ${current.path.length + 1}::int)`,
        })
        .where(like(categories.path, `${current.path}%`));
    }
    const [updated] = await uniquely(
      () =>
        tx
          .update(categories)
          .set({
            name: input.name,
            slug: input.slug ?? current.slug,
            description: input.description ?? current.description,
            parentId: parent?.id ?? null,
            position: input.position ?? current.position,
          })
          .where(eq(categories.id, id))
          .returning(),
      { categories_slug_key: "slug" },
    );
    return updated!;
  });
  request.loaders.categoryById.clear(id);
  return row;
}

export async function deleteCategory(
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  id: string,
): Promise<string> {
  requireAdmin(request.viewer);
  return deps.db.transaction(async (tx) => {
    const current = await requireCategory(tx, id, "id").catch(() => {
      throw notFound("Category");
    });
    const [children] = await tx.select({ n: count() }).from(categories).where(eq(categories.parentId, id));
    const [inUse] = await tx
      .select({ n: count() })
      .from(products)
      .where(and(eq(products.categoryId, id)));
    if ((children?.n ?? 0) > 0)
      throw badUserInput("The category has subcategories; move or delete them first.", "id");
    if ((inUse?.n ?? 0) > 0) throw badUserInput("Products are in this category; move them first.", "id");
    await tx.delete(categories).where(eq(categories.id, current.id));
    return id;
  });
}
