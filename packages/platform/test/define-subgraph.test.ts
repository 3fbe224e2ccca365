import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createTokenVerifier } from "../src/auth";
import { createInProcessBus, type ConsumerSpec, type MessageBus } from "../src/bus";
import { type RequestContext } from "../src/context";
import {
  CONSUMER_DELIVERY_LIMIT,
  CONSUMER_PREFETCH,
  defineSubgraph,
  type MessagingOptions,
} from "../src/define-subgraph";
import { EnvError } from "../src/env";
import { launchSubgraph } from "../src/launch";
import { inTransactionWithOutbox, outboxTable, type OutboxRelay } from "../src/outbox";
import { subgraphConfigLoader, type SubgraphCoreConfig } from "../src/subgraph-config";
import { envelope, waitFor } from "./bus-helpers";

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
const outbox = outboxTable();
const schema = { outbox };
const NEVER = 2_147_483_647;

/** A subgraph of one query and an outbox table, in a folder of its own. */
let folder: string;
let schemaFile: string;
let migrationsFolder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "skeleton-"));
  schemaFile = path.join(folder, "schema.graphql");
  writeFileSync(schemaFile, "type Query { ping: String }\n");
  migrationsFolder = path.join(folder, "migrations");
  mkdirSync(path.join(migrationsFolder, "meta"), { recursive: true });
  writeFileSync(
    path.join(migrationsFolder, "meta/_journal.json"),
    JSON.stringify({
      version: "7",
      dialect: "postgresql",
      entries: [{ idx: 0, version: "7", when: 1, tag: "0000_init", breakpoints: true }],
    }),
  );
  writeFileSync(
    path.join(migrationsFolder, "0000_init.sql"),
    `create table outbox (
      id uuid primary key, type text not null, envelope jsonb not null,
      created_at timestamp(3) with time zone default now() not null,
      published_at timestamp(3) with time zone, attempts integer default 0 not null,
      last_error text, next_attempt_at timestamp(3) with time zone);`,
  );
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const config: SubgraphCoreConfig = {
  port: 0,
  metricsPort: 0,
  databaseUrl: undefined,
  dataDir: "memory://",
  logLevel: "silent",
};
const loader = { from: () => config, load: () => config };
/** Accepts no token; these tests make no signed-in requests. */
const noTokens = createTokenVerifier(() => Promise.reject(new Error("no keys")), { revocations: false });

async function readiness(url: string): Promise<{ status: number; checks: Record<string, string> }> {
  const response = await fetch(new URL("/ready", url));
  const body = (await response.json()) as { checks: Record<string, string> };
  return { status: response.status, checks: body.checks };
}

/** The bus as it is, with the specs its consumers were declared with written down. */
function recordingBus(bus: MessageBus, specs: ConsumerSpec[]): MessageBus {
  return {
    ...bus,
    consume: (spec, handler) => {
      specs.push(spec);
      return bus.consume(spec, handler);
    },
  };
}

describe("a subgraph on the message bus", () => {
  const type = "skeleton.pinged.v1";
  /** Its setup writes down what happens and hands out the relay it was given. */
  const messaging = (events: string[], handed: { relay?: OutboxRelay } = {}) =>
    defineSubgraph<SubgraphCoreConfig, typeof schema, RequestContext, MessagingOptions>({
      name: "skeleton",
      config: loader,
      schemaFile,
      database: { schema, migrationsFolder },
      resolvers: { Query: { ping: () => "pong" } },
      outbox,
      setup: async ({ consume, keep, relay }) => {
        handed.relay = relay;
        keep({ stop: () => Promise.resolve(void events.push("background stopped")) });
        await consume({ queue: "skeleton.pings", bindings: [type] }, (message) => {
          events.push(`received ${message.type}`);
          return Promise.resolve();
        });
        keep({ stop: () => Promise.resolve(void events.push("kept after the consumer stopped")) });
        return { verifyToken: noTokens, extendContext: (base) => base };
      },
    });

  it("publishes what a transaction wrote through its relay, reports the broker's readiness and stops in reverse", async () => {
    const bus = createInProcessBus({ log });
    const specs: ConsumerSpec[] = [];
    const events: string[] = [];
    const handed: { relay?: OutboxRelay } = {};
    const subgraph = await launchSubgraph(
      messaging(events, handed).module(config, { bus: recordingBus(bus, specs), relayIntervalMs: NEVER }),
      { ...config, log },
    );
    try {
      expect(specs).toEqual([
        {
          queue: "skeleton.pings",
          bindings: [type],
          prefetch: CONSUMER_PREFETCH,
          deliveryLimit: CONSUMER_DELIVERY_LIMIT,
        },
      ]);
      expect(await readiness(subgraph.url)).toEqual({
        status: 200,
        checks: { database: "ok", broker: "ok" },
      });
      // No relay tick comes: only the wake-up after the commit publishes the message.
      await inTransactionWithOutbox(subgraph.database.db, handed.relay!, (_tx, box) =>
        box.enqueue(envelope(type)),
      );
      await waitFor(() => events.includes(`received ${type}`));
      await bus.close();
      expect(await readiness(subgraph.url)).toMatchObject({
        status: 503,
        checks: { database: "ok", broker: "message bus not connected" },
      });
    } finally {
      await subgraph.stop();
    }
    expect(events.filter((e) => !e.startsWith("received"))).toEqual([
      "kept after the consumer stopped",
      "background stopped",
    ]);
  });

  it("with its relay switched off keeps what was written in the outbox", async () => {
    const bus = createInProcessBus({ log });
    const events: string[] = [];
    const handed: { relay?: OutboxRelay } = {};
    const subgraph = await launchSubgraph(messaging(events, handed).module(config, { bus, relay: false }), {
      ...config,
      log,
    });
    try {
      await inTransactionWithOutbox(subgraph.database.db, handed.relay!, (_tx, box) =>
        box.enqueue(envelope(type)),
      );
      // A pass of a running relay would publish it; this one never does.
      expect(await handed.relay!.drain()).toBe(0);
      const rows = await subgraph.database.db.select().from(outbox);
      expect(rows.map((row) => [row.type, row.publishedAt])).toEqual([[type, null]]);
    } finally {
      await subgraph.stop();
      await bus.close();
    }
    expect(events).toEqual(["kept after the consumer stopped", "background stopped"]);
  });

  it("refuses to start without a bus, naming the subgraph", async () => {
    await expect(
      launchSubgraph(messaging([]).module(config, {} as MessagingOptions), { ...config, log }),
    ).rejects.toThrow("skeleton is on the message bus: start it with a bus");
  });
});

