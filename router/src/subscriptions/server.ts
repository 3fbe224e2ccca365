import type { IncomingMessage, Server } from "node:http";
import { wellFormedRequestId } from "@storefront/platform/http";
import { CloseCode } from "graphql-ws";
import { WebSocketServer } from "ws";
import { API_KEY_HEADER } from "../clients";
import { clientIpOf } from "../context";
import { refusedStream } from "./subscription";
import {
  createSubscriptionCore,
  subscriptionsOnly,
  type ClientEnd,
  type ConnectionEnd,
  type SubscriptionConnection,
  type SubscriptionCore,
  type SubscriptionCoreOptions,
} from "./transports/core";
import { serveGraphqlWs, type ProtocolSocket, type Upgrade } from "./websocket";

export type { SubscriptionSettings } from "./transports/core";

export interface SubscriptionServerOptions extends SubscriptionCoreOptions {
  server: Server;
  path: string;
  production: boolean;
  trustProxy: boolean;
}

export interface RunningSubscriptionServer {
  /** What every subscription transport shares; the HTTP transports are attached with it. */
  core: SubscriptionCore;
  /** Closes every client connection (1001 going away) and every subgraph connection. */
  close(): Promise<void>;
}

/** Only subscriptions run over the socket, and the operation to run must be clear. */
const websocketTransport = subscriptionsOnly(
  "Only subscriptions are served over WebSocket; send queries and mutations over HTTP.",
);

/** How the router ends a graphql-ws connection: one object per socket, its method on the prototype. */
class WebSocketClient implements ClientEnd {
  constructor(private readonly socket: ProtocolSocket) {}

  get open(): boolean {
    return this.socket.open;
  }

  end(reason: ConnectionEnd): void {
    if (reason === "going away") this.socket.close(1001, "Going away");
    else this.socket.close(CloseCode.Forbidden, reason);
  }
}

/** Connection params by lowercased name, strings only (they stand in for HTTP headers). */
function paramsOf(payload: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([key, value]) => [key.toLowerCase(), value]),
  );
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Federated subscriptions over graphql-ws (`graphql-transport-ws`) on the router's GraphQL path.
 *
 * connection_init: the API key (`x-api-key` in the payload or the upgrade request) and the bearer
 * token (`authorization`) are checked like HTTP's; a bad one closes the socket with 4403, and the
 * socket closes with 4403 "token expired" when the token does, or "session ended" when its session
 * is revoked (the verifier follows the users subgraph's revocation feed). Every subscribe then goes through
 * the router's admission stage, as every HTTP operation does: rate limit, persisted operation
 * (manifest id, APQ or text as the client may), parse with the token limit, validation against
 * the API schema, variables, operation limits. A refusal is a graphql-ws `error` message with
 * `extensions.code`.
 * An accepted operation is planned (plans cached per text and name, rebuilt with the supergraph);
 * its primary goes to the owning subgraph over the router's one connection to it, shared with
 * identical subscriptions of any client (shared.ts), and each event is completed with the rest of
 * the plan once before it is sent to each of them.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): RunningSubscriptionServer {
  const { settings, log } = options;
  const core = createSubscriptionCore(options);

  async function connect(
    socket: ProtocolSocket,
    upgrade: Upgrade,
    payload: Record<string, unknown> | undefined,
  ): Promise<SubscriptionConnection | false> {
    const params = paramsOf(payload);
    // A well-formed id from connection_init, else the upgrade request's x-request-id, else a new one.
    const offered = params["x-request-id"];
    const outcome = await core.connect({
      transport: "graphql-ws",
      credentials: {
        apiKey: params[API_KEY_HEADER] ?? upgrade.apiKey,
        authorization: params.authorization ?? upgrade.authorization,
        address: upgrade.address,
      },
      requestId:
        offered !== undefined && wellFormedRequestId(offered) === offered
          ? offered
          : wellFormedRequestId(upgrade.requestId),
      client: new WebSocketClient(socket),
    });
    if (outcome.kind === "connected") return outcome.connection;
    if (outcome.kind === "refused") socket.close(CloseCode.Forbidden, outcome.reason);
    else if (core.closing) socket.close(1001, "Going away");
    return false;
  }

  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: settings.maxMessageBytes,
  });
  const server = serveGraphqlWs<SubscriptionConnection>(
    {
      connect,
      subscribe: async (connection, payload) => {
        const prepared = await core.admit(connection, payload, websocketTransport);
        return prepared.kind === "ready" ? core.start(prepared) : refusedStream(prepared.errors);
      },
      errorsOf: (error) => core.failureErrors(error),
      disconnect: (connection) => core.disconnect(connection),
    },
    wss,
    {
      keepAliveMs: settings.keepAliveMs,
      initTimeoutMs: settings.initTimeoutMs,
      isProd: options.production,
      log,
      upgradeOf: (request) => ({
        apiKey: header(request, API_KEY_HEADER),
        authorization: header(request, "authorization"),
        address: clientIpOf(request, options.trustProxy),
        requestId: header(request, "x-request-id"),
      }),
    },
  );

  return {
    core,
    close: async () => {
      const sockets = [...wss.clients];
      const closed = Promise.all(
        sockets.map((socket) =>
          socket.readyState === socket.CLOSED
            ? Promise.resolve()
            : new Promise<void>((resolve) => socket.once("close", () => resolve())),
        ),
      );
      // Going away (1001): clients reconnect, to another replica behind the load balancer.
      const disposed = server.dispose();
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.terminate();
      }, 5_000);
      // The HTTP streams end too, and every subgraph connection closes.
      await Promise.all([closed, disposed, core.close()]);
      clearTimeout(grace);
    },
  };
}
