/** Same origin: the dev/preview servers and the Kubernetes ingress route `/graphql` to the router. */
export const GRAPHQL_PATH = "/graphql";

/**
 * The production build calls operations by their id in the `web` manifest and never sends their
 * text; the router runs only what the manifest holds. Dev sends the text, so operations can change
 * without regenerating the manifest.
 */
export const PERSISTED_IDS_ONLY = import.meta.env.PROD;

/** Identifies this app as the router's `web` client (set at build time; public by nature). */
export const API_KEY = import.meta.env.VITE_API_KEY || undefined;

export function graphqlWebSocketUrl(location: Location = window.location): string {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${location.host}${GRAPHQL_PATH}`;
}
