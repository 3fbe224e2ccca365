import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { composeServices } from "@apollo/composition";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { GraphQLError, parse } from "graphql";

/**
 * Synthetic subgraphs for the differential test: in-memory data, no clock, no randomness, so the
 * same operation always gets the same answer. Together they exercise what a federated executor
 * must get right: entities with single and compound keys, `@requires`, `@provides`, `@override`,
 * `@interfaceObject`, `@inaccessible`, `@shareable`, a union and interfaces whose members live in
 * different subgraphs, entity chains through 3+ subgraphs, lists of entities, nullability
 * violations, errors with and without a code, and subgraphs that are down, answer HTTP 500 or
 * stall past the deadline.
 */

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@inaccessible", "@external", "@provides", "@requires", "@override", "@interfaceObject"])`;

interface ProductRow {
  id: string;
  upc: string;
  name: string;
  price: number;
  weight: number;
  brandId: string | null;
  secretCost: number;
}
const PRODUCTS: ProductRow[] = [
  { id: "p1", upc: "1", name: "Table", price: 899, weight: 100, brandId: "b1", secretCost: 300 },
  { id: "p2", upc: "2", name: "Couch", price: 1299, weight: 1000, brandId: "b2", secretCost: 700 },
  { id: "p3", upc: "3", name: "Chair", price: 54, weight: 50, brandId: "b1", secretCost: 20 },
  { id: "p4", upc: "4", name: "Lamp", price: 20, weight: 5, brandId: null, secretCost: 8 },
  { id: "p5", upc: "5", name: "Rug", price: 150, weight: 20, brandId: "b2", secretCost: 60 },
];
const BRANDS = [
  { id: "b1", name: "Oakworks", country: "NO" },
  { id: "b2", name: "Softline", country: null },
];
const VARIANTS = PRODUCTS.flatMap((p, i) =>
  ["S", "L"].slice(0, 1 + (i % 2)).map((size) => ({
    productUpc: p.upc,
    sku: `${p.upc}-${size}`,
    color: size === "S" ? "black" : null,
    stock: (i * 7 + size.length) % 4,
  })),
);
const USERS = [
  { id: "u1", username: "ada", first: "Ada", last: "Lovelace", email: "ada@example.com", favourite: "2" },
  { id: "u2", username: "alan", first: "Alan", last: null, email: "alan@example.com", favourite: null },
  { id: "u3", username: "grace", first: "Grace", last: "Hopper", email: "grace@example.com", favourite: "9" },
];
interface ReviewRow {
  id: string;
  body: string;
  rating: number | null;
  authorId: string;
  productUpc: string;
}
const REVIEWS: ReviewRow[] = [
  { id: "r1", body: "Sturdy table", rating: 5, authorId: "u1", productUpc: "1" },
  { id: "r2", body: "Too soft", rating: 2, authorId: "u2", productUpc: "2" },
  // A non-null field the subgraph answers null for: a nullability violation in an entity.
  { id: "r3", body: "Chair creaks", rating: null, authorId: "u1", productUpc: "3" },
  // Its body is refused with FORBIDDEN.
  { id: "r4", body: "Hidden note", rating: 4, authorId: "u3", productUpc: "1" },
  { id: "r5", body: "A fine rug", rating: 4, authorId: "u3", productUpc: "5" },
];
const MEDIA = [
  { id: "m1", kind: "Book", title: "Chairs of the World", pages: 320, authorId: "u1" },
  { id: "m2", kind: "Movie", title: "The Couch", minutes: 95, featuredUpc: "2" },
  { id: "m3", kind: "Book", title: "Lamps", pages: null, authorId: "u9" },
  { id: "m4", kind: "Movie", title: "Rug Story", minutes: 12, featuredUpc: null },
];

const byUpc = (upc: unknown) => PRODUCTS.find((p) => p.upc === upc);

/** A resolver's failure by mode: a client-facing code, no code, a code a client cannot know. */
function failure(mode: string, where: string): GraphQLError | Error {
  switch (mode) {
    case "CODED":
      return new GraphQLError(`${where} was not found.`, { extensions: { code: "NOT_FOUND" } });
    case "FORBIDDEN":
      return new GraphQLError(`You may not see ${where}.`, { extensions: { code: "FORBIDDEN" } });
    case "CUSTOM_CODE":
      return new GraphQLError(`${where} is in a closed warehouse.`, {
        extensions: { code: "WAREHOUSE_CLOSED" },
      });
    default:
      return new Error(`${where} broke: connection to db-7.internal refused`);
  }
}

