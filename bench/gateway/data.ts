/**
 * The demo shop's data, the same in every subgraph process: built from fixed sizes rather than
 * randomness, so every gateway (and every run) is asked for, and answers, exactly the same thing.
 * The sizes make the deep query's answer about 60 KB, as in the public gateway benchmarks.
 */
export const USER_COUNT = 4;
export const PRODUCT_COUNT = 5;
export const REVIEWS_PER_PRODUCT = 2;

export interface User {
  id: string;
  name: string;
  username: string;
}
export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
export interface Review {
  id: string;
  body: string;
  authorId: string;
  productUpc: string;
}

const FIRST_NAMES = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"];
const PRODUCT_NAMES = ["Table", "Couch", "Chair", "Lamp", "Shelf", "Desk", "Rug", "Stool"];
const PHRASES = [
  "Arrived well packed and a day earlier than promised.",
  "The finish is even and the joints are tight, with no wobble on an uneven floor.",
  "Assembly took twenty minutes with the included tools and the instructions were clear.",
  "The colour is a little darker than in the photographs but it suits the room.",
  "After three months of daily use it still looks new and nothing has come loose.",
  "Customer service answered within the hour when one screw was missing.",
  "Heavier than expected, so plan for two people to carry it up the stairs.",
  "Good value for the price; I would buy it again and have recommended it to friends.",
];

/** A review text of several sentences, varied by its number so bodies differ in length. */
function reviewBody(n: number): string {
  const sentences = 4 + (n % 4);
  return Array.from({ length: sentences }, (_, i) => PHRASES[(n + i * 3) % PHRASES.length]).join(" ");
}

export const users: User[] = Array.from({ length: USER_COUNT }, (_, i) => {
  const name = FIRST_NAMES[i % FIRST_NAMES.length]!;
  return { id: String(i + 1), name: `${name} ${i + 1}`, username: `${name.toLowerCase()}${i + 1}` };
});

export const products: Product[] = Array.from({ length: PRODUCT_COUNT }, (_, i) => ({
  upc: String(i + 1),
  name: PRODUCT_NAMES[i % PRODUCT_NAMES.length]!,
  // Every other product costs more than 1,000, so both branches of the shipping estimate are taken.
  price: i % 2 === 0 ? 899 + i * 10 : 1299 + i * 10,
  weight: 100 + i * 50,
}));

export const reviews: Review[] = products.flatMap((product, p) =>
  Array.from({ length: REVIEWS_PER_PRODUCT }, (_, r) => {
    const n = p * REVIEWS_PER_PRODUCT + r;
    return {
      id: String(n + 1),
      body: reviewBody(n),
      authorId: users[n % users.length]!.id,
      productUpc: product.upc,
    };
  }),
);

/** Every third product is out of stock. */
export const inStock = (upc: string): boolean => Number(upc) % 3 !== 0;
