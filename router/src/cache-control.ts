import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { OperationTypeNode } from "graphql";
import type { RouterContext } from "./context";

export const NO_STORE = "no-store";
/** The request headers an answer may depend on besides the URL. */
export const CREDENTIAL_HEADERS = "Authorization, X-Cart-Token, X-Api-Key";

/**
 * The Cache-Control of one response. Only a successful query fetched with GET may be cached (a
 * POST is not cacheable by HTTP caches anyway, and a response with errors may be a passing
 * failure), for as long as the shortest-lived part of it allows: the policy the gateway combined
 * from every subgraph's Cache-Control header over the query plan (the minimum max-age; PRIVATE if
 * any part is; no cache if any part is uncacheable). A caller with credentials (a bearer token, a
 * guest cart's token) may get an answer that depends on who asks, so theirs is private.
 */
export function cacheControlFor(
  requestContext: Pick<
    GraphQLRequestContextWillSendResponse<RouterContext>,
    "request" | "response" | "operation" | "errors" | "overallCachePolicy"
  >,
): string {
  const { request, response, operation, errors, overallCachePolicy } = requestContext;
  const http = request.http;
  if (http?.method !== "GET" || operation?.operation !== OperationTypeNode.QUERY) return NO_STORE;
  if (errors?.length || response.body.kind !== "single" || response.body.singleResult.errors?.length)
    return NO_STORE;
  const policy = overallCachePolicy.policyIfCacheable();
  if (!policy) return NO_STORE;
  const credentials = !!(http.headers.get("authorization") || http.headers.get("x-cart-token"));
  const scope = credentials || policy.scope === "PRIVATE" ? "private" : "public";
  return `${scope}, max-age=${policy.maxAge}`;
}

/**
 * `@cacheControl` hints combined over the query plan into the response's Cache-Control. Apollo's
 * cache-control plugin stays (it holds the request's policy, which the router's subgraph client
 * restricts with each subgraph's header, as @apollo/gateway's data sources do) but writes no
 * header: its `max-age=N, public` would ignore the method,
 * the operation type and the caller's credentials. The router writes the header itself, on every
 * response the request pipeline sends, errors included.
 */
export function cacheControlPlugins(): ApolloServerPlugin<RouterContext>[] {
  return [
    ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
    {
      requestDidStart() {
        return Promise.resolve({
          willSendResponse(requestContext) {
            const headers = requestContext.response.http.headers;
            headers.set("cache-control", cacheControlFor(requestContext));
            // The same URL answers differently with credentials: a shared cache must key on them.
            headers.set("vary", CREDENTIAL_HEADERS);
            return Promise.resolve();
          },
        });
      },
    },
  ];
}
