import http from "node:http";
import type { AddressInfo } from "node:net";
import { catalogueConfigFrom, catalogueModule } from "@storefront/catalogue";
import { deleteVariant } from "@storefront/catalogue/testing";
import {
  buildStack,
  catalogueAdmin,
  freePort,
  startTestSubgraph,
  startTokenIssuer,
  type Caller,
  type TestAccount,
  type TestSubgraph,
} from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import { cartConfigFrom } from "../src/env";
import { cartModule } from "../src/server";
import type { schema } from "../src/db";
import {
  AddToCartDocument,
  CartDocument,
  MergeGuestCartDocument,
  RemoveFromCartDocument,
  SetCartLineQuantityDocument,
  type AddToCartMutation,
  type CartQuery,
  type MergeGuestCartMutation,
  type RemoveFromCartMutation,
  type SetCartLineQuantityMutation,
} from "./generated/cart";

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

/**
 * Who sends a cart operation: the testkit's caller (a signed-in customer's token), or a guest by
 * its cart token, which the cart reads from the `x-cart-token` header.
 */
export interface CartCaller extends Caller {
  cartToken?: string;
}

/** The testkit's caller for a cart caller: a guest's cart token becomes its `x-cart-token` header. */
export function asCaller({ cartToken, ...caller }: CartCaller): Caller {
  return cartToken ? { ...caller, headers: { ...caller.headers, "x-cart-token": cartToken } } : caller;
}

/**
 * The cart on a fresh database, with a real users subgraph (tokens) and a real catalogue (prices
 * and stock, set up through the catalogue's administration API) behind a counting proxy.
 * With `catalogueDown`, the cart's catalogue is a port nothing listens on instead, so every
 * catalogue lookup fails to connect (the catalogue is still started, for the stack's helpers).
 */
export async function startStack(
  env: Record<string, string> = {},
  options: { catalogueDown?: boolean } = {},
) {
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const catalogueSubgraph = await startTestSubgraph(catalogueModule(catalogueConfigFrom(issuer.env)));
  const proxy = await startCountingProxy(catalogueSubgraph.url);
  // The unused port is found just before the cart starts, after the servers started before it.
  const catalogueUrl = options.catalogueDown ? `http://127.0.0.1:${await freePort()}/graphql` : proxy.url;
  const cart: CartSubgraph = await startTestSubgraph(
    cartModule(cartConfigFrom({ ...issuer.env, CATALOGUE_URL: catalogueUrl, ...env })),
  );
  const catalogue = catalogueAdmin(
    catalogueSubgraph.url,
    (await issuer.accounts.admin("Catalogue Admin")).token,
  );
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

      async readCart(caller: CartCaller): Promise<CartQuery["cart"]> {
        return (await stack.as(asCaller(caller)).executeOk(CartDocument)).cart;
      },
      async add(
        variantId: string,
        quantity: number,
        caller: CartCaller = {},
      ): Promise<AddToCartMutation["addToCart"]> {
        return (await stack.executeOk(AddToCartDocument, { variantId, quantity }, asCaller(caller)))
          .addToCart;
      },
      async setQuantity(
        variantId: string,
        quantity: number,
        caller: CartCaller = {},
      ): Promise<SetCartLineQuantityMutation["setCartLineQuantity"]> {
        return (await stack.executeOk(SetCartLineQuantityDocument, { variantId, quantity }, asCaller(caller)))
          .setCartLineQuantity;
      },
      async remove(
        variantId: string,
        caller: CartCaller = {},
      ): Promise<RemoveFromCartMutation["removeFromCart"]> {
        return (await stack.executeOk(RemoveFromCartDocument, { variantId }, asCaller(caller)))
          .removeFromCart;
      },
      async merge(cartToken: string, token: string): Promise<MergeGuestCartMutation["mergeGuestCart"]> {
        return (await stack.executeOk(MergeGuestCartDocument, { cartToken }, { token })).mergeGuestCart;
      },
    },
  );
  return stack;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
