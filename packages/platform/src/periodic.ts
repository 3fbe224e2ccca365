import type { Logger } from "./logger";
import { runInBackground } from "./request-scope";

export interface PeriodicTask {
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, the next run scheduled when one ends so runs never overlap. A
 * failed run is logged and tried again next time; the timer alone never keeps a finished process
 * alive. Used by the sweepers and background jobs of every subgraph (several replicas may run
 * the same task: each task claims its rows so that is safe).
 */
export function startPeriodicTask(options: {
  name: string;
  intervalMs: number;
  log: Logger;
  /** Resolving `true` means more is due at once (a full batch): the next run starts without a pause. */
  task: () => Promise<unknown>;
}): PeriodicTask {
  const log = options.log.child({ component: options.name });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async (): Promise<boolean> => {
    try {
      return (await runInBackground(options.name, options.task)) === true;
    } catch (err) {
      log.error({ err }, `${options.name} failed; trying again next time`);
      return false;
    }
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = run().then((more) => {
        running = undefined;
        if (!stopped) schedule(more ? 0 : options.intervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(options.intervalMs);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
