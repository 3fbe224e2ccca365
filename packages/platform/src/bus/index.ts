export * from "./types";
export { createInProcessBus, type InProcessBus, type InProcessBusOptions } from "./in-process";
export { createAmqpBus, type AmqpBusOptions } from "./amqp";
export { openMessageBus } from "./open";