describe("a subgraph's setup", () => {
  const plain = (
    setup: Parameters<typeof defineSubgraph<SubgraphCoreConfig, typeof schema, RequestContext>>[0]["setup"],
  ) =>
    defineSubgraph<SubgraphCoreConfig, typeof schema, RequestContext>({
      name: "skeleton",
      config: loader,
      schemaFile,
      database: { schema, migrationsFolder },
      resolvers: { Query: { ping: () => "pong" } },
      setup,
    });

  it("that fails stops what it had kept, last first, and the start fails with its error", async () => {
    const stopped: string[] = [];
    const failing = plain(({ keep }) => {
      keep({ stop: () => Promise.resolve(void stopped.push("first")) });
      keep({ stop: () => Promise.resolve(void stopped.push("second")) });
      throw new Error("cannot start");
    });
    await expect(failing.start(config, log)).rejects.toThrow("cannot start");
    expect(stopped).toEqual(["second", "first"]);
  });

  it("without a verifier of its own needs the token issuer's keys (jwksUrl)", async () => {
    const unverified = plain(() => ({ extendContext: (base) => base }));
    await expect(unverified.start(config, log)).rejects.toThrow(
      "skeleton has no jwksUrl to verify access tokens with, nor a verifier",
    );
  });

  it("serves the SDL and the database's readiness, and no broker check off the bus", async () => {
    const subgraph = await plain(() => ({ verifyToken: noTokens, extendContext: (base) => base })).start(
      config,
      log,
    );
    try {
      expect(await readiness(subgraph.url)).toEqual({ status: 200, checks: { database: "ok" } });
      const response = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ ping }" }),
      });
      expect(await response.json()).toEqual({ data: { ping: "pong" } });
    } finally {
      await subgraph.stop();
    }
  });
});

describe("a subgraph's configuration from the topology", () => {
  it("reads the token issuer's own variables only, with its ports as defaults", () => {
    const users = subgraphConfigLoader("users", {}, (_env, base) => base);
    expect(Object.keys(users.shape).sort()).toEqual(
      ["DATA_DIR", "LOG_LEVEL", "USERS_DATABASE_URL", "USERS_METRICS_PORT", "USERS_PORT"].sort(),
    );
    expect(users.from({ USERS_PORT: "5001" })).toEqual({
      port: 5001,
      metricsPort: 9091,
      databaseUrl: undefined,
      dataDir: ".data",
      logLevel: "info",
    });
  });

  it("gives a subgraph on the bus the broker and its queues, defaulting to the topology's names", () => {
    const orders = subgraphConfigLoader("orders", {}, (env, base) => ({
      ...base,
      queue: env.SHIPMENT_EVENTS_QUEUE,
    }));
    expect(orders.from({ AMQP_URL: "amqp://rabbit" })).toMatchObject({
      port: 4004,
      jwksUrl: "http://localhost:4001/.well-known/jwks.json",
      serviceToken: undefined,
      amqpUrl: "amqp://rabbit",
      amqpExchange: "storefront.events",
      queue: "orders.shipment-events",
    });
    expect(() => orders.from({ ORDERS_PORT: "x", SHIPMENT_EVENTS_QUEUE: "no spaces" })).toThrow(EnvError);
  });
});
