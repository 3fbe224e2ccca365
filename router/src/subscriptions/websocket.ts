import type { IncomingMessage } from "node:http";
import type { Logger } from "@storefront/platform/logger";
import type { FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import {
  CloseCode,
  DEPRECATED_GRAPHQL_WS_PROTOCOL,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  handleProtocols,
  MessageType,
  parseMessage,
  type Message,
  type SubscribePayload,
} from "graphql-ws";
import type { RawData, WebSocket, WebSocketServer } from "ws";
import { resultText } from "./result-text";
import { inSlices } from "./slices";
import { ExpiryTimers } from "./transports/expiry";

/** What a connection keeps of its upgrade request: the request itself is let go at once. */
export type Upgrade = {
  apiKey: string | undefined;
  authorization: string | undefined;
  address: string | undefined;
  /** The request's `x-request-id` header, as sent. */
  requestId: string | undefined;
};

/** A stream of results for one subscribe; `return()` is the client completing it or leaving. */
export type ResultStream = AsyncIterator<FormattedExecutionResult>;

/** What the router does at each step of the protocol; `C` is its state of an acknowledged connection. */
export interface GraphqlWsHandlers<C> {
  /**
   * connection_init: the caller is identified. `false` refuses the connection (the socket is
   * closed with 4403, unless the handler closed it already with a reason of its own).
   */
  connect(
    socket: ProtocolSocket,
    upgrade: Upgrade,
    payload: Record<string, unknown> | undefined,
  ): Promise<C | false>;
  /** subscribe: the stream of its results; a refusal is a stream that fails at once. */
  subscribe(connection: C, payload: SubscribePayload): Promise<ResultStream>;
  /** The errors an `error` message carries for a stream that failed. */
  errorsOf(error: unknown): GraphQLFormattedError[];
  /** The socket closed, after every stream of the connection was returned. */
  disconnect(connection: C): Promise<void>;
}

export interface GraphqlWsServerOptions {
  /** How long a socket may stay open without a connection_init (closed with 4408 then). */
  initTimeoutMs: number;
  /** Ping interval; a socket that has not answered the previous ping by the next is terminated. */
  keepAliveMs: number;
  isProd: boolean;
  log: Logger;
  /** Reads what the connection needs of its upgrade request (headers, the client's address). */
  upgradeOf(request: IncomingMessage): Upgrade;
}

const INTERNAL_ERROR = "Internal server error";

/** A close reason within the WebSocket limit (123 bytes), else the fallback. */
const closeReason = (error: unknown, isProd: boolean) => {
  const message = error instanceof Error ? error.message : String(error);
  return isProd || message.length >= 124 ? INTERNAL_ERROR : message;
};

function nextMessage(id: string, result: FormattedExecutionResult): string {
  return `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":${resultText(result)}}`;
}

/** A client socket as the router's handlers see it. */
export interface ProtocolSocket {
  /** The socket is open: the client is still there. */
  readonly open: boolean;
  close(code: number, reason: string): void;
}

/** Stands for a subscribe still being checked, each its own, so a re-used id is told apart. */
type Pending = { readonly pending: true };

/**
 * One socket. Its methods live on the prototype and it holds only what the protocol needs, so an
 * open connection costs this object, its map of subscriptions and the `ws` socket itself.
 */
class Connection<C> implements ProtocolSocket {
  /** A ping is out that the client has not answered yet. */
  awaitingPong = false;
  /** When the socket is closed unless a connection_init came (ms since the epoch). */
  initDeadline: number | undefined;
  initReceived = false;
  closed = false;
  /** The router's state of the connection, once connection_ack is sent. */
  state: C | undefined;
  /** Subscriptions by id, created with the first. */
  subscriptions: Map<string, ResultStream | Pending> | undefined;

  constructor(
    readonly socket: WebSocket,
    /** What the upgrade request said, until connection_init (the only step that reads it). */
    public upgrade: Upgrade | undefined,
  ) {}

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Resolves once the message is handed to the socket (or at once if it is closing). */
  send(data: string): Promise<void> {
    const { socket } = this;
    if (socket.readyState !== socket.OPEN) return Promise.resolve();
    return new Promise((resolve) => socket.send(data, () => resolve()));
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

/**
 * The router's graphql-ws server: the `graphql-transport-ws` protocol (connection_init and ack,
 * ping and pong, subscribe, next, error, complete, with the protocol's close codes) on a `ws`
 * server. It is the router's own rather than graphql-ws's `makeServer` because of what each
 * connection and subscription costs while it stays open, which at tens of thousands of subscribers
 * is most of the router's memory: `makeServer` keeps the connection_init payload (the token) for
 * the connection's life, and for each subscription its subscribe message (the query text), its
 * execution arguments and a closure per emitted message kind. Here a connection keeps the socket,
 * a few flags and its streams; a subscription is its stream and the loop that sends its results.
 * The socket's listeners are shared by every socket, one interval pings every socket for
 * keep-alive (in slices, so events are not held up behind the sweep), and the connection_init
 * deadlines wait on one timer.
 *
 * Protocol errors close the socket as the protocol says: 4400 a message that is not one, 4401 a
 * subscribe before connection_ack, 4403 a refused connection_init, 4406 another subprotocol, 4408
 * no connection_init in time, 4409 a subscribe whose id is in use, 4429 a second connection_init.
 */
export function serveGraphqlWs<C>(
  handlers: GraphqlWsHandlers<C>,
  wss: WebSocketServer,
  options: GraphqlWsServerOptions,
) {
  const { isProd, log } = options;
  const connections = new WeakMap<WebSocket, Connection<C>>();
  const initDeadlines = new ExpiryTimers<Connection<C>>((connection) => {
    connection.initDeadline = undefined;
    connection.close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout");
  });
  const initReceived = (connection: Connection<C>) => {
    connection.initReceived = true;
    if (connection.initDeadline === undefined) return;
    initDeadlines.delete(connection, connection.initDeadline);
    connection.initDeadline = undefined;
  };
  wss.options.handleProtocols = handleProtocols;

  wss.once("error", (error) => {
    log.error({ err: error }, "WebSocket server error");
    for (const client of wss.clients) client.close(CloseCode.InternalServerError, closeReason(error, isProd));
  });

  async function connectionInit(connection: Connection<C>, payload: unknown): Promise<void> {
    if (connection.initReceived) {
      connection.close(CloseCode.TooManyInitialisationRequests, "Too many initialisation requests");
      return;
    }
    initReceived(connection);
    const upgrade = connection.upgrade!;
    connection.upgrade = undefined;
    const params =
      payload && typeof payload === "object" && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : undefined;
    const state = await handlers.connect(connection, upgrade, params);
    if (state === false) {
      connection.close(CloseCode.Forbidden, "Forbidden");
      return;
    }
    // The client left while it was being identified: nothing is kept for it.
    if (connection.closed) {
      await handlers.disconnect(state);
      return;
    }
    connection.state = state;
    await connection.send(`{"type":"${MessageType.ConnectionAck}"}`);
  }

  async function subscribe(connection: Connection<C>, id: string, payload: SubscribePayload): Promise<void> {
    if (connection.state === undefined) {
      connection.close(CloseCode.Unauthorized, "Unauthorized");
      return;
    }
    const subscriptions = (connection.subscriptions ??= new Map());
    if (subscriptions.has(id)) {
      connection.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
      return;
    }
    const pending: Pending = { pending: true };
    subscriptions.set(id, pending);
    let stream: ResultStream;
    try {
      stream = await handlers.subscribe(connection.state, payload);
    } catch (error) {
      if (subscriptions.get(id) !== pending) return;
      subscriptions.delete(id);
      await sendError(connection, id, error);
      return;
    }
    // The client completed it, or left, while it was being checked.
    if (subscriptions.get(id) !== pending) {
      await stream.return?.();
      return;
    }
    subscriptions.set(id, stream);
    // Not awaited: the subscribe message, which the callers up to here hold, is let go at once.
    void deliver(connection, id, stream).catch((error: unknown) =>
      log.error({ err: error }, "graphql-ws delivery failed"),
    );
  }

  function sendError(connection: Connection<C>, id: string, error: unknown): Promise<void> {
    const payload = handlers.errorsOf(error);
    return connection.send(JSON.stringify({ id, type: MessageType.Error, payload }));
  }

  /**
   * Sends the stream's results as they come, each once the previous one is handed to the socket
   * (a slow client leaves them queued in its subscription, which bounds them), then `complete`,
   * or `error` if the stream fails. Nothing is sent once the client completed it or left.
   */
  async function deliver(connection: Connection<C>, id: string, stream: ResultStream): Promise<void> {
    const subscriptions = connection.subscriptions!;
    try {
      for (;;) {
        const result = await stream.next();
        if (subscriptions.get(id) !== stream) return;
        if (result.done) break;
        await connection.send(nextMessage(id, result.value));
      }
    } catch (error) {
      if (subscriptions.get(id) !== stream) return;
      subscriptions.delete(id);
      await sendError(connection, id, error);
      return;
    }
    subscriptions.delete(id);
    await connection.send(`{"id":${JSON.stringify(id)},"type":"${MessageType.Complete}"}`);
  }

  async function received(connection: Connection<C>, data: string): Promise<void> {
    let message: Message;
    try {
      message = parseMessage(data);
    } catch {
      connection.close(CloseCode.BadRequest, "Invalid message received");
      return;
    }
    switch (message.type) {
      case MessageType.ConnectionInit:
        return connectionInit(connection, message.payload);
      case MessageType.Ping:
        await connection.send(
          JSON.stringify(
            message.payload
              ? { type: MessageType.Pong, payload: message.payload }
              : { type: MessageType.Pong },
          ),
        );
        return;
      case MessageType.Pong:
        return;
      case MessageType.Subscribe:
        return subscribe(connection, message.id, message.payload);
      case MessageType.Complete: {
        const stream = connection.subscriptions?.get(message.id);
        connection.subscriptions?.delete(message.id);
        if (stream && !("pending" in stream)) await stream.return?.();
        return;
      }
      default:
        // connection_ack, next and error are the server's to send.
        connection.close(CloseCode.BadRequest, "Invalid message received");
    }
  }

  // Shared by every socket: each is called with the socket as `this`.
  function onMessage(this: WebSocket, data: RawData) {
    const connection = connections.get(this);
    // The default binary type: every message is one Buffer.
    if (connection) void handled(connection, (data as Buffer).toString());
  }
  async function handled(connection: Connection<C>, data: string) {
    try {
      await received(connection, data);
    } catch (error) {
      log.error({ err: error }, "graphql-ws message handling failed");
      connection.close(CloseCode.InternalServerError, closeReason(error, isProd));
    }
  }
  function onPong(this: WebSocket) {
    const connection = connections.get(this);
    if (connection) connection.awaitingPong = false;
  }
  function onClose(this: WebSocket, code: number) {
    const connection = connections.get(this);
    connections.delete(this);
    if (
      !isProd &&
      code === Number(CloseCode.SubprotocolNotAcceptable) &&
      this.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL
    )
      log.warn(
        'A client asked for the deprecated subprotocol "graphql-ws" of subscriptions-transport-ws; only graphql-transport-ws is served.',
      );
    if (connection) void closed(connection);
  }
  async function closed(connection: Connection<C>) {
    connection.closed = true;
    connection.upgrade = undefined;
    if (connection.initDeadline !== undefined) initReceived(connection);
    const streams = [...(connection.subscriptions?.values() ?? [])];
    connection.subscriptions?.clear();
    try {
      for (const stream of streams) if (!("pending" in stream)) await stream.return?.();
      if (connection.state !== undefined) await handlers.disconnect(connection.state);
    } catch (error) {
      log.error({ err: error }, "graphql-ws connection cleanup failed");
    }
  }
  // A socket error (a message over maxPayload, a malformed frame) is the client's fault and ws
  // closes the socket itself (1009, 1002).
  function onError(error: Error) {
    log.debug({ err: error }, "client WebSocket error");
  }

  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.on("error", onError);
    socket.on("close", onClose);
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      socket.close(CloseCode.SubprotocolNotAcceptable, "Subprotocol not acceptable");
      return;
    }
    const connection = new Connection<C>(socket, options.upgradeOf(request));
    connections.set(socket, connection);
    socket.on("message", onMessage);
    socket.on("pong", onPong);
    if (options.initTimeoutMs > 0 && Number.isFinite(options.initTimeoutMs)) {
      connection.initDeadline = Date.now() + options.initTimeoutMs;
      initDeadlines.add(connection, connection.initDeadline);
    }
  });

  // Keep-alive: every socket is pinged on each tick, in slices; one that did not answer the last
  // ping is gone.
  const ping = (socket: WebSocket) => {
    const connection = connections.get(socket);
    if (!connection || socket.readyState !== socket.OPEN) return;
    if (connection.awaitingPong) {
      socket.terminate();
      return;
    }
    connection.awaitingPong = true;
    socket.ping();
  };
  const keepAlive =
    options.keepAliveMs > 0 && Number.isFinite(options.keepAliveMs)
      ? setInterval(() => void inSlices(wss.clients, ping), options.keepAliveMs)
      : undefined;
  keepAlive?.unref();

  return {
    /** Closes every socket (1001 going away) and the server. */
    async dispose(): Promise<void> {
      clearInterval(keepAlive);
      for (const client of wss.clients) client.close(1001, "Going away");
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
