import { startStatementSpan } from "./tracing";

/** How many of a database handle's connections are at work right now, for the pool gauges. */
export interface ConnectionUse {
  /** Connections running a statement or held by a transaction (at most `max`). */
  inUse: number;
  max: number;
  /** Statements and transactions waiting for a free connection. */
  waiting: number;
}

/**
 * Counts the work a driver has under way. Neither postgres.js nor PGlite reports how busy its
 * connections are, so every statement sent outside a transaction, and every transaction, counts
 * as one connection from when it is sent until it settles; what is beyond the pool's size waits.
 */
export class ConnectionCounter {
  private busy = 0;
  constructor(readonly max: number) {}

  use(): ConnectionUse {
    return {
      inUse: Math.min(this.busy, this.max),
      max: this.max,
      waiting: Math.max(0, this.busy - this.max),
    };
  }

  /** Counts `work` as one busy connection until it settles. */
  hold<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    let result: Promise<T>;
    try {
      result = work();
    } catch (error) {
      this.busy--;
      throw error;
    }
    return result.finally(() => this.busy--);
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * Calls a driver's transaction method (`begin`, `savepoint`, `transaction`) with its callback (the
 * last argument) handed the transaction's client instrumented like its parent's.
 */
function openTransaction(
  method: AnyFunction,
  target: object,
  args: unknown[],
  instrument: (transaction: object) => object,
): Promise<unknown> {
  const callback = args.at(-1);
  const wrapped =
    typeof callback === "function"
      ? [
          ...args.slice(0, -1),
          (transaction: unknown) => (callback as AnyFunction)(instrument(transaction as object)),
        ]
      : args;
  return method.apply(target, wrapped) as Promise<unknown>;
}

/** Runs a statement's promise under its SQL span (when there is a span to record it in). */
function traced<T>(service: string, text: string, send: () => Promise<T>): Promise<T> {
  const span = startStatementSpan(service, text);
  if (!span) return send();
  return send().then(
    (result) => {
      span.end();
      return result;
    },
    (error: unknown) => {
      span.end(error ?? new Error("statement failed"));
      throw error;
    },
  );
}

/**
 * A postgres.js query is a lazy promise: created by `unsafe()`, configured by chained calls
 * (`.values()`), and sent only when it is first awaited. The proxy times it from that first
 * `then` (when it is sent) to its result; chained calls keep returning the proxy.
 */
function timedPendingQuery<Q extends object>(
  query: Q,
  text: string,
  service: string,
  connections: ConnectionCounter | undefined,
): Q {
  let sent: Promise<unknown> | undefined;
  const proxy: Q = new Proxy(query, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as AnyFunction;
      if (property === "then") {
        return (onFulfilled?: AnyFunction, onRejected?: AnyFunction) => {
          sent ??= (() => {
            const send = () =>
              traced(
                service,
                text,
                () => new Promise((resolve, reject) => method.call(target, resolve, reject)),
              );
            return connections ? connections.hold(send) : send();
          })();
          return sent.then(onFulfilled, onRejected);
        };
      }
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/**
 * The postgres.js client as Drizzle uses it (`unsafe`, `begin`, `savepoint`), with a timed SQL
 * span per statement and its connections counted. `connections` is left out for a transaction's
 * handle: its statements run on the connection the transaction already holds.
 */
export function instrumentPostgresClient<T extends object>(
  client: T,
  service: string,
  connections: ConnectionCounter | undefined,
): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as AnyFunction;
      if (property === "unsafe") {
        return (...args: unknown[]) =>
          timedPendingQuery(method.apply(target, args) as object, String(args[0]), service, connections);
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const open = () =>
            openTransaction(method, target, args, (tx) => instrumentPostgresClient(tx, service, undefined));
          return property === "begin" && connections ? connections.hold(open) : open();
        };
      }
      return method.bind(target);
    },
  });
}

/**
 * The PGlite client as Drizzle uses it (`query`, `exec`, `transaction`), with a timed SQL span
 * per statement and its one connection counted.
 */
export function instrumentPgliteClient<T extends object>(
  client: T,
  service: string,
  connections: ConnectionCounter | undefined,
): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as AnyFunction;
      if (property === "query" || property === "exec") {
        return (...args: unknown[]) => {
          const send = () =>
            traced(service, String(args[0]), () => method.apply(target, args) as Promise<unknown>);
          return connections ? connections.hold(send) : send();
        };
      }
      if (property === "transaction") {
        return (...args: unknown[]) => {
          const open = () =>
            openTransaction(method, target, args, (tx) => instrumentPgliteClient(tx, service, undefined));
          return connections ? connections.hold(open) : open();
        };
      }
      return method.bind(target);
    },
  });
}
