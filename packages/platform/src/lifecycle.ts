import type { Logger } from "./logger";

export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/**
 * Graceful shutdown for a process entry point: on SIGTERM or SIGINT stop every service in
 * reverse start order (each stops taking work, finishes in-flight requests and messages and
 * closes its pools), then exit. A second signal exits at once.
 */
export function stopOnSignals(log: Logger, services: Stoppable[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, "second signal, exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "shutting down");
    let code = 0;
    for (const service of [...services].reverse()) {
      try {
        await service.stop();
        log.info({ component: service.name }, "stopped");
      } catch (error) {
        code = 1;
        log.error({ err: error, component: service.name }, "failed to stop cleanly");
      }
    }
    process.exit(code);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}