const catalog = {
  name: "catalog",
  sdl: `${LINK}
type Query {
  products(first: Int): [Product!]!
  product(upc: ID!): Product
  "NOT_FOUND when there is no such product."
  productById(id: ID!): Product!
  search(term: String!): [SearchResult!]!
  node(id: ID!): Node
  brands: [Brand!]!
  "Answers null although non-null: the whole data is null."
  brokenProduct: Product!
  failure(mode: FailureMode!): String
}
enum FailureMode { CODED UNCODED FORBIDDEN CUSTOM_CODE }
interface Node { id: ID! }
union SearchResult = Product | Brand | Review
type Product implements Node @key(fields: "upc") @key(fields: "id") {
  id: ID!
  upc: ID!
  name: String! @shareable
  price: Int!
  weight: Int!
  inStock: Boolean!
  brand: Brand
  secretCost: Int @inaccessible
  variants: [Variant!]!
  "Null for the lamp: a nullability violation."
  brokenName: String!
  problem(mode: FailureMode!): String
  listPrice: Money!
}
type Money @shareable { amount: Int! currency: String! }
type Brand implements Node @key(fields: "id") { id: ID! name: String! country: String }
type Variant @key(fields: "productUpc sku") { productUpc: ID! sku: String! color: String }
type Review @key(fields: "id", resolvable: false) { id: ID! }
`,
  resolvers: {
    Query: {
      products: (_: unknown, { first }: { first?: number | null }) =>
        PRODUCTS.slice(0, first ?? PRODUCTS.length),
      product: (_: unknown, { upc }: { upc: string }) => byUpc(upc) ?? null,
      productById: (_: unknown, { id }: { id: string }) => {
        const product = PRODUCTS.find((p) => p.id === id);
        if (!product) throw failure("CODED", `Product ${id}`);
        return product;
      },
      search: (_: unknown, { term }: { term: string }) => {
        const t = term.toLowerCase();
        return [
          ...PRODUCTS.filter((p) => p.name.toLowerCase().includes(t)).map((p) => ({ ...p, kind: "Product" })),
          ...BRANDS.filter((b) => b.name.toLowerCase().includes(t)).map((b) => ({ ...b, kind: "Brand" })),
          ...REVIEWS.filter((r) => r.body.toLowerCase().includes(t)).map((r) => ({
            id: r.id,
            kind: "Review",
          })),
        ].slice(0, 5);
      },
      node: (_: unknown, { id }: { id: string }) =>
        PRODUCTS.find((p) => p.id === id) ?? BRANDS.find((b) => b.id === id) ?? null,
      brands: () => BRANDS,
      brokenProduct: () => null,
      failure: (_: unknown, { mode }: { mode: string }) => {
        throw failure(mode, "The report");
      },
    },
    SearchResult: { __resolveType: (row: { kind: string }) => row.kind },
    Node: { __resolveType: (row: { id: string }) => (row.id.startsWith("p") ? "Product" : "Brand") },
    Product: {
      __resolveReference: (ref: { upc?: string; id?: string }) =>
        (ref.upc !== undefined ? byUpc(ref.upc) : PRODUCTS.find((p) => p.id === ref.id)) ?? null,
      // Overridden by inventory: a wrong answer here would show.
      inStock: () => false,
      brand: (p: ProductRow) => BRANDS.find((b) => b.id === p.brandId) ?? null,
      variants: (p: ProductRow) => VARIANTS.filter((v) => v.productUpc === p.upc),
      brokenName: (p: ProductRow) => (p.upc === "4" ? null : p.name.toUpperCase()),
      problem: (p: ProductRow, { mode }: { mode: string }) => {
        throw failure(mode, `Product ${p.upc}`);
      },
      listPrice: (p: ProductRow) => ({ amount: p.price, currency: "EUR" }),
    },
    Brand: { __resolveReference: (ref: { id: string }) => BRANDS.find((b) => b.id === ref.id) ?? null },
    Variant: {
      __resolveReference: (ref: { productUpc: string; sku: string }) =>
        VARIANTS.find((v) => v.productUpc === ref.productUpc && v.sku === ref.sku) ?? null,
    },
  },
};

