import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldPolicy } from "@apollo/client";
import { Defer20220824Handler } from "@apollo/client/incremental";
import { SetContextLink } from "@apollo/client/link/context";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { generatePersistedQueryIdsFromManifest } from "@apollo/persisted-query-lists";
import { OperationTypeNode, type FormattedExecutionResult } from "graphql";
import { catchError, from, mergeMap, of, switchMap, throwError } from "rxjs";
import persistedOperationIds from "virtual:persisted-operation-ids";
import { API_KEY, GRAPHQL_PATH, PERSISTED_IDS_ONLY } from "../config";
import { RefreshDocument } from "../graphql/generated/graphql";
import { SessionEnded, type Session } from "../session/session";
import { cartTokenStorage } from "../session/storage";
import { errorCodeOf, graphQLErrorsOf, isExpiredTokenError } from "./errors";
import { ResumableSubscriptionLink, createSubscriptionClient } from "./subscriptions";

declare module "@apollo/client" {
  interface DefaultContext {
    /** Sent without the access token (the refresh and sign-out calls, which carry their own). */
    anonymous?: boolean;
  }
}

/** Authorization for signed-in users, the guest cart token for guests, and the client's API key. */
function requestHeadersLink(session: Session): ApolloLink {
  return new SetContextLink(async (context) => {
    const token = context.anonymous ? undefined : await session.validAccessToken();
    const cartToken = session.user ? null : cartTokenStorage.get();
    return {
      headers: {
        ...(context.headers as Record<string, string> | undefined),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(cartToken ? { "x-cart-token": cartToken } : {}),
        ...(API_KEY ? { "x-api-key": API_KEY } : {}),
      },
    };
  });
}

class ExpiredToken {
  constructor(readonly outcome: { result: FormattedExecutionResult } | { error: unknown }) {}
}

/**
 * An access token can expire between the check before sending and the router reading it (or the
 * tab slept through the scheduled refresh): on UNAUTHENTICATED "expired", refresh and send the
 * request once more, so the page carries on instead of failing.
 */
function retryOnExpiredTokenLink(session: Session): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (operation.getContext().anonymous) return forward(operation);
    return forward(operation).pipe(
      mergeMap((result) =>
        hasExpiredError(result) ? throwError(() => new ExpiredToken({ result })) : of(result),
      ),
      catchError((error: unknown) => {
        const expired =
          error instanceof ExpiredToken
            ? error
            : isExpiredTokenError(error)
              ? new ExpiredToken({ error })
              : undefined;
        if (!expired) return throwError(() => error);
        return from(session.refresh()).pipe(
          switchMap((renewed) => {
            if (renewed) return forward(operation);
            return "result" in expired.outcome
              ? of(expired.outcome.result)
              : throwError(() => (expired.outcome as { error: unknown }).error);
          }),
        );
      }),
    );
  });
}

function hasExpiredError(result: FormattedExecutionResult): boolean {
  return (result.errors ?? []).some(
    (error) => errorCodeOf(error) === "UNAUTHENTICATED" && /expired/i.test(error.message),
  );
}

/**
 * Ids from `schema/persisted/web.json` instead of operation text, and no fallback to the text:
 * the router knows the `web` client's operations by id and refuses anything else.
 */
function persistedOperationsLink(): ApolloLink {
  const { generateHash } = generatePersistedQueryIdsFromManifest({
    loadManifest: () => ({
      operations: Object.entries(persistedOperationIds).map(([name, id]) => ({ name, id })),
    }),
  });
  return new PersistedQueryLink({ generateHash, disable: () => false, retry: () => false });
}

/** Cursor connections that grow with "load more": pages after the first are appended. */
function appendPages(keyArgs: string[] | false): FieldPolicy {
  return {
    keyArgs,
    merge(existing: { nodes: unknown[] } | undefined, incoming: { nodes: unknown[] }, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

export function createCache(): InMemoryCache {
  const value = { merge: true };
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          products: appendPages(["filter", "sort"]),
          myOrders: appendPages(false),
          shipments: appendPages(["status"]),
          stockMovements: appendPages(["variantId"]),
        },
      },
      Product: { fields: { reviews: appendPages(false) } },
      // Values without ids: replacing them is expected, not data loss.
      Money: value,
      PageInfo: value,
      Payment: value,
      OrderAddress: value,
      CartLineIssue: value,
      DeliveryDays: value,
    },
  });
}

export function createStorefrontClient(session: Session) {
  const subscriptions = createSubscriptionClient(session);
  session.onIdentityChange = subscriptions.reconnect;
  const http = ApolloLink.from([
    retryOnExpiredTokenLink(session),
    requestHeadersLink(session),
    ...(PERSISTED_IDS_ONLY ? [persistedOperationsLink()] : []),
    new HttpLink({ uri: GRAPHQL_PATH }),
  ]);
  const client = new ApolloClient({
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      new ResumableSubscriptionLink(subscriptions.client),
      http,
    ),
    cache: createCache(),
    // @defer (the product page's reviews): the router's multipart/mixed answer, deferSpec=20220824.
    incrementalHandler: new Defer20220824Handler(),
  });

  session.refresher = async (refreshToken) => {
    try {
      const { data } = await client.mutate({
        mutation: RefreshDocument,
        variables: { refreshToken },
        context: { anonymous: true },
        fetchPolicy: "no-cache",
      });
      if (!data) throw new Error("No session in the refresh answer.");
      return data.refresh;
    } catch (error) {
      // Refused (revoked, reused, expired): the session is over. Anything else may pass.
      const codes = graphQLErrorsOf(error).map(errorCodeOf);
      if (codes.includes("UNAUTHENTICATED") || codes.includes("BAD_USER_INPUT")) throw new SessionEnded();
      throw error;
    }
  };
  return client;
}
