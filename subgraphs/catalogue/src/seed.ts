import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CatalogueDatabase } from "./db";
import { categories, products, reviews, stockLevels, variants, type ProductImage } from "./db/schema";
import { recordMovement } from "./services/stock";

export interface SeedSummary {
  categories: number;
  products: number;
  variants: number;
  reviews: number;
}

type CategoryInsert = typeof categories.$inferInsert;
type ProductInsert = typeof products.$inferInsert;
type VariantInsert = typeof variants.$inferInsert;
type ReviewInsert = typeof reviews.$inferInsert;

const PRODUCT_COUNT = 200;
/** Rows per INSERT: few statements, far below PostgreSQL's 65,535 parameter limit. */
const CHUNK = 250;
const CATALOGUE_SEED = 0x5eed_ca7a;
/** Reviews draw from their own stream, so the reviewer list never changes the products. */
const REVIEW_SEED = 0x5eed_4e71;

/** mulberry32: tiny, fast and good enough for demo data; the same seed gives the same sequence. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return {
    /** In [0, 1). */
    fraction: next,
    int,
    pick,
    chance: (probability: number) => next() < probability,
    /** An index chosen with the given relative weights. */
    weighted(weights: readonly number[]): number {
      let roll = next() * weights.reduce((sum, w) => sum + w, 0);
      for (const [index, weight] of weights.entries()) {
        roll -= weight;
        if (roll < 0) return index;
      }
      return weights.length - 1;
    },
    /** `count` distinct items, in the order they were drawn (partial Fisher–Yates). */
    sample<T>(list: readonly T[], count: number): T[] {
      const pool = [...list];
      const drawn: T[] = [];
      for (let i = 0; i < count && pool.length; i++) drawn.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
      return drawn;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

interface LeafSpec {
  name: string;
  slug: string;
  /** SKU prefix. */
  code: string;
  description: string;
  nouns: string[];
  materials: string[];
  /** Whole dollars; prices end in .99. */
  price: [number, number];
  /** What variants differ in. Ordered options (sizes) are taken as a consecutive run. */
  option: { name: string; values: string[]; ordered: boolean; priceStep: number };
  /** Completes "<Material> <noun> …" into the description's first sentence. */
  purpose: string;
  details: string[];
}

const COLOURS = ["Black", "Navy", "Olive", "Sand", "Rust", "Slate", "Ivory", "Forest", "Charcoal", "Sky"];
const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"];

const TREE: { name: string; slug: string; description: string; children: LeafSpec[] }[] = [
  {
    name: "Clothing",
    slug: "clothing",
    description: "Everyday wear, made to last.",
    children: [
      {
        name: "Tops",
        slug: "tops",
        code: "TOP",
        description: "T-shirts, knitwear and hoodies.",
        nouns: ["T-Shirt", "Henley", "Polo Shirt", "Sweater", "Hoodie", "Cardigan"],
        materials: ["Cotton", "Merino", "Linen", "Organic Cotton", "Bamboo"],
        price: [19, 89],
        option: { name: "size", values: APPAREL_SIZES, ordered: true, priceStep: 0 },
        purpose: "cut for a relaxed everyday fit",
        details: [
          "Pre-washed so it keeps its shape.",
          "Flat seams that do not rub.",
          "Garment-dyed for a soft, lived-in colour.",
        ],
      },
      {
        name: "Outerwear",
        slug: "outerwear",
        code: "OUT",
        description: "Jackets and coats for every season.",
        nouns: ["Rain Jacket", "Parka", "Gilet", "Windbreaker", "Overcoat", "Fleece"],
        materials: ["Waxed Cotton", "Recycled Nylon", "Wool", "Softshell", "Down"],
        price: [59, 249],
        option: { name: "size", values: APPAREL_SIZES, ordered: true, priceStep: 0 },
        purpose: "built to keep the weather out",
        details: [
          "Taped seams and a storm flap.",
          "Packs into its own pocket.",
          "Two-way zip and an adjustable hood.",
        ],
      },
      {
        name: "Footwear",
        slug: "footwear",
        code: "FTW",
        description: "Shoes and boots for town and trail.",
        nouns: ["Sneakers", "Hiking Boots", "Loafers", "Sandals", "Chelsea Boots", "Running Shoes"],
        materials: ["Suede", "Leather", "Canvas", "Mesh", "Nubuck"],
        price: [49, 189],
        option: {
          name: "size",
          values: ["EU 38", "EU 39", "EU 40", "EU 41", "EU 42", "EU 43", "EU 44", "EU 45"],
          ordered: true,
          priceStep: 0,
        },
        purpose: "with a cushioned footbed for all-day comfort",
        details: ["Resoleable stitched construction.", "Grippy rubber outsole.", "Breaks in within a week."],
      },
    ],
  },
  {
    name: "Home & Kitchen",
    slug: "home-kitchen",
    description: "Tools and pieces for the way you live at home.",
    children: [
      {
        name: "Cookware",
        slug: "cookware",
        code: "CKW",
        description: "Pans and pots that last a lifetime.",
        nouns: ["Skillet", "Saucepan", "Dutch Oven", "Wok", "Stockpot", "Griddle"],
        materials: ["Cast Iron", "Stainless Steel", "Carbon Steel", "Copper", "Enamelled Steel"],
        price: [29, 199],
        option: {
          name: "size",
          values: ["16 cm", "20 cm", "24 cm", "28 cm", "32 cm"],
          ordered: true,
          priceStep: 800,
        },
        purpose: "that works on gas, electric and induction",
        details: [
          "Oven-safe up to 260 °C.",
          "Riveted handle that stays cool.",
          "Pre-seasoned and ready to use.",
        ],
      },
      {
        name: "Tableware",
        slug: "tableware",
        code: "TBL",
        description: "Plates, bowls and glasses for every day.",
        nouns: ["Dinner Plate Set", "Mug", "Serving Bowl", "Tumbler Set", "Platter", "Teapot"],
        materials: ["Stoneware", "Porcelain", "Glass", "Bamboo", "Ceramic"],
        price: [12, 79],
        option: { name: "colour", values: COLOURS, ordered: false, priceStep: 0 },
        purpose: "made for everyday meals and long dinners",
        details: [
          "Dishwasher and microwave safe.",
          "Stacks neatly in the cupboard.",
          "Each piece varies slightly.",
        ],
      },
      {
        name: "Decor",
        slug: "decor",
        code: "DEC",
        description: "Lamps, textiles and finishing touches.",
        nouns: ["Table Lamp", "Throw Pillow", "Vase", "Wall Mirror", "Candle Holder", "Throw Blanket"],
        materials: ["Brass", "Linen", "Rattan", "Oak", "Marble", "Wool"],
        price: [19, 159],
        option: { name: "colour", values: COLOURS, ordered: false, priceStep: 0 },
        purpose: "that brings warmth to any room",
        details: [
          "Made by a small family workshop.",
          "Finished with natural oils.",
          "Looks good on its own or in a group.",
        ],
      },
    ],
  },
  {
    name: "Outdoors",
    slug: "outdoors",
    description: "Gear for camping, cycling and long days outside.",
    children: [
      {
        name: "Camping",
        slug: "camping",
        code: "CMP",
        description: "Shelter, sleep and cooking in the wild.",
        nouns: ["Tent", "Sleeping Bag", "Camp Stove", "Lantern", "Backpack", "Hammock"],
        materials: ["Ripstop", "Aluminium", "Titanium", "Canvas", "Recycled Polyester"],
        price: [24, 349],
        option: {
          name: "capacity",
          values: ["Solo", "2-Person", "3-Person", "4-Person"],
          ordered: true,
          priceStep: 2500,
        },
        purpose: "light enough to carry all day",
        details: [
          "Sets up in under five minutes.",
          "Comes with a compression sack.",
          "Tested in wind and rain.",
        ],
      },
      {
        name: "Cycling",
        slug: "cycling",
        code: "CYC",
        description: "Accessories for commuting and long rides.",
        nouns: ["Helmet", "Saddle Bag", "Bike Light", "Water Bottle", "Cycling Gloves", "Bike Lock"],
        materials: ["Carbon", "Aluminium", "Steel", "Recycled Plastic", "Leather"],
        price: [9, 149],
        option: { name: "colour", values: COLOURS, ordered: false, priceStep: 0 },
        purpose: "made for daily commutes and weekend rides",
        details: [
          "Fits most bikes without tools.",
          "Reflective details for dark evenings.",
          "Two-year warranty.",
        ],
      },
    ],
  },
];

const ADJECTIVES = (
  "Classic Everyday Rugged Lightweight Heritage Urban Alpine Coastal Nordic Essential " +
  "Compact Premium Vintage Modern Trail Cozy Weekend Summit Harbor Meadow"
).split(" ");
const ORIGINS = ["Portugal", "Italy", "Japan", "Vietnam", "Mexico", "USA", "Germany", "India"];
/** Dark enough for white initials to stay readable. */
const SWATCHES = ["#1f4e79", "#7a3b2e", "#2f5d50", "#5b3f7a", "#8a5a00", "#3d4a5c", "#a23b52", "#35606b"];

const REVIEW_TEXT: Record<1 | 2 | 3 | 4 | 5, { titles: string[]; bodies: string[] }> = {
  1: {
    titles: ["Would not buy again", "Poor quality", "Returned it"],
    bodies: [
      "Fell apart within a month.",
      "The {noun} looked nothing like the photos.",
      "Arrived damaged and support was slow.",
    ],
  },
  2: {
    titles: ["Disappointed", "Not great", "Expected more"],
    bodies: [
      "Works, but feels cheaper than the price suggests.",
      "The {noun} is smaller than I expected.",
      "Fine for a while, then it started to wear.",
    ],
  },
  3: {
    titles: ["It's okay", "Decent", "Mixed feelings"],
    bodies: [
      "Does the job, nothing special.",
      "Good {noun}, but the finish could be better.",
      "Average quality for the price.",
    ],
  },
  4: {
    titles: ["Very good", "Solid choice", "Happy with it"],
    bodies: [
      "Good quality for the price; one small niggle but nothing serious.",
      "Nice {noun}, would buy again.",
      "Well made and arrived quickly.",
    ],
  },
  5: {
    titles: ["Love it", "Exceeded expectations", "Perfect", "Highly recommend"],
    bodies: [
      "Exactly as described; I'd buy it again.",
      "The best {noun} I have owned.",
      "Beautifully made and looks even better in person.",
      "Using it every day and it still looks new.",
    ],
  },
};
const RATING_WEIGHTS = [4, 6, 14, 32, 44];
const REVIEWS_PER_PRODUCT_WEIGHTS = [15, 20, 22, 18, 14, 11];

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const sentenceCase = (text: string) => text.charAt(0) + text.slice(1).toLowerCase();
const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 3)
    .map((word) => word[0]!.toUpperCase())
    .join("");

