import type { Logger } from "../logger";
import { createAmqpBus } from "./amqp";
import { createInProcessBus } from "./in-process";
import type { MessageBus } from "./types";

/**
 * The bus a process runs on: RabbitMQ when `amqpUrl` is set, otherwise the in-process bus. A
 * service running alone without a broker still works, but its messages reach nobody else: say so.
 */
export async function openMessageBus(
  settings: { amqpUrl: string | undefined; amqpExchange: string },
  log: Logger,
  options: { alone?: boolean } = {},
): Promise<MessageBus> {
  if (settings.amqpUrl) return createAmqpBus({ url: settings.amqpUrl, exchange: settings.amqpExchange, log });
  if (options.alone)
    log.warn("AMQP_URL is not set: messages stay in this process and reach no other service");
  return createInProcessBus({ log });
}
