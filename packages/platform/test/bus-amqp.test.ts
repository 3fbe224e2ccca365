import { execFile, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import { promisify } from "node:util";
import { connect, type Channel, type ChannelModel, type GetMessage } from "amqplib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  createAmqpBus,
  PermanentMessageError,
  UnroutableMessageError,
  type AmqpBusOptions,
  type DeliveryInfo,
  type Envelope,
  type MessageBus,
} from "../src/bus";
import { envelope, gate, handler, waitFor } from "./bus-helpers";

const AMQP_URL = process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672";
const EXCHANGE = "storefront.events";
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
/** Keeps this run's queues and routing keys apart from other tests and other runs. */
const run = randomUUID().slice(0, 8);

let admin: ChannelModel;
let adminChannel: Channel;
const buses: MessageBus[] = [];
const queues: string[] = [];

async function newBus(options: Partial<AmqpBusOptions> = {}): Promise<MessageBus> {
  const bus = await createAmqpBus({ url: AMQP_URL, log, ...options });
  buses.push(bus);
  return bus;
}

/** A queue name and a routing key of its own for one test; the queue is deleted afterwards. */
function names(test: string): { queue: string; type: string } {
  const queue = `test.bus.${run}.${test}`;
  queues.push(queue, `${queue}.dlq`);
  return { queue, type: `test.${run}.${test}.v1` };
}

/** The queue's counts, or undefined while it does not exist. */
async function inspectQueue(
  queue: string,
): Promise<{ messageCount: number; consumerCount: number } | undefined> {
  // A check of a missing queue closes the channel, so it gets one of its own.
  const channel = await admin.createChannel();
  channel.on("error", () => undefined);
  try {
    return await channel.checkQueue(queue);
  } catch {
    return undefined;
  } finally {
    await channel.close().catch(() => undefined);
  }
}

/** Polls a queue until a message is there. */
async function getOne(queue: string): Promise<GetMessage> {
  let message: GetMessage | false = false;
  await waitFor(async () => {
    message = await adminChannel.get(queue, { noAck: true });
    return message !== false;
  });
  if (!message) throw new Error("unreachable");
  return message;
}

/**
 * A TCP proxy between a bus and the broker, so a test can cut the link the way a network does,
 * refuse new connections for a while, or hold the broker's replies back.
 */
async function startProxy(): Promise<{
  url: string;
  /** Local ports of the proxy's connections to the broker, as the broker sees them. */
  upstreamPorts(): number[];
  holdReplies(): void;
  cut(): void;
  refuse(refusing: boolean): void;
  stop(): Promise<void>;
}> {
  const target = new URL(AMQP_URL);
  const links = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5672), target.hostname);
    const link = { client, upstream };
    links.add(link);
    const end = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(AMQP_URL);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);
  const cut = () => {
    for (const { client, upstream } of links) {
      client.destroy();
      upstream.destroy();
    }
  };
  return {
    url: url.toString(),
    upstreamPorts: () => [...links].map(({ upstream }) => upstream.localPort ?? 0),
    holdReplies: () => {
      for (const { client, upstream } of links) {
        upstream.unpipe(client);
        upstream.pause();
      }
    },
    cut,
    refuse: (value) => {
      refusing = value;
    },
    stop: async () => {
      cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  admin = await connect(AMQP_URL);
  adminChannel = await admin.createChannel();
});

afterAll(async () => {
  await Promise.allSettled(buses.map((bus) => bus.close()));
  // A channel of its own: a failing test may have left the shared one closed.
  const cleanup = await admin.createChannel();
  for (const queue of queues) await cleanup.deleteQueue(queue);
  await admin.close();
});