/** A placeholder picture drawn in code, so the demo shop needs nothing from the internet. */
function placeholderImage(name: string, colour: string, alt: string): ProductImage {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">` +
    `<rect width="480" height="480" fill="${colour}"/>` +
    `<text x="240" y="240" dominant-baseline="central" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="140" font-weight="700" fill="#ffffff">${initials(name)}</text>` +
    `</svg>`;
  return { url: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, alt };
}

interface Plan {
  /** Parents before their children. */
  categories: CategoryInsert[];
  products: ProductInsert[];
  variants: VariantInsert[];
  /** Units received per variant; 0 means the variant is out of stock. */
  stock: { variantId: string; quantity: number }[];
  reviews: ReviewInsert[];
}

function planCategories(): { rows: CategoryInsert[]; leaves: { id: string; spec: LeafSpec }[] } {
  const rows: CategoryInsert[] = [];
  const leaves: { id: string; spec: LeafSpec }[] = [];
  for (const [rootPosition, root] of TREE.entries()) {
    const rootId = randomUUID();
    const rootPath = `/${rootId}/`;
    rows.push({
      id: rootId,
      slug: root.slug,
      name: root.name,
      description: root.description,
      path: rootPath,
      position: rootPosition,
    });
    for (const [position, leaf] of root.children.entries()) {
      const id = randomUUID();
      rows.push({
        id,
        parentId: rootId,
        slug: leaf.slug,
        name: leaf.name,
        description: leaf.description,
        path: `${rootPath}${id}/`,
        position,
      });
      leaves.push({ id, spec: leaf });
    }
  }
  return { rows, leaves };
}