const reviews = {
  name: "reviews",
  sdl: `${LINK}
type Query {
  reviews(first: Int): [Review]!
  review(id: ID!): Review
}
interface Node { id: ID! }
type Review implements Node @key(fields: "id") {
  id: ID!
  "FORBIDDEN for one review."
  body: String
  "Null for one review although non-null."
  rating: Int!
  author: User!
  product: Product! @provides(fields: "name")
}
type Product @key(fields: "upc") {
  upc: ID!
  name: String! @external
  reviews: [Review!]!
  reviewScore: Float
}
type User @key(fields: "id") {
  id: ID!
  username: String! @shareable
  reviews: [Review!]!
}
type Media @key(fields: "id") @interfaceObject {
  id: ID!
  reviewCount: Int!
}
`,
  resolvers: {
    Query: {
      reviews: (_: unknown, { first }: { first?: number | null }) =>
        REVIEWS.slice(0, first ?? REVIEWS.length),
      review: (_: unknown, { id }: { id: string }) => REVIEWS.find((r) => r.id === id) ?? null,
    },
    Review: {
      __resolveReference: (ref: { id: string }) => REVIEWS.find((r) => r.id === ref.id) ?? null,
      body: (r: ReviewRow) => {
        if (r.id === "r4") throw failure("FORBIDDEN", "this review");
        return r.body;
      },
      author: (r: ReviewRow) => ({ id: r.authorId }),
      // Provides the name it knows, as the catalog has it.
      product: (r: ReviewRow) => ({ upc: r.productUpc, name: byUpc(r.productUpc)?.name ?? "?" }),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
      reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.productUpc === p.upc),
      reviewScore: (p: { upc: string }) => {
        const rated = REVIEWS.filter((r) => r.productUpc === p.upc && r.rating !== null);
        return rated.length ? rated.reduce((sum, r) => sum + r.rating!, 0) / rated.length : null;
      },
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      username: (u: { id: string }) => USERS.find((x) => x.id === u.id)?.username ?? "unknown",
      reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id),
    },
    Media: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviewCount: (m: { id: string }) => m.id.charCodeAt(1) % 3,
    },
  },
};

const accounts = {
  name: "accounts",
  sdl: `${LINK}
type Query {
  me: User
  users: [User!]!
  user(id: ID!): User
}
type User @key(fields: "id") {
  id: ID!
  username: String! @shareable
  name: Name
  email: String @inaccessible
  favouriteProduct: Product
}
type Name { first: String! last: String }
type Product @key(fields: "upc", resolvable: false) { upc: ID! }
`,
  resolvers: {
    Query: {
      me: () => USERS[0],
      users: () => USERS,
      user: (_: unknown, { id }: { id: string }) => USERS.find((u) => u.id === id) ?? null,
    },
    User: {
      __resolveReference: (ref: { id: string }) => USERS.find((u) => u.id === ref.id) ?? null,
      name: (u: (typeof USERS)[number]) => ({ first: u.first, last: u.last }),
      favouriteProduct: (u: (typeof USERS)[number]) => (u.favourite ? { upc: u.favourite } : null),
    },
  },
};

const inventory = {
  name: "inventory",
  sdl: `${LINK}
type Product @key(fields: "upc") {
  upc: ID!
  price: Int! @external
  weight: Int! @external
  inStock: Boolean! @override(from: "catalog")
  stockLevel: Int!
  "BAD_USER_INPUT for goods too heavy to ship."
  shippingEstimate: Int @requires(fields: "price weight")
  restockCost: Money
}
type Money @shareable { amount: Int! currency: String! }
type Variant @key(fields: "productUpc sku") {
  productUpc: ID!
  sku: String!
  stock: Int!
}
`,
  resolvers: {
    Product: {
      __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
      inStock: (p: { upc: string }) => Number(p.upc) % 2 === 1,
      stockLevel: (p: { upc: string }) => Number(p.upc) * 3,
      shippingEstimate: (p: { upc: string; price: number; weight: number }) => {
        if (p.weight > 500)
          throw new GraphQLError("Too heavy to ship.", { extensions: { code: "BAD_USER_INPUT" } });
        return Math.round(p.price / 100 + p.weight / 10);
      },
      restockCost: (p: { upc: string }) =>
        p.upc === "3" ? null : { amount: Number(p.upc) * 10, currency: "EUR" },
    },
    Variant: {
      __resolveReference: (ref: { productUpc: string; sku: string }) =>
        VARIANTS.find((v) => v.productUpc === ref.productUpc && v.sku === ref.sku) ?? null,
    },
  },
};

