import { loadShutdownGraceMs } from "./env";
import type { Logger } from "./logger";

/** Signals closer together than this are one request to stop. */
const DUPLICATE_SIGNAL_MS = 1_000;

export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/**
 * Graceful shutdown for a process entry point: on SIGTERM or SIGINT stop every service in
 * reverse start order (each stops taking work, finishes in-flight requests and messages and
 * closes its pools), then exit. A second signal exits at once, and so does a shutdown that is
 * still going when its grace period ends: a request stuck on a database that stopped answering
 * must not keep the process past the moment an orchestrator would kill it anyway, and it says
 * which service was still stopping.
 */
export function stopOnSignals(log: Logger, services: Stoppable[], options: { graceMs?: number } = {}): void {
  const graceMs = options.graceMs ?? loadShutdownGraceMs();
  let stoppingSince: number | undefined;
  const stop = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // One Ctrl-C under `npm start` arrives twice: from the terminal to the whole process
      // group, and forwarded by npm. Only a later one means "stop now".
      if (Date.now() - stoppingSince < DUPLICATE_SIGNAL_MS) return;
      log.warn({ signal }, "second signal, exiting now");
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info({ signal, graceMs }, "shutting down");
    let current = "";
    const deadline = setTimeout(() => {
      log.error({ component: current, graceMs }, "did not stop within the grace period, exiting now");
      process.exit(1);
    }, graceMs);
    deadline.unref();
    let code = 0;
    for (const service of [...services].reverse()) {
      current = service.name;
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
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}
