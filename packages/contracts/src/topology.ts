/**
 * The platform's services and how they find each other: the one place a service's name, ports,
 * database, queues and callees are written down. Everything else reads this at run time (the
 * services' configuration defaults, `npm start` and its PORT_OFFSET, the supergraph's
 * composition) or is rendered from it by `npm run topology -w @storefront/contracts` before a
 * deployment (the Compose file, the Kubernetes Deployments, the dev overlay's databases; git
 * ignores them) and checked against it by `test/topology.test.ts`.
 *
 * Adding a subgraph: copy a subgraph's folder under subgraphs/ and add one entry in `subgraphs`
 * below (then `npm install` for the new workspace and `npm run compose` for the supergraph).
 * Pure data and string helpers, no Node APIs: browsers' and services' code may import it.
 */

export interface SubgraphEntry {
  /** Its GraphQL port; the Kubernetes Service and the Compose service use it too. */
  port: number;
  /** Where `/metrics` is served, apart from the public port. */
  metricsPort: number;
  /** The PostgreSQL database it owns (PGlite under DATA_DIR/<name> when no URL is set). */
  database: string;
  /** The subgraphs it sends internal operations to (the router calls every subgraph). */
  calls: readonly string[];
  /** Whether it verifies access tokens, and so fetches the token issuer's JWKS. */
  verifiesTokens: boolean;
  /** Whether it signs access tokens and publishes `/.well-known/jwks.json` (exactly one does). */
  issuesTokens?: boolean;
  /** Event types it publishes to the exchange. */
  publishes: readonly string[];
  /** Durable queues it consumes, each with the variable that renames it and the events bound to it. */
  consumes: readonly { queue: string; variable: string; events: readonly string[] }[];
  /** One line: what it owns (the service table: `npm run topology -w @storefront/contracts -- --table`). */
  summary: string;
}

/** The subgraphs, by port. */
export const subgraphs = {
  users: {
    port: 4001,
    metricsPort: 9091,
    database: "storefront_users",
    calls: [],
    verifiesTokens: false,
    issuesTokens: true,
    publishes: [],
    consumes: [],
    summary: "accounts, sign-in, sessions, signing keys (JWKS), saved addresses",
  },
  catalogue: {
    port: 4002,
    metricsPort: 9092,
    database: "storefront_catalogue",
    calls: [],
    verifiesTokens: true,
    publishes: [],
    consumes: [],
    summary: "products, variants, prices, stock and its reservations, reviews",
  },
  cart: {
    port: 4003,
    metricsPort: 9093,
    database: "storefront_cart",
    calls: ["catalogue"],
    verifiesTokens: true,
    publishes: [],
    consumes: [],
    summary: "carts of customers and guests",
  },
  orders: {
    port: 4004,
    metricsPort: 9094,
    database: "storefront_orders",
    calls: ["users", "catalogue", "cart", "payments", "shipping"],
    verifiesTokens: true,
    publishes: ["orders.shipment-requested.v1", "orders.order-status-changed.v1"],
    consumes: [
      {
        queue: "orders.shipment-events",
        variable: "SHIPMENT_EVENTS_QUEUE",
        events: ["shipping.shipment-status-changed.v1"],
      },
    ],
    summary: "checkout (the saga over cart, catalogue, payments, shipping) and orders",
  },
  payments: {
    port: 4005,
    metricsPort: 9095,
    database: "storefront_payments",
    calls: [],
    verifiesTokens: true,
    publishes: [],
    consumes: [],
    summary: "charges and refunds, idempotent by key",
  },
  shipping: {
    port: 4006,
    metricsPort: 9096,
    database: "storefront_shipping",
    calls: [],
    verifiesTokens: true,
    publishes: ["shipping.shipment-status-changed.v1"],
    consumes: [
      {
        queue: "shipping.shipment-requests",
        variable: "SHIPMENT_REQUESTS_QUEUE",
        events: ["orders.shipment-requested.v1"],
      },
    ],
    summary: "rates, quotes, shipments and their tracking",
  },
} as const satisfies Record<string, SubgraphEntry>;

export type SubgraphName = keyof typeof subgraphs;

/** The router: the public GraphQL endpoint, calling every subgraph. */
export const router = { port: 4000, metricsPort: 9090 } as const;

/** The storefront's web server (`npm start`) or nginx (containers). */
export const web = { port: 3000 } as const;

/** A subgraph with its name and the variables that configure or locate it. */
export interface Subgraph extends SubgraphEntry {
  name: string;
  /** Its own port (`<NAME>_PORT`), metrics port and database URL variables. */
  portVariable: string;
  metricsPortVariable: string;
  databaseUrlVariable: string;
  /** The variable its callers read for its GraphQL URL (`<NAME>_URL`); the router reads SUBGRAPH_URLS. */
  urlVariable: string;
  /** Its SDL, relative to the repository root. */
  schemaFile: string;
}