describe("AMQP bus", () => {
  it("delivers a published message with payload and headers intact", async () => {
    const bus = await newBus();
    const { queue, type } = names("roundtrip");
    const received: Array<{ message: Envelope; delivery: DeliveryInfo }> = [];
    await bus.consume(
      { queue, bindings: [type] },
      handler((message, delivery) => {
        received.push({ message, delivery });
      }),
    );

    const sent = envelope(type, { orderId: "o-1", lines: [{ sku: "A", qty: 2 }] }, { requestId: "r-1" });
    await bus.publish(sent);
    await waitFor(() => received.length === 1);

    expect(received[0]).toEqual({ message: sent, delivery: { attempt: 1, redelivered: false } });
  });

  it("publishes persistent JSON with the envelope's id, type and headers as AMQP properties", async () => {
    const bus = await newBus();
    const { queue, type } = names("wire");
    // A consumer declares the topology; the message is then read raw from the queue.
    const consumer = await bus.consume({ queue, bindings: [`test.${run}.wire.*`] }, async () => {});
    await consumer.cancel();

    const sent = envelope(type, { n: 1 }, { requestId: "r-wire" });
    await bus.publish(sent);
    const raw = await getOne(queue);

    expect(raw.fields).toMatchObject({ exchange: EXCHANGE, routingKey: type });
    expect(raw.properties).toMatchObject({
      messageId: sent.id,
      type,
      contentType: "application/json",
      deliveryMode: 2,
      headers: { requestId: "r-wire" },
    });
    expect(typeof raw.properties.timestamp).toBe("number");
    expect(JSON.parse(raw.content.toString())).toEqual(sent);
  });

  it("rejects a message no queue is bound for, and goes on publishing", async () => {
    const bus = await newBus();
    const { queue, type } = names("unroutable");
    await bus.consume({ queue, bindings: [type] }, async () => {});

    const nowhere = `test.${run}.nobody-listens.v1`;
    const publishing = bus.publish(envelope(nowhere));
    await expect(publishing).rejects.toBeInstanceOf(UnroutableMessageError);
    await expect(publishing).rejects.toMatchObject({ routingKey: nowhere });
    await expect(bus.publish(envelope(type))).resolves.toBeUndefined();
  });

  it("dead-letters a permanently failing message at once and goes on with the next", async () => {
    const bus = await newBus();
    const { queue, type } = names("permanent");
    const attempts: string[] = [];
    const handled: string[] = [];
    await bus.consume(
      { queue, bindings: [type] },
      handler((message) => {
        attempts.push(message.id);
        if ((message.payload as { bad?: boolean }).bad) throw new PermanentMessageError("unknown version");
        handled.push(message.id);
      }),
    );

    const bad = envelope(type, { bad: true }, { requestId: "r-bad" });
    const good = envelope(type, { bad: false });
    await bus.publish(bad);
    await bus.publish(good);
    await waitFor(() => handled.length === 1);
    const dead = await getOne(`${queue}.dlq`);

    expect(attempts).toEqual([bad.id, good.id]);
    expect(JSON.parse(dead.content.toString())).toEqual(bad);
    expect(dead.properties.messageId).toBe(bad.id);
    expect(dead.properties.headers).toMatchObject({ requestId: "r-bad", "x-first-death-reason": "rejected" });
  });

  it("redelivers after a transient failure until the handler succeeds", async () => {
    const bus = await newBus();
    const { queue, type } = names("transient");
    const deliveries: DeliveryInfo[] = [];
    let done = false;
    await bus.consume(
      { queue, bindings: [type] },
      handler((_message, delivery) => {
        deliveries.push(delivery);
        if (delivery.attempt < 3) throw new Error("database busy");
        done = true;
      }),
    );

    await bus.publish(envelope(type));
    await waitFor(() => done);

    expect(deliveries).toEqual([
      { attempt: 1, redelivered: false },
      { attempt: 2, redelivered: true },
      { attempt: 3, redelivered: true },
    ]);
    expect((await adminChannel.checkQueue(`${queue}.dlq`)).messageCount).toBe(0);
  });

  it("dead-letters a message that keeps failing once it reaches the delivery limit", async () => {
    const bus = await newBus();
    const { queue, type } = names("limit");
    const attempts: number[] = [];
    await bus.consume(
      { queue, bindings: [type], deliveryLimit: 2 },
      handler((_message, delivery) => {
        attempts.push(delivery.attempt);
        throw new Error("always down");
      }),
    );

    const sent = envelope(type, { n: 1 }, { requestId: "r-limit" });
    await bus.publish(sent);
    const dead = await getOne(`${queue}.dlq`);

    expect(attempts).toEqual([1, 2]);
    expect(JSON.parse(dead.content.toString())).toEqual(sent);
    expect(dead.properties.headers).toMatchObject({
      requestId: "r-limit",
      "x-first-death-reason": "delivery_limit",
    });
  });

  it("dead-letters malformed messages without calling the handler", async () => {
    const bus = await newBus();
    const { queue, type } = names("malformed");
    const handled: string[] = [];
    await bus.consume(
      { queue, bindings: [type] },
      handler((message) => void handled.push(message.id)),
    );

    adminChannel.sendToQueue(queue, Buffer.from("not json {"));
    adminChannel.sendToQueue(queue, Buffer.from(JSON.stringify({ id: "x", type })));
    const good = envelope(type);
    await bus.publish(good);
    await waitFor(() => handled.length === 1);
    const first = await getOne(`${queue}.dlq`);
    const second = await getOne(`${queue}.dlq`);

    expect(handled).toEqual([good.id]);
    expect([first.content.toString(), second.content.toString()]).toEqual([
      "not json {",
      JSON.stringify({ id: "x", type }),
    ]);
  });

  it("keeps at most `prefetch` handlers of a consumer in flight", async () => {
    const bus = await newBus();
    const { queue, type } = names("prefetch");
    const release = gate();
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    await bus.consume({ queue, bindings: [type], prefetch: 2 }, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await release.wait;
      running--;
      finished++;
    });

    await Promise.all(Array.from({ length: 6 }, () => bus.publish(envelope(type))));
    await waitFor(() => running === 2);
    // The broker has the other four ready; were prefetch ignored they would arrive by now.
    await waitFor(async () => (await adminChannel.checkQueue(queue)).messageCount === 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running).toBe(2);

    release.release();
    await waitFor(() => finished === 6);
    expect(maxRunning).toBe(2);
  });

  it("cancel waits for in-flight handlers and acknowledges their messages", async () => {
    const bus = await newBus();
    const { queue, type } = names("cancel");
    const release = gate();
    let started = false;
    let finished = false;
    const consumer = await bus.consume({ queue, bindings: [type] }, async () => {
      started = true;
      await release.wait;
      finished = true;
    });
    await bus.publish(envelope(type));
    await waitFor(() => started);

    let cancelled = false;
    const cancelling = consumer.cancel().then(() => (cancelled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cancelled).toBe(false);
    release.release();
    await cancelling;

    expect(finished).toBe(true);
    // Acked, not returned to the queue: nothing is left for the next consumer.
    const { messageCount, consumerCount } = await adminChannel.checkQueue(queue);
    expect({ messageCount, consumerCount }).toEqual({ messageCount: 0, consumerCount: 0 });
  });

  it("tells unroutable from routed messages published together", async () => {
    const bus = await newBus();
    const { queue, type } = names("mixed");
    await bus.consume({ queue, bindings: [type] }, async () => {});

    const nowhere = `test.${run}.mixed-nowhere.v1`;
    const messages = Array.from({ length: 40 }, (_, i) => envelope(i % 3 === 0 ? nowhere : type));
    const outcomes = await Promise.allSettled(messages.map((message) => bus.publish(message)));

    outcomes.forEach((outcome, i) => {
      if (messages[i]?.type === nowhere) {
        expect(outcome.status === "rejected" && outcome.reason instanceof UnroutableMessageError).toBe(true);
      } else {
        expect(outcome.status).toBe("fulfilled");
      }
    });
  });

  it("rejects a consumer whose queue exists with other arguments, keeping the link", async () => {
    const bus = await newBus();
    const { queue, type } = names("mismatch");
    await bus.consume({ queue, bindings: [type], deliveryLimit: 5 }, async () => {});

    await expect(bus.consume({ queue, bindings: [type], deliveryLimit: 3 }, async () => {})).rejects.toThrow(
      /PRECONDITION_FAILED/,
    );
    expect(bus.isReady()).toBe(true);
    await expect(bus.publish(envelope(type))).resolves.toBeUndefined();
  });

  it("declares its queue again when the broker drops it", async () => {
    const bus = await newBus({ reconnect: { initialMs: 20, maxMs: 100 } });
    const { queue, type } = names("deleted");
    const received: string[] = [];
    await bus.consume(
      { queue, bindings: [type] },
      handler((message) => void received.push(message.id)),
    );

    await adminChannel.deleteQueue(queue);
    await waitFor(async () => bus.isReady() && (await inspectQueue(queue))?.consumerCount === 1);
    const sent = envelope(type);
    await bus.publish(sent);
    await waitFor(() => received.length === 1);

    expect(received).toEqual([sent.id]);
  });

  it("close waits, then refuses further work", async () => {
    const bus = await newBus();
    const { queue, type } = names("close");
    await bus.consume({ queue, bindings: [type] }, async () => {});
    const publishing = bus.publish(envelope(type));

    await bus.close();

    await expect(publishing).resolves.toBeUndefined();
    expect(bus.isReady()).toBe(false);
    await expect(bus.publish(envelope(type))).rejects.toThrow(/closed/);
    await expect(bus.consume({ queue, bindings: [type] }, async () => {})).rejects.toThrow(/closed/);
  });

  it("broadcasts every message to each subscriber's private queue, dropping failures", async () => {
    const bus = await newBus();
    const { type } = names("broadcast");
    const first: string[] = [];
    const second: string[] = [];
    const a = await bus.subscribe(
      { name: `test.${run}.live`, bindings: [type] },
      handler((m) => void first.push(m.id)),
    );
    await bus.subscribe(
      { name: `test.${run}.live`, bindings: [type] },
      handler((m) => {
        second.push(m.id);
        throw new Error("this listener fails");
      }),
    );
    const messages = [envelope(type), envelope(type), envelope(type)];
    for (const message of messages) await bus.publish(message);
    await waitFor(() => first.length === 3 && second.length === 3);
    // A failed broadcast is not redelivered.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first).toEqual(messages.map((m) => m.id));
    expect(second).toEqual(messages.map((m) => m.id));

    await a.cancel();
    const later = envelope(type);
    await bus.publish(later);
    await waitFor(() => second.length === 4);
    expect(first).toHaveLength(3);
  });

  describe("when the link to the broker drops", () => {
    /** A bus that reaches the broker through a proxy of its own, both gone after the test. */
    async function proxiedBus(reconnect: AmqpBusOptions["reconnect"]) {
      const proxy = await startProxy();
      const bus = await createAmqpBus({ url: proxy.url, log, reconnect });
      onTestFinished(async () => {
        await bus.close();
        await proxy.stop();
      });
      return { bus, proxy };
    }

    it("reports not ready and refuses work while down, then recovers publishing and consuming", async () => {
      const { bus, proxy } = await proxiedBus({ initialMs: 20, maxMs: 100 });
      const { queue, type } = names("recover");
      const received: string[] = [];
      await bus.consume(
        { queue, bindings: [type] },
        handler((message) => void received.push(message.id)),
      );
      const before = envelope(type);
      await bus.publish(before);
      await waitFor(() => received.length === 1);

      proxy.refuse(true);
      proxy.cut();
      await waitFor(() => !bus.isReady());
      await expect(bus.publish(envelope(type))).rejects.toThrow("broker link down");
      await expect(bus.consume({ queue, bindings: [type] }, async () => {})).rejects.toThrow(
        "broker link down",
      );

      proxy.refuse(false);
      await waitFor(() => bus.isReady());
      const after = envelope(type);
      await bus.publish(after);
      await waitFor(() => received.includes(after.id));

      // The ack of `before` may have been lost with the link, making it come again: at least once.
      expect(new Set(received)).toEqual(new Set([before.id, after.id]));
    });

    it("re-establishes a broadcast subscription after the link drops and tells its listener", async () => {
      const { bus, proxy } = await proxiedBus({ initialMs: 20, maxMs: 100 });
      const { type } = names("broadcast-recover");
      const received: string[] = [];
      let reconnects = 0;
      await bus.subscribe(
        { name: `test.${run}.live`, bindings: [type], onReconnect: () => void reconnects++ },
        handler((m) => void received.push(m.id)),
      );
      proxy.cut();
      await waitFor(() => reconnects === 1);
      const after = envelope(type);
      await bus.publish(after);
      await waitFor(() => received.includes(after.id));
    });

    it("rejects a publish whose confirm is lost with the link", async () => {
      const { bus, proxy } = await proxiedBus({ initialMs: 20, maxMs: 100 });
      const { queue, type } = names("lost-confirm");
      await bus.consume({ queue, bindings: [type] }, async () => {});

      proxy.holdReplies();
      const publishing = bus.publish(envelope(type));
      proxy.cut();

      await expect(publishing).rejects.toThrow(/did not confirm/);
      await waitFor(() => bus.isReady());
      await expect(bus.publish(envelope(type))).resolves.toBeUndefined();
    });

    const local = ["127.0.0.1", "localhost"].includes(new URL(AMQP_URL).hostname);
    const rabbitmqctl = local && spawnSync("rabbitmqctl", ["--version"]).status === 0;

    it.skipIf(!rabbitmqctl)("recovers when the broker closes the connection", async () => {
      const { bus, proxy } = await proxiedBus({ initialMs: 300, maxMs: 1_000 });
      const { queue, type } = names("forced");
      const received: string[] = [];
      await bus.consume(
        { queue, bindings: [type] },
        handler((message) => void received.push(message.id)),
      );
      const ports = proxy.upstreamPorts();
      expect(ports).toHaveLength(1);

      const exec = promisify(execFile);
      const { stdout } = await exec("rabbitmqctl", [
        "-q",
        "--no-table-headers",
        "list_connections",
        "pid",
        "peer_port",
      ]);
      const ours = stdout
        .split("\n")
        .map((line) => line.split("\t"))
        .find(([, peerPort]) => Number(peerPort) === ports[0]);
      if (!ours?.[0]) throw new Error(`no broker connection from port ${ports[0]}`);
      const wentDown = waitFor(() => !bus.isReady());
      await exec("rabbitmqctl", ["-q", "close_connection", ours[0], "closed by bus test"]);
      await wentDown;

      await waitFor(() => bus.isReady());
      const after = envelope(type);
      await bus.publish(after);
      await waitFor(() => received.length === 1);
      expect(received).toEqual([after.id]);
    });
  });
});
