import type { Logger } from "@storefront/platform";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { SubscriptionMetrics } from "./metrics";

/** One graphql-ws connection from the router to a subgraph, on behalf of one client connection. */
export interface UpstreamLink {
  readonly subgraph: string;
  readonly client: Client;
  /** When this link last completed connection_init with the subgraph (0: never). */
  readonly connectedAt: number;
  /** The link holds a connection the subgraph acknowledged (connection_init answered, not closed). */
  readonly connected: boolean;
}

export interface UpstreamLinks {
  /** The link to a subgraph, opened lazily with the first subscription that needs it. */
  link(subgraph: string): UpstreamLink;
  /** Closes every link (the client connection is gone or the router is stopping). */
  close(): Promise<void>;
}

export interface UpstreamOptions {
  /** The subgraph's graphql-ws URL, looked up at each (re)connect so a reloaded supergraph applies. */
  urlOf(subgraph: string): string | undefined;
  /** What the subgraph needs to know about the caller: authorization, request id, client address. */
  connectionParams: Record<string, string>;
  /** How often a ping is sent to the subgraph; a link with no pong within this time is dropped. */
  keepAliveMs: number;
  metrics: SubscriptionMetrics;
  log: Logger;
}

/**
 * The upstream connections of one client connection: one graphql-ws connection per subgraph,
 * shared by all of that client's subscriptions to the subgraph, and carrying the client's
 * credentials in its connection_init, as the subgraph authenticates per connection.
 *
 * The graphql-ws client never retries on its own (`retryAttempts: 0`): a lost connection fails
 * each subscription on it, and each subscription decides how to resume (see subscription.ts),
 * because a resumed subscription must be sent with new variables. The client object stays
 * usable after a close; the next subscribe opens a new socket.
 */
export function createUpstreamLinks(options: UpstreamOptions): UpstreamLinks {
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
      retryAttempts: 0,
      keepAlive: options.keepAliveMs,
      connectionParams: options.connectionParams,
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
