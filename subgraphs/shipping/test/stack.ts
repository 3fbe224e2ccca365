import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { connect, type GetMessage } from "amqplib";
import {
  createAmqpBus,
  PermanentMessageError,
  type DeliveryInfo,
  type Envelope,
} from "@storefront/platform/bus";
import { createLogger } from "@storefront/platform/logger";
import { createMessage } from "@storefront/platform/messages";
import {
  buildStack,
  interceptDeliveries,
  startTestSubgraph,
  startTokenIssuer,
  testEnv,
  US_ADDRESS,
  waitFor,
  type TestSubgraph,
} from "@storefront/testkit";
import { seedUsers, usersConfigFrom, usersModule } from "@storefront/users";
import type { schema } from "../src/db";
import { inbox, outbox, shipmentEvents, shipments } from "../src/db/schema";
import { shippingConfigFrom } from "../src/env";
import { shippingModule, type ShippingModuleOptions } from "../src/server";
import type { MessagePayload } from "@storefront/contracts/events";

export { waitFor } from "@storefront/testkit";

export type ShippingSubgraph = TestSubgraph<typeof schema>;
export type ShipmentRequest = MessagePayload<"orders.shipment-requested.v1">;

export const REQUEST_TYPE = "orders.shipment-requested.v1";

export { US_ADDRESS };

const log = createLogger({ service: "shipping-test", level: "silent" });

/** The handler's line for a request it applied (not for a duplicate it skipped). */
const APPLIED_LINE = /"msg":"(shipment created|order already has a shipment; request ignored)"/;

/**
 * A stand-in for an outage of the shipping database, limited to chosen orders: inserting their
 * shipment fails inside the request's transaction, which rolls back like any database error.
 */
const FAILING_ORDERS_SQL = `
  create table if not exists test_failing_orders (order_id text primary key);
  create or replace function test_refuse_failing_orders() returns trigger language plpgsql as $$
  begin
    if exists (select 1 from test_failing_orders where order_id = new.order_id::text) then
      raise exception 'simulated outage: database unreachable';
    end if;
    return new;
  end $$;
  drop trigger if exists test_refuse_failing_orders on shipments;
  create trigger test_refuse_failing_orders before insert on shipments
    for each row execute function test_refuse_failing_orders();`;

export interface StackOptions {
  env?: Record<string, string>;
  module?: Partial<ShippingModuleOptions>;
  /** Bind a queue for `shipping.#` on the exchange and collect what arrives (default true). */
  observeEvents?: boolean;
}

/**
 * The shipping subgraph on a fresh database, verifying tokens from a real users subgraph, and
 * RabbitMQ through an exchange and queues of this test file's own, so parallel files never
 * share messages. Shipment requests are published on the bus exactly as orders does.
 */
