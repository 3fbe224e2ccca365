import { connect } from "amqplib";
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