function planVariants(
  random: Random,
  productId: string,
  sku: string,
  spec: LeafSpec,
  basePrice: number,
): (VariantInsert & { id: string })[] {
  const { option } = spec;
  const count = Math.min(random.int(1, 4), option.values.length);
  let values: string[];
  if (option.ordered) {
    const start = random.int(0, option.values.length - count);
    values = option.values.slice(start, start + count);
  } else {
    values = random.sample(option.values, count);
  }
  return values.map((value, position) => ({
    id: randomUUID(),
    productId,
    sku: `${sku}-${slugify(value).replace(/-/g, "").toUpperCase()}`,
    name: value,
    priceAmount: basePrice + position * option.priceStep,
    currency: "USD",
    attributes: { [option.name]: value },
    position,
  }));
}

function planReviews(
  random: Random,
  product: { id: string; createdAt: Date; noun: string },
  reviewerIds: string[],
  now: number,
): ReviewInsert[] {
  const count = random.weighted(REVIEWS_PER_PRODUCT_WEIGHTS);
  return random.sample(reviewerIds, count).map((authorId) => {
    const rating = (random.weighted(RATING_WEIGHTS) + 1) as 1 | 2 | 3 | 4 | 5;
    const text = REVIEW_TEXT[rating];
    const age = product.createdAt.getTime();
    const createdAt = new Date(age + Math.floor(random.fraction() * (now - age)));
    return {
      productId: product.id,
      authorId,
      rating,
      title: random.chance(0.8) ? random.pick(text.titles) : null,
      body: random.pick(text.bodies).replace("{noun}", product.noun.toLowerCase()),
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function planCatalogue(reviewerIds: string[], now: Date): Plan {
  const random = createRandom(CATALOGUE_SEED);
  const reviewRandom = createRandom(REVIEW_SEED);
  const { rows, leaves } = planCategories();
  const plan: Plan = { categories: rows, products: [], variants: [], stock: [], reviews: [] };
  const slugs = new Set<string>();
  for (let index = 0; index < PRODUCT_COUNT; index++) {
    const leaf = leaves[index % leaves.length]!;
    const spec = leaf.spec;
    let name: string, noun: string, material: string;
    // Redraw until the name is new: slugs (and so names) must be unique.
    do {
      const adjective = random.pick(ADJECTIVES);
      material = random.pick(spec.materials);
      noun = random.pick(spec.nouns);
      name = `${adjective} ${material} ${noun}`;
    } while (slugs.has(slugify(name)));
    const slug = slugify(name);
    slugs.add(slug);
    const id = randomUUID();
    const sku = `${spec.code}-${String(index + 1).padStart(4, "0")}`;
    const priceAmount = random.int(spec.price[0], spec.price[1]) * 100 + 99;
    const createdAt = new Date(now.getTime() - random.int(1, 8 * 7 * 24 * 60) * 60_000);
    const productVariants = planVariants(random, id, sku, spec, priceAmount);
    const images = [placeholderImage(name, random.pick(SWATCHES), `${name}, placeholder picture`)];
    if (random.chance(0.3))
      images.push(placeholderImage(name, random.pick(SWATCHES), `${name}, placeholder picture, second view`));
    const productReviews = planReviews(reviewRandom, { id, createdAt, noun }, reviewerIds, now.getTime());
    const ratingTotal = productReviews.reduce((sum, review) => sum + review.rating, 0);
    plan.products.push({
      id,
      sku,
      slug,
      name,
      description: `${sentenceCase(`${material} ${noun}`)} ${spec.purpose}. ${random.pick(spec.details)}`,
      priceAmount,
      currency: "USD",
      images,
      attributes: { material: material.toLowerCase(), origin: random.pick(ORIGINS) },
      status: "ACTIVE",
      categoryId: leaf.id,
      reviewCount: productReviews.length,
      ratingTotal,
      averageRating: productReviews.length ? ratingTotal / productReviews.length : null,
      createdAt,
      updatedAt: createdAt,
    });
    plan.variants.push(...productVariants);
    for (const variant of productVariants) {
      // Some variants start sold out so "out of stock" shows in the demo.
      plan.stock.push({ variantId: variant.id, quantity: random.chance(0.15) ? 0 : random.int(3, 60) });
    }
    plan.reviews.push(...productReviews);
  }
  return plan;
}

function chunks<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) result.push(rows.slice(start, start + CHUNK));
  return result;
}

/**
 * Demo data for the first start: a category tree, 200 products with variants, stock received
 * through the ledger, and reviews by the given users. The content is the same on every run;
 * returns null without writing anything when the catalogue already has products.
 */
export async function seedCatalogue(
  db: CatalogueDatabase,
  options: { reviewerIds: string[] },
): Promise<SeedSummary | null> {
  return db.transaction(async (tx) => {
    // Replicas starting together queue here; the later ones then find products and stop.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('catalogue:seed'))`);
    const [existing] = await tx.select({ id: products.id }).from(products).limit(1);
    if (existing) return null;

    const plan = planCatalogue([...new Set(options.reviewerIds)], new Date());
    await tx.insert(categories).values(plan.categories);
    for (const chunk of chunks(plan.products)) await tx.insert(products).values(chunk);
    for (const chunk of chunks(plan.variants)) await tx.insert(variants).values(chunk);
    // Every variant gets a level row, so sold-out ones read 0 like any other.
    for (const chunk of chunks(plan.stock)) {
      await tx.insert(stockLevels).values(chunk.map(({ variantId }) => ({ variantId, onHand: 0 })));
    }
    for (const { variantId, quantity } of plan.stock) {
      if (quantity > 0) await recordMovement(tx, { variantId, kind: "RECEIPT", quantity, note: "seed" });
    }
    for (const chunk of chunks(plan.reviews)) await tx.insert(reviews).values(chunk);

    return {
      categories: plan.categories.length,
      products: plan.products.length,
      variants: plan.variants.length,
      reviews: plan.reviews.length,
    };
  });
}