export async function startStack(options: StackOptions = {}) {
  const exchange = `test.${randomUUID()}`;
  const queue = `test.shipping.${randomUUID()}`;
  const eventsQueue = `${queue}.observed-events`;
  const issuer = await startTokenIssuer(usersModule(usersConfigFrom({})), seedUsers);
  const { users, accounts } = issuer;
  const bus = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
  const observer = await createAmqpBus({ url: testEnv.amqpUrl, log, exchange });
  const amqp = await connect(testEnv.amqpUrl);
  const channel = await amqp.createConfirmChannel();

  const events: Envelope[] = [];
  const observeEvents = () =>
    observer.consume({ queue: eventsQueue, bindings: ["shipping.#"] }, (message) => {
      events.push(message);
      return Promise.resolve();
    });
  if (options.observeEvents !== false) await observeEvents();

  // What the consumer did with each delivery, seen from the broker's side: each delivery that
  // got past message validation, and whether it applied the request (the service logs the
  // shipment it created, or the order's existing one, only when the request was not a duplicate;
  // the log line is tied to its delivery by the async context the handler runs in).
  const deliveries: { message: Envelope; delivery: DeliveryInfo }[] = [];
  const handled: { message: Envelope; applied: boolean }[] = [];
  const inDelivery = new AsyncLocalStorage<{ applied: boolean }>();
  const serviceLog = createLogger({
    service: "shipping",
    level: "info",
    output: {
      write(line: string) {
        const current = inDelivery.getStore();
        if (current && APPLIED_LINE.test(line)) current.applied = true;
      },
    },
  });
  const consumingBus = interceptDeliveries(bus, (handler) => async (message, delivery) => {
    const current = { applied: false };
    try {
      await inDelivery.run(current, () => handler(message, delivery));
    } catch (error) {
      if (!(error instanceof PermanentMessageError)) deliveries.push({ message, delivery });
      throw error;
    }
    deliveries.push({ message, delivery });
    handled.push({ message, applied: current.applied });
  });
  // Orders whose requests fail as if the database were down: the shipping database itself
  // refuses their shipments (a trigger), so the failure comes from the real dependency.
  const failingOrders = new Set<string>();
  const env = {
    ...issuer.env,
    SHIPMENT_REQUESTS_QUEUE: queue,
    ...options.env,
  };
  const moduleOptions: ShippingModuleOptions = {
    bus: consumingBus,
    relayIntervalMs: 100,
    ...options.module,
  };
  const shipping = await startTestSubgraph(shippingModule(shippingConfigFrom(env), moduleOptions), {
    log: serviceLog,
  });
  const replicas: ShippingSubgraph[] = [];
  const db = shipping.database.db;
  await db.execute(sql.raw(FAILING_ORDERS_SQL));

  const stack = buildStack(shipping, [], {
    users,
    shipping,
    bus,
    exchange,
    queue,
    events,
    deliveries,
    handled,
    /** Makes the shipping database refuse (or accept again) this order's shipment. */
    failingOrders: {
      add: async (orderId: string) => {
        failingOrders.add(orderId);
        await db.execute(sql`insert into test_failing_orders (order_id) values (${orderId})`);
      },
      delete: async (orderId: string) => {
        failingOrders.delete(orderId);
        await db.execute(sql`delete from test_failing_orders where order_id = ${orderId}`);
      },
      has: (orderId: string) => failingOrders.has(orderId),
    },
    accounts,
    observeEvents,
    /** Another shipping process on the same database and queue (a replica). */
    async startReplica(extra: Partial<ShippingModuleOptions> = {}) {
      const replica = await startTestSubgraph(
        shippingModule(shippingConfigFrom(env), { ...moduleOptions, ...extra }),
        { log: serviceLog, ...(shipping.databaseUrl ? { databaseUrl: shipping.databaseUrl } : {}) },
      );
      replicas.push(replica);
      return replica;
    },
    /** A shipment request as orders publishes it once an order is paid. */
    request(overrides: Partial<ShipmentRequest> = {}): Envelope<ShipmentRequest> {
      return createMessage(
        REQUEST_TYPE,
        {
          orderId: randomUUID(),
          userId: randomUUID(),
          address: US_ADDRESS,
          shippingOptionId: "ups-ground",
          lines: [{ variantId: randomUUID(), sku: "SKU-1", quantity: 1 }],
          total: { amount: 2500, currency: "USD" },
          ...overrides,
        },
        { requestId: `test-${randomUUID()}` },
      );
    },
    publish: (message: Envelope) => bus.publish(message),
    /** Bytes straight onto the exchange, as a broken publisher would send them. */
    async publishRaw(content: string, headers: Record<string, string>) {
      channel.publish(exchange, REQUEST_TYPE, Buffer.from(content), { persistent: true, headers });
      await channel.waitForConfirms();
    },
    /** Publishes a request and waits for the shipment it creates. */
    async requestShipment(overrides: Partial<ShipmentRequest> = {}) {
      const message = stack.request(overrides);
      await stack.publish(message);
      const [shipment] = await waitFor(
        () => stack.shipmentsOf(message.payload.orderId),
        (rows) => rows.length > 0,
      );
      if (!shipment) throw new Error(`no shipment for order ${message.payload.orderId}`);
      return { message, shipment };
    },
    shipmentsOf: (orderId: string) => db.select().from(shipments).where(eq(shipments.orderId, orderId)),
    eventsOf: (shipmentId: string) =>
      db
        .select()
        .from(shipmentEvents)
        .where(eq(shipmentEvents.shipmentId, shipmentId))
        .orderBy(asc(shipmentEvents.sequence)),
    outboxOf: (orderId: string) =>
      db
        .select()
        .from(outbox)
        .where(sql`${outbox.envelope}->'payload'->>'orderId' = ${orderId}`)
        .orderBy(asc(outbox.createdAt)),
    inboxHas: async (messageId: string) =>
      (await db.select().from(inbox).where(eq(inbox.messageId, messageId))).length > 0,
    /** Status events for an order seen on the broker, in arrival order. */
    eventsFor: (orderId: string) =>
      events.filter((e) => (e.payload as { orderId?: string }).orderId === orderId),
    handledCount: (messageId: string) => handled.filter((h) => h.message.id === messageId).length,
    /** Takes every message now in the dead-letter queue (they leave it). */
    async takeDeadLetters(): Promise<GetMessage[]> {
      const taken: GetMessage[] = [];
      for (;;) {
        const message = await channel.get(`${queue}.dlq`, { noAck: true });
        if (message === false) return taken;
        taken.push(message);
      }
    },
    async waitForDeadLetters(count: number, timeoutMs = 15_000): Promise<GetMessage[]> {
      const taken: GetMessage[] = [];
      await waitFor(
        async () => taken.push(...(await stack.takeDeadLetters())),
        () => taken.length >= count,
        timeoutMs,
      );
      return taken;
    },
  });
  stack.stop = async () => {
    for (const replica of replicas) await replica.stop().catch(() => {});
    await shipping.stop();
    await observer.close();
    await bus.close();
    await users.stop();
    for (const name of [queue, `${queue}.dlq`, eventsQueue, `${eventsQueue}.dlq`])
      await channel.deleteQueue(name).catch(() => {});
    await channel.deleteExchange(exchange).catch(() => {});
    await channel.deleteExchange(`${exchange}.dlx`).catch(() => {});
    await amqp.close();
  };
  return stack;
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