/** `order-history` → `ORDER_HISTORY`: the prefix of a service's own variables. */
export const variablePrefix = (name: string) => name.toUpperCase().replace(/-/g, "_");

function describe(name: string, entry: SubgraphEntry): Subgraph {
  const prefix = variablePrefix(name);
  return {
    name,
    ...entry,
    portVariable: `${prefix}_PORT`,
    metricsPortVariable: `${prefix}_METRICS_PORT`,
    databaseUrlVariable: `${prefix}_DATABASE_URL`,
    urlVariable: `${prefix}_URL`,
    schemaFile: `subgraphs/${name}/src/schema.graphql`,
  };
}

/** Every subgraph, by port. */
export const subgraphList: readonly Subgraph[] = Object.entries(subgraphs).map(([name, entry]) =>
  describe(name, entry),
);

export const subgraphNames: readonly string[] = subgraphList.map((s) => s.name);

/** The subgraphs in an order where each comes after those it calls (and after the token issuer). */
export function startOrder(): Subgraph[] {
  const started: Subgraph[] = [];
  const visit = (s: Subgraph, path: string[]) => {
    if (started.includes(s)) return;
    if (path.includes(s.name))
      throw new Error(`the subgraphs call each other in a cycle: ${[...path, s.name].join(" -> ")}`);
    const needs = [...s.calls, ...(s.verifiesTokens ? [tokenIssuer.name] : [])];
    for (const callee of needs) visit(subgraph(callee), [...path, s.name]);
    started.push(s);
  };
  for (const s of subgraphList) visit(s, []);
  return started;
}

export function subgraph(name: string): Subgraph {
  const found = subgraphList.find((s) => s.name === name);
  if (!found) throw new Error(`no subgraph "${name}" in the topology (${subgraphNames.join(", ")})`);
  return found;
}

/** The subgraph that issues access tokens and publishes their keys. */
export const tokenIssuer: Subgraph = subgraphList.find((s) => s.issuesTokens)!;

/** How a service is reached from another: `localhost` in one process, its name in containers. */
export type HostOf = (service: string) => string;
export const localhost: HostOf = () => "localhost";
export const byServiceName: HostOf = (service) => service;

/** A subgraph's GraphQL endpoint; `offset` moves the port as PORT_OFFSET does. */
export function subgraphUrl(name: string, host: HostOf = localhost, offset = 0): string {
  return `http://${host(name)}:${subgraph(name).port + offset}/graphql`;
}

/** Where access-token keys are published (JWKS_URL's default). */
export function jwksUrl(host: HostOf = localhost, offset = 0): string {
  return `http://${host(tokenIssuer.name)}:${tokenIssuer.port + offset}/.well-known/jwks.json`;
}

/** The router's SUBGRAPH_URLS value: `name=url` for every subgraph. */
export function subgraphUrls(host: HostOf = localhost, offset = 0): string {
  return subgraphNames.map((name) => `${name}=${subgraphUrl(name, host, offset)}`).join(",");
}

/**
 * The variables that locate other services for `service` (a subgraph or "router"): JWKS_URL if
 * it verifies tokens, `<CALLEE>_URL` for each subgraph it calls, and the router's SUBGRAPH_URLS.
 */
export function locatorsOf(service: string, host: HostOf = localhost, offset = 0): Record<string, string> {
  if (service === "router") {
    return { JWKS_URL: jwksUrl(host, offset), SUBGRAPH_URLS: subgraphUrls(host, offset) };
  }
  const own = subgraph(service);
  const env: Record<string, string> = {};
  if (own.verifiesTokens) env.JWKS_URL = jwksUrl(host, offset);
  for (const callee of own.calls) env[subgraph(callee).urlVariable] = subgraphUrl(callee, host, offset);
  return env;
}

/** Who connects to a subgraph's GraphQL port, and why: the router, its callers, token verifiers. */
export function callersOf(name: string): { service: string; why: string }[] {
  const target = subgraph(name);
  const callers: { service: string; why: string }[] = [{ service: "router", why: "query plans" }];
  for (const s of subgraphList) {
    const reasons = [
      ...(s.calls.includes(name) ? ["internal operations"] : []),
      ...(target.issuesTokens && s.verifiesTokens ? ["JWKS"] : []),
    ];
    if (reasons.length) callers.push({ service: s.name, why: reasons.join(", ") });
  }
  return callers;
}

/** The default queue name behind a consumer's variable, e.g. `queueName("orders", "SHIPMENT_EVENTS_QUEUE")`. */
export function queueName(service: string, variable: string): string {
  const consumed = subgraph(service).consumes.find((c) => c.variable === variable);
  if (!consumed) throw new Error(`${service} consumes no queue named by ${variable}`);
  return consumed.queue;
}

/** Whether a service uses the message broker (publishes or consumes). */
export const usesBroker = (s: Subgraph) => s.publishes.length > 0 || s.consumes.length > 0;
