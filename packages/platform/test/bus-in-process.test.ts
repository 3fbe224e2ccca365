import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import {
  createInProcessBus,
  PermanentMessageError,
  UnroutableMessageError,
  type DeliveryInfo,
  type Envelope,
  type InProcessBus,
} from "../src/bus";
import { currentRequestScope, runInRequestScope } from "../src/request-scope";
import { envelope, gate, handler, waitFor } from "./bus-helpers";

const log = pino({ level: "silent" });

let bus: InProcessBus;
const newBus = () => (bus = createInProcessBus({ log, redeliveryDelayMs: 10 }));

afterEach(async () => {
  await bus.close();
});

describe("in-process bus", () => {
  it("delivers a published message with payload and headers intact, as a copy", async () => {
    newBus();
    const received: Array<{ message: Envelope; delivery: DeliveryInfo }> = [];
    await bus.consume(
      { queue: "orders.audit", bindings: ["orders.*.v1"] },
      handler((message, delivery) => {
        received.push({ message, delivery });
      }),
    );

    const sent = envelope(
      "orders.placed.v1",
      { orderId: "o-1", lines: [{ sku: "A", qty: 2 }] },
      { requestId: "r-1" },
    );
    await bus.publish(sent);
    await waitFor(() => received.length === 1);

    expect(received[0]?.message).toEqual(sent);
    expect(received[0]?.message).not.toBe(sent);
    expect(received[0]?.message.payload).not.toBe(sent.payload);
    expect(received[0]?.delivery).toEqual({ attempt: 1, redelivered: false });
  });

  it("runs handlers in the bus's own async context, not the publisher's", async () => {
    newBus();
    const scopes: unknown[] = [];
    await bus.consume(
      { queue: "q", bindings: ["a.b.v1"] },
      handler(() => {
        scopes.push(currentRequestScope());
      }),
    );

    await runInRequestScope({ requestId: "publisher", sqlStatements: 0 }, () =>
      bus.publish(envelope("a.b.v1")),
    );
    await waitFor(() => scopes.length === 1);
    expect(scopes).toEqual([undefined]);
  });

  it("never runs a handler inside publish", async () => {
    newBus();
    let calls = 0;
    await bus.consume(
      { queue: "q", bindings: ["a.b.v1"] },
      handler(() => {
        calls++;
      }),
    );

    await bus.publish(envelope("a.b.v1"));
    expect(calls).toBe(0);
    await waitFor(() => calls === 1);
  });

  it("rejects a message no queue is bound for", async () => {
    newBus();
    await bus.consume({ queue: "q", bindings: ["orders.#"] }, async () => {});

    const publishing = bus.publish(envelope("payments.captured.v1"));
    await expect(publishing).rejects.toBeInstanceOf(UnroutableMessageError);
    await expect(publishing).rejects.toMatchObject({ routingKey: "payments.captured.v1" });
  });

  it("gives every bound queue its own copy", async () => {
    newBus();
    const byQueue: Record<string, string[]> = { exact: [], wildcard: [], other: [] };
    const record = (queue: string) => handler((message: Envelope) => void byQueue[queue]?.push(message.id));
    await bus.consume({ queue: "exact", bindings: ["orders.placed.v1"] }, record("exact"));
    await bus.consume({ queue: "wildcard", bindings: ["orders.#"] }, record("wildcard"));
    await bus.consume({ queue: "other", bindings: ["payments.#"] }, record("other"));

    const sent = envelope("orders.placed.v1");
    await bus.publish(sent);
    await waitFor(() => byQueue.exact?.length === 1 && byQueue.wildcard?.length === 1);

    expect(byQueue).toEqual({ exact: [sent.id], wildcard: [sent.id], other: [] });
  });

  it("shares one queue's messages among its consumers in turn", async () => {
    newBus();
    const first: string[] = [];
    const second: string[] = [];
    await bus.consume(
      { queue: "shared", bindings: ["jobs.run.v1"] },
      handler((message) => void first.push(message.id)),
    );
    await bus.consume(
      { queue: "shared", bindings: ["jobs.run.v1"] },
      handler((message) => void second.push(message.id)),
    );

    const sent = Array.from({ length: 10 }, () => envelope("jobs.run.v1"));
    for (const message of sent) await bus.publish(message);
    await waitFor(() => first.length + second.length === 10);

    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second])).toEqual(new Set(sent.map((message) => message.id)));
  });

  it("dead-letters a permanently failing message at once and goes on with the next", async () => {
    newBus();
    const attempts: string[] = [];
    const handled: string[] = [];
    await bus.consume(
      { queue: "strict", bindings: ["orders.#"] },
      handler((message) => {
        attempts.push(message.id);
        if ((message.payload as { bad?: boolean }).bad) throw new PermanentMessageError("unknown version");
        handled.push(message.id);
      }),
    );

    const bad = envelope("orders.placed.v1", { bad: true }, { requestId: "r-bad" });
    const good = envelope("orders.placed.v1", { bad: false });
    await bus.publish(bad);
    await bus.publish(good);
    await waitFor(() => handled.length === 1);

    expect(handled).toEqual([good.id]);
    expect(attempts).toEqual([bad.id, good.id]);
    expect(bus.deadLetters("strict")).toEqual([bad]);
    expect(bus.deadLetters("unknown")).toEqual([]);
  });

  it("redelivers after a transient failure until the handler succeeds", async () => {
    newBus();
    const deliveries: DeliveryInfo[] = [];
    let done = false;
    await bus.consume(
      { queue: "flaky", bindings: ["orders.#"] },
      handler((_message, delivery) => {
        deliveries.push(delivery);
        if (delivery.attempt < 3) throw new Error("database busy");
        done = true;
      }),
    );

    await bus.publish(envelope("orders.placed.v1"));
    await waitFor(() => done);

    expect(deliveries).toEqual([
      { attempt: 1, redelivered: false },
      { attempt: 2, redelivered: true },
      { attempt: 3, redelivered: true },
    ]);
    expect(bus.deadLetters("flaky")).toEqual([]);
  });

  it("dead-letters a message that keeps failing once it reaches the delivery limit", async () => {
    newBus();
    const attempts: number[] = [];
    await bus.consume(
      { queue: "broken", bindings: ["orders.#"], deliveryLimit: 2 },
      handler((_message, delivery) => {
        attempts.push(delivery.attempt);
        throw new Error("always down");
      }),
    );

    const sent = envelope("orders.placed.v1", { n: 1 }, { requestId: "r-2" });
    await bus.publish(sent);
    await waitFor(() => bus.deadLetters("broken").length === 1);

    expect(attempts).toEqual([1, 2]);
    expect(bus.deadLetters("broken")).toEqual([sent]);
  });

  it("keeps at most `prefetch` handlers of a consumer in flight", async () => {
    newBus();
    const release = gate();
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    await bus.consume({ queue: "bounded", bindings: ["jobs.#"], prefetch: 3 }, async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await release.wait;
      running--;
      finished++;
    });

    for (let i = 0; i < 10; i++) await bus.publish(envelope("jobs.run.v1"));
    await waitFor(() => running === 3);
    // Give the pump every chance to exceed the bound before checking it did not.
    await new Promise((resolve) => setImmediate(resolve));
    expect(running).toBe(3);

    release.release();
    await waitFor(() => finished === 10);
    expect(maxRunning).toBe(3);
  });

  it("keeps a queue's messages for a later consumer once its consumers are gone", async () => {
    newBus();
    const first = await bus.consume({ queue: "durable", bindings: ["orders.#"] }, async () => {});
    await first.cancel();

    const sent = envelope("orders.placed.v1");
    await bus.publish(sent);
    const received: string[] = [];
    await bus.consume(
      { queue: "durable", bindings: ["orders.#"] },
      handler((message) => void received.push(message.id)),
    );

    await waitFor(() => received.length === 1);
    expect(received).toEqual([sent.id]);
  });

  it("refuses to redeclare a queue with another delivery limit", async () => {
    newBus();
    await bus.consume({ queue: "limits", bindings: ["a.#"], deliveryLimit: 3 }, async () => {});

    await expect(bus.consume({ queue: "limits", bindings: ["a.#"] }, async () => {})).rejects.toThrow(
      /deliveryLimit/,
    );
  });

  it("broadcasts every message to each subscriber, dropping failures and forgetting cancelled ones", async () => {
    newBus();
    const first: string[] = [];
    const second: string[] = [];
    const a = await bus.subscribe(
      { name: "orders.live", bindings: ["orders.#"] },
      handler((m) => void first.push(m.id)),
    );
    await bus.subscribe(
      { name: "orders.live", bindings: ["orders.#"] },
      handler((m) => {
        second.push(m.id);
        throw new Error("this listener fails");
      }),
    );
    const message = envelope("orders.changed.v1");
    await bus.publish(message);
    await waitFor(() => first.length === 1 && second.length === 1);
    await a.cancel();
    await bus.publish(envelope("orders.changed.v1"));
    await waitFor(() => second.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(first).toEqual([message.id]);
    expect(second).toHaveLength(2);
    expect(bus.deadLetters("orders.live")).toEqual([]);
  });

  it("cancel waits for in-flight handlers; close stops the bus", async () => {
    newBus();
    const release = gate();
    let started = false;
    let finished = false;
    const consumer = await bus.consume({ queue: "slow", bindings: ["orders.#"] }, async () => {
      started = true;
      await release.wait;
      finished = true;
    });
    await bus.publish(envelope("orders.placed.v1"));
    await waitFor(() => started);

    let cancelled = false;
    const cancelling = consumer.cancel().then(() => (cancelled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelled).toBe(false);
    release.release();
    await cancelling;
    expect(finished).toBe(true);

    expect(bus.isReady()).toBe(true);
    await bus.close();
    expect(bus.isReady()).toBe(false);
    await expect(bus.publish(envelope("orders.placed.v1"))).rejects.toThrow(/closed/);
    await expect(bus.consume({ queue: "late", bindings: ["#"] }, async () => {})).rejects.toThrow(/closed/);
  });
});
