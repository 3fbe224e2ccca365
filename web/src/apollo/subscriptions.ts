import { ApolloLink } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { print } from "graphql";
import { createClient, type Client, type SubscribePayload } from "graphql-ws";
import { Observable } from "rxjs";
import persistedOperationIds from "virtual:persisted-operation-ids";
import { API_KEY, PERSISTED_IDS_ONLY, graphqlWebSocketUrl } from "../config";
import type { Session } from "../session/session";

export type LiveConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting";

/**
 * Whether the live connection is up, for the pages that fall back to polling while it is not
 * (one connection per page, so one status).
 */
export const liveConnection = (() => {
  let status: LiveConnectionStatus = "idle";
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    set: (next: LiveConnectionStatus) => {
      status = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

/** graphql-ws's own close code for "reconnect now", used when the user signs in or out. */
const CLIENT_RESTART = 4205;

/**
 * One graphql-ws connection to the router (`graphql-transport-ws`), opened while a subscription
 * needs it. It is authenticated in `connection_init`, read afresh on every (re)connection so a
 * refreshed token is used; the server closes it when the access token expires, and any close is
 * retried with backoff, after which graphql-ws sends every active subscription again.
 */
export function createSubscriptionClient(session: Session): { client: Client; reconnect: () => void } {
  let socket: WebSocket | undefined;
  const client = createClient({
    url: graphqlWebSocketUrl(),
    lazy: true,
    retryAttempts: 20,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(500 * 2 ** retries, 10_000) * (0.5 + Math.random())),
      ),
    connectionParams: async () => {
      const token = await session.validAccessToken();
      return {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(API_KEY ? { "x-api-key": API_KEY } : {}),
      };
    },
    on: {
      connecting: (retrying) => liveConnection.set(retrying ? "reconnecting" : "connecting"),
      connected: (connected) => {
        socket = connected as WebSocket;
        liveConnection.set("connected");
      },
      closed: () => {
        socket = undefined;
        liveConnection.set("idle");
      },
    },
  });
  return {
    client,
    reconnect: () => socket?.close(CLIENT_RESTART, "Client Restart"),
  };
}

declare module "@apollo/client" {
  interface DefaultContext {
    /**
     * Variables for resubscribing after a dropped connection, from the latest event: e.g.
     * `afterSequence` = the last sequence seen, so the server replays what was missed.
     */
    resumeVariables?: (data: unknown) => Record<string, unknown> | undefined;
  }
}

/**
 * Terminating link for subscriptions over graphql-ws. graphql-ws sends the *same payload object*
 * again when it resubscribes after a reconnect, so updating its variables from each event
 * (`resumeVariables`) makes the resubscription resume where the client left off.
 * The production build sends the operation's manifest id instead of its text, as over HTTP.
 */
export class ResumableSubscriptionLink extends ApolloLink {
  constructor(private readonly client: Client) {
    super();
  }

  override request(operation: ApolloLink.Operation): Observable<ApolloLink.Result> {
    return new Observable((observer) => {
      let payload: ResumablePayload;
      try {
        payload = payloadOf(operation);
      } catch (error) {
        observer.error(error);
        return undefined;
      }
      const resumeVariables = operation.getContext().resumeVariables;
      return this.client.subscribe(payload, {
        next: (result) => {
          const resume = result.data ? resumeVariables?.(result.data) : undefined;
          if (resume) payload.variables = { ...payload.variables, ...resume };
          observer.next(result as ApolloLink.Result);
        },
        error: (error: unknown) => observer.error(subscriptionError(error)),
        complete: () => observer.complete(),
      });
    });
  }
}

/** graphql-ws reads `variables` again on every resubscription; here they may be replaced. */
type ResumablePayload = { -readonly [K in keyof SubscribePayload]: SubscribePayload[K] };

function payloadOf(operation: ApolloLink.Operation): ResumablePayload {
  const { operationName, variables } = operation;
  if (!PERSISTED_IDS_ONLY)
    return { operationName, variables: { ...variables }, query: print(operation.query) };
  const id = operationName ? persistedOperationIds[operationName] : undefined;
  if (!id) throw new Error(`Operation ${operationName ?? "(anonymous)"} is not in the web manifest.`);
  // `query` must be a string in graphql-ws; empty means "no text", as the router reads it.
  return {
    operationName,
    variables: { ...variables },
    query: "",
    extensions: { persistedQuery: { version: 1, sha256Hash: id } },
  };
}

function subscriptionError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (Array.isArray(error)) return new CombinedGraphQLErrors({ errors: error as never[] });
  if (error && typeof error === "object" && "code" in error) {
    const close = error as { code: number; reason?: string };
    return new Error(`The live connection closed (${close.code}${close.reason ? ` ${close.reason}` : ""}).`);
  }
  return new Error("The live connection failed.");
}
