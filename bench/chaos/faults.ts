/**
 * The faults a chaos run injects: the broker restarted in place, a service process SIGKILLed and
 * started again on its ports and database.
 */
import { execFile } from "node:child_process";
import net from "node:net";
import { promisify } from "node:util";
import { waitFor } from "@storefront/testkit";
import type { ChaosPlatform, ServiceName } from "./platform";

const run = promisify(execFile);

/** Set while this run has the broker's application stopped, so a cleanup can start it again. */
let brokerStopped = false;

function rabbitmqctl(...args: string[]) {
  return run("rabbitmqctl", args, { timeout: 120_000 });
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `rabbitmqctl stop_app` / `start_app`: the node keeps running, every connection drops, durable
 * (quorum) queues and their messages survive. Done once AMQP accepts again and the node says it
 * has finished starting.
 */
export async function restartBroker(): Promise<{ downMs: number }> {
  const stoppedAt = Date.now();
  brokerStopped = true;
  await rabbitmqctl("stop_app");
  await rabbitmqctl("start_app");
  await rabbitmqctl("await_startup");
  await waitFor(() => portAccepts(5672), Boolean, 60_000);
  brokerStopped = false;
  return { downMs: Date.now() - stoppedAt };
}

/** Leaves the broker running whatever happened to a restart in progress. */
export async function ensureBrokerStarted(): Promise<void> {
  if (!brokerStopped) return;
  await rabbitmqctl("start_app");
  await rabbitmqctl("await_startup");
  brokerStopped = false;
}

export function crashService(platform: ChaosPlatform, name: ServiceName) {
  return platform.service(name).crashAndRestart();
}
