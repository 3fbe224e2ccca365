import type { Logger } from "@storefront/platform/logger";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { SubscriptionMetrics } from "./metrics";

/**
 * The extension of a `subscribe` message that carries its caller, as HTTP headers would: the
 * router's connection to a subgraph is shared by every client, so each subscription says whose it
 * is, and the subgraph authenticates it on its own (see the platform's subscription server).
 */
export const CALLER_EXTENSION = "headers";

/** The one graphql-ws connection from the router to a subgraph, shared by every subscription to it. */
export interface UpstreamLink {
  readonly subgraph: string;
  readonly client: Client;
  /** When this link last completed connection_init with the subgraph (0: never). */
  readonly connectedAt: number;
  /** The link holds a connection the subgraph acknowledged (connection_init answered, not closed). */
  readonly connected: boolean;
}

export interface UpstreamPool {
  /** The link to a subgraph; its socket opens with the first subscription that needs it. */
  link(subgraph: string): UpstreamLink;
  /** Closes every link (the router is stopping). */
  close(): Promise<void>;
}

export interface UpstreamOptions {
  /** The subgraph's graphql-ws URL, looked up at each (re)connect so a reloaded supergraph applies. */
  urlOf(subgraph: string): string | undefined;
  /** How often a ping is sent to the subgraph; a link with no pong within this time is dropped. */
  keepAliveMs: number;
  /** How long a link without subscriptions keeps its socket before closing it. */
  idleMs: number;
  metrics: SubscriptionMetrics;
  log: Logger;
}

/**
 * The router process's connections to subgraphs: one graphql-ws connection per subgraph, opened
 * with the first subscription, carrying every subscription to that subgraph whatever client it
 * serves, and closed once it has carried none for `idleMs`. Its connection_init carries no end
 * user's credentials: each subscribe carries its client's (CALLER_EXTENSION), so the subgraph
 * still decides per subscription what the client may follow.
 *
 * The graphql-ws client never retries on its own (`retryAttempts: 0`): a lost connection fails
 * each subscription on it, and each decides how to resume (see subscription.ts), because a
 * resumed subscription must be sent with new variables. The client object stays usable after a
 * close; the next subscribe opens a new socket, which every resuming subscription then shares.
 */
export function createUpstreamPool(options: UpstreamOptions): UpstreamPool {
  const links = new Map<string, UpstreamLink>();

  const open = (subgraph: string) => {
    let pongTimer: NodeJS.Timeout | undefined;
    const link = {
      subgraph,
      connectedAt: 0,
      connected: false,
      client: undefined as unknown as Client,
    };
    link.client = createClient({
      url: () => {
        const url = options.urlOf(subgraph);
        if (!url) throw new Error(`no URL known for subgraph ${subgraph}`);
        return url;
      },
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: options.idleMs,
      retryAttempts: 0,
      keepAlive: options.keepAliveMs,
      connectionParams: {},
      on: {
        connected: () => {
          link.connected = true;
          link.connectedAt = Date.now();
          options.metrics.upstreamConnections.inc({ subgraph });
        },
        closed: () => {
          clearTimeout(pongTimer);
          if (!link.connected) return;
          link.connected = false;
          options.metrics.upstreamConnections.dec({ subgraph });
        },
        // A subgraph that stops answering (a network partition, a frozen process) is dropped so
        // its subscriptions resume elsewhere instead of waiting on a dead socket.
        ping: (received) => {
          if (received) return;
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            options.log.warn({ subgraph }, "subgraph did not answer a ping; dropping the connection");
            link.client.terminate();
          }, options.keepAliveMs);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });
    return link;
  };

  return {
    link(subgraph) {
      let link = links.get(subgraph);
      if (!link) {
        link = open(subgraph);
        options.metrics.upstreamConnections.set({ subgraph }, 0);
        links.set(subgraph, link);
      }
      return link;
    },
    async close() {
      const all = [...links.values()];
      links.clear();
      // A link still connecting to a subgraph that refuses rejects here; it is closed all the same.
      await Promise.all(all.map((link) => Promise.resolve(link.client.dispose()).catch(() => {})));
    },
  };
}
