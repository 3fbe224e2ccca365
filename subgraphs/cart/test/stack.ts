import http from "node:http";
import type { AddressInfo } from "node:net";
import { catalogueConfigFrom, catalogueModule } from "@storefront/catalogue";
import { deleteVariant } from "@storefront/catalogue/testing";
import {
  buildStack,
  catalogueAdmin,
  execute,
  executeOk,
  startTestSubgraph,
  startTokenIssuer,
  type Caller as StackCaller,
  type ExecuteResult,
  type TestAccount,
  type TestSubgraph,
} from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import { cartConfigFrom } from "../src/env";
import { cartModule } from "../src/server";
import type { schema } from "../src/db";

export type CartSubgraph = TestSubgraph<typeof schema>;

/**
 * Sits between the cart and the catalogue and counts the GraphQL requests going through, so a
 * test can prove the cart asks the catalogue once per request.
 */
async function startCountingProxy(target: string) {
  let requests = 0;
  let lastHeaders: http.IncomingHttpHeaders = {};
  const server = http.createServer((req, res) => {
    requests++;
    lastHeaders = req.headers;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && !["host", "content-length", "connection"].includes(key)) {
          headers[key] = value;
        }
      }
      fetch(target, { method: req.method ?? "POST", headers, body: Buffer.concat(chunks) })
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "" });
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => requests,
    lastHeaders: () => lastHeaders,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Caller {
  /** A signed-in customer's access token. */
  token?: string;
  /** A guest's cart token, sent as the `x-cart-token` header. */
  cartToken?: string;
}

export const CART_FIELDS = `
  id itemCount readyForCheckout updatedAt
  subtotal { amount currency }
  lines {
    id quantity
    variant { id }
    unitPrice { amount currency }
    lineTotal { amount currency }
    issue { code message available }
  }`;

export interface CartShape {
  id: string;
  itemCount: number;
  readyForCheckout: boolean;
  updatedAt: string;
  subtotal: { amount: number; currency: string } | null;
  lines: {
    id: string;
    quantity: number;
    variant: { id: string };
    unitPrice: { amount: number; currency: string } | null;
    lineTotal: { amount: number; currency: string } | null;
    issue: { code: string; message: string; available: number } | null;
  }[];
}

export interface PayloadShape {
  cart: CartShape | null;
  cartToken: string | null;
  error: { code: string; message: string; available: number | null } | null;
}

const PAYLOAD = `cart { ${CART_FIELDS} } cartToken error { code message available }`;

/**
 * The cart on a fresh database, with a real users subgraph (tokens) and a real catalogue (prices
 * and stock, set up through the catalogue's administration API) behind a counting proxy.
 */
export async function startStack(env: Record<string, string> = {}) {
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const catalogueSubgraph = await startTestSubgraph(catalogueModule(catalogueConfigFrom(issuer.env)));
  const proxy = await startCountingProxy(catalogueSubgraph.url);
  const cart: CartSubgraph = await startTestSubgraph(
    cartModule(cartConfigFrom({ ...issuer.env, CATALOGUE_URL: proxy.url, ...env })),
  );
  const catalogue = catalogueAdmin(
    catalogueSubgraph.url,
    (await issuer.accounts.admin("Catalogue Admin")).token,
  );
  const headersOf = (caller: Caller): StackCaller => ({
    ...(caller.token ? { token: caller.token } : {}),
    ...(caller.cartToken ? { headers: { "x-cart-token": caller.cartToken } } : {}),
  });

  const stack = buildStack(
    cart,
    [() => proxy.close(), () => catalogueSubgraph.stop(), () => issuer.users.stop()],
    {
      users: issuer.users,
      catalogue: catalogueSubgraph,
      cart,
      /** GraphQL requests the cart has sent the catalogue so far. */
      catalogueRequests: proxy.requests,
      /** Headers of the last request the cart sent the catalogue. */
      lastCatalogueHeaders: proxy.lastHeaders,
      customer: (): Promise<TestAccount> => issuer.accounts.customer(),

      /** A product with one variant holding `stock` units, made through the catalogue's API. */
      variant: (options: { stock?: number; price?: number; currency?: string } = {}) =>
        catalogue.variant(options),
      setStock: catalogue.setStock,
      setPrice: catalogue.setPrice,
      archiveVariant: catalogue.archiveVariant,
      archiveProduct: catalogue.archiveProduct,
      /**
       * Deletes the variant from the catalogue. The catalogue's API can only archive a variant, so
       * this goes through the catalogue's own testing entry, which owns the deletion.
       */
      deleteVariant: (variantId: string) => deleteVariant(catalogueSubgraph.database.db, variantId),

      run<T>(
        query: string,
        variables: Record<string, unknown> = {},
        caller: Caller = {},
      ): Promise<ExecuteResult<T>> {
        return execute<T>(cart.url, query, { variables, ...headersOf(caller) });
      },
      runOk<T>(query: string, variables: Record<string, unknown> = {}, caller: Caller = {}): Promise<T> {
        return executeOk<T>(cart.url, query, { variables, ...headersOf(caller) });
      },
      async readCart(caller: Caller): Promise<CartShape | null> {
        return (await stack.runOk<{ cart: CartShape | null }>(`{ cart { ${CART_FIELDS} } }`, {}, caller))
          .cart;
      },
      async add(variantId: string, quantity: number, caller: Caller = {}): Promise<PayloadShape> {
        const data = await stack.runOk<{ addToCart: PayloadShape }>(
          `mutation($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { ${PAYLOAD} } }`,
          { v: variantId, q: quantity },
          caller,
        );
        return data.addToCart;
      },
      async setQuantity(variantId: string, quantity: number, caller: Caller = {}): Promise<PayloadShape> {
        const data = await stack.runOk<{ setCartLineQuantity: PayloadShape }>(
          `mutation($v: ID!, $q: Int!) { setCartLineQuantity(variantId: $v, quantity: $q) { ${PAYLOAD} } }`,
          { v: variantId, q: quantity },
          caller,
        );
        return data.setCartLineQuantity;
      },
      async remove(variantId: string, caller: Caller = {}): Promise<PayloadShape> {
        const data = await stack.runOk<{ removeFromCart: PayloadShape }>(
          `mutation($v: ID!) { removeFromCart(variantId: $v) { ${PAYLOAD} } }`,
          { v: variantId },
          caller,
        );
        return data.removeFromCart;
      },
      async merge(cartToken: string, token: string): Promise<CartShape> {
        const data = await stack.runOk<{ mergeGuestCart: CartShape }>(
          `mutation($t: String!) { mergeGuestCart(cartToken: $t) { ${CART_FIELDS} } }`,
          { t: cartToken },
          { token },
        );
        return data.mergeGuestCart;
      },
    },
  );
  return stack;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
