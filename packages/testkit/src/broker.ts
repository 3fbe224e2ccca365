import { connect } from "amqplib";
import type { ConsumerSpec, MessageBus, MessageHandler } from "@storefront/platform/bus";
import { testEnv } from "./env";

/**
 * Deletes a test's queues (and their dead-letter queues) and exchanges from the shared broker, so
 * repeated runs leave nothing behind. Missing ones are fine.
 */
export async function deleteBrokerObjects(objects: {
  queues?: string[];
  exchanges?: string[];
}): Promise<void> {
  const connection = await connect(testEnv.amqpUrl);
  try {
    for (const queue of (objects.queues ?? []).flatMap((name) => [name, `${name}.dlq`])) {
      // A failed delete closes the channel, so each one gets its own.
      const channel = await connection.createChannel();
      channel.on("error", () => undefined);
      await channel.deleteQueue(queue).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
    for (const exchange of (objects.exchanges ?? []).flatMap((name) => [name, `${name}.dlx`])) {
      const channel = await connection.createChannel();
      channel.on("error", () => undefined);
      await channel.deleteExchange(exchange).catch(() => undefined);
      await channel.close().catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}

/**
 * The same bus, with every handler a service registers through `consume` wrapped by `intercept`.
 * A test sees each delivery the real broker makes (its attempt number, how the handler ended) or
 * holds one up, without the service carrying a test-only hook.
 */
export function interceptDeliveries(
  bus: MessageBus,
  intercept: (handler: MessageHandler, spec: ConsumerSpec) => MessageHandler,
): MessageBus {
  return {
    publish: (message) => bus.publish(message),
    consume: (spec, handler) => bus.consume(spec, intercept(handler, spec)),
    subscribe: (spec, handler) => bus.subscribe(spec, handler),
    isReady: () => bus.isReady(),
    close: () => bus.close(),
  };
}