const media = {
  name: "media",
  sdl: `${LINK}
type Query {
  media: [Media!]!
  mediaItem(id: ID!): Media
}
interface Media @key(fields: "id") { id: ID! title: String! }
type Book implements Media @key(fields: "id") { id: ID! title: String! pages: Int author: User }
type Movie implements Media @key(fields: "id") { id: ID! title: String! minutes: Int! featured: Product }
type User @key(fields: "id", resolvable: false) { id: ID! }
type Product @key(fields: "upc", resolvable: false) { upc: ID! }
`,
  resolvers: {
    Query: {
      media: () => MEDIA,
      mediaItem: (_: unknown, { id }: { id: string }) => MEDIA.find((m) => m.id === id) ?? null,
    },
    Media: {
      __resolveReference: (ref: { id: string }) => MEDIA.find((m) => m.id === ref.id) ?? null,
      __resolveType: (m: { kind: string }) => m.kind,
    },
    Book: {
      __resolveReference: (ref: { id: string }) => MEDIA.find((m) => m.id === ref.id) ?? null,
      author: (m: { authorId?: string }) => (m.authorId ? { id: m.authorId } : null),
    },
    Movie: {
      __resolveReference: (ref: { id: string }) => MEDIA.find((m) => m.id === ref.id) ?? null,
      featured: (m: { featuredUpc?: string | null }) => (m.featuredUpc ? { upc: m.featuredUpc } : null),
    },
  },
};

/** Down: nothing listens at its address. */
const warehouse = {
  name: "warehouse",
  sdl: `${LINK}
type Query { warehouseOpen: Boolean }
type Product @key(fields: "upc") { upc: ID! aisle: String }
`,
};
/** Answers every request with HTTP 500 and a plain-text body. */
const legacy = {
  name: "legacy",
  sdl: `${LINK}
type Product @key(fields: "upc") { upc: ID! legacyCode: String }
`,
};
/** Answers long after the deadline. */
const slow = {
  name: "slow",
  sdl: `${LINK}
type Product @key(fields: "upc") { upc: ID! deliveryQuote: Int }
`,
};

/** Fields of the failing subgraphs; the generator picks them less often, as each costs a failure (or a deadline). */
export const FAULTY_FIELDS = new Map([
  ["Query.warehouseOpen", 0.15],
  ["Product.aisle", 0.15],
  ["Product.legacyCode", 0.15],
  ["Product.deliveryQuote", 0.05],
]);

async function serveSubgraph(sdl: string, resolvers: GraphQLResolverMap<unknown>, delayMs = 0) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...(delayMs
        ? [
            {
              requestDidStart: () =>
                Promise.resolve({ willSendResponse: async () => void (await sleep(delayMs)) }),
            },
          ]
        : []),
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    ),
  );
}

/** A port nothing listens on: bound, then released. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return url;
}

export interface SyntheticGraph {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts every synthetic subgraph and composes the supergraph over their addresses. `stallMs`:
 * how long the slow subgraph takes to answer (longer than the gateways' subgraph deadline).
 */
export async function startSyntheticGraph(options: { stallMs: number }): Promise<SyntheticGraph> {
  const stoppers: (() => Promise<unknown>)[] = [];
  try {
    const urls: Record<string, string> = {};
    for (const subgraph of [catalog, reviews, accounts, inventory, media]) {
      const running = await serveSubgraph(subgraph.sdl, subgraph.resolvers);
      stoppers.push(running.stop);
      urls[subgraph.name] = running.url;
    }
    urls.warehouse = await closedPortUrl();
    const failing = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("upstream database exploded at 10.0.0.7");
      });
    });
    urls.legacy = await listen(failing);
    stoppers.push(() => new Promise((resolve) => failing.close(resolve)));
    const stalled = await serveSubgraph(
      slow.sdl,
      { Product: { __resolveReference: (ref: { upc: string }) => ref, deliveryQuote: () => 3 } },
      options.stallMs,
    );
    stoppers.push(stalled.stop);
    urls.slow = stalled.url;

    const composed = composeServices(
      [catalog, reviews, accounts, inventory, media, warehouse, legacy, slow].map((s) => ({
        name: s.name,
        url: urls[s.name]!,
        typeDefs: parse(s.sdl),
      })),
    );
    if (composed.errors)
      throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join("\n")}`);
    return {
      supergraphSdl: composed.supergraphSdl,
      subgraphUrls: urls,
      stop: async () => {
        for (const stop of stoppers.reverse()) await stop().catch(() => {});
      },
    };
  } catch (error) {
    for (const stop of stoppers.reverse()) await stop().catch(() => {});
    throw error;
  }
}
