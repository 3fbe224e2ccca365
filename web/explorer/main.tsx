/**
 * The development graph explorer: GraphiQL on the router's own GraphQL path, queries and mutations
 * over HTTP, subscriptions over graphql-ws on the same path; the headers editor's values (an
 * `authorization` bearer token, an `x-api-key`) go with both.
 */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { Kind, OperationTypeNode, parse, type ExecutionResult } from "graphql";
import { createClient } from "graphql-ws";
import { StrictMode, type ComponentProps } from "react";
import { createRoot } from "react-dom/client";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

const httpUrl = new URL(window.location.pathname, window.location.origin).toString();
const wsUrl = httpUrl.replace(/^http/, "ws");

/**
 * Parsed from the text being sent: GraphiQL's own parse of the editor (`documentAST`) lags behind
 * typing, so a subscription run at once could go over HTTP.
 */
function isSubscription(query: string, operationName: string | null | undefined) {
  let definitions;
  try {
    definitions = parse(query).definitions;
  } catch {
    return false; // the router reports the syntax error
  }
  const operations = definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  return chosen?.operation === OperationTypeNode.SUBSCRIPTION;
}

const stringHeaders = (headers: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key.toLowerCase(), String(value)]));

/** One socket per set of headers: a new token in the headers editor opens a new connection. */
const sockets = new Map<string, ReturnType<typeof createClient>>();
function socketFor(headers: Record<string, string>) {
  const key = JSON.stringify(headers);
  let client = sockets.get(key);
  if (!client) {
    client = createClient({ url: wsUrl, connectionParams: headers, lazy: true });
    sockets.set(key, client);
  }
  return client;
}

const fetcher: Fetcher = (params, options) => {
  const headers = stringHeaders(options?.headers);
  if (isSubscription(params.query, params.operationName)) {
    // Events arrive as JSON (formatted errors), which is all GraphiQL shows.
    return socketFor(headers).iterate({
      query: params.query,
      variables: params.variables as Record<string, unknown> | undefined,
      operationName: params.operationName ?? undefined,
    }) as AsyncIterable<ExecutionResult>;
  }
  return fetch(httpUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify(params),
  }).then((response) => response.json() as Promise<ExecutionResult>);
};

createRoot(document.getElementById("explorer")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} isHeadersEditorEnabled defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);
