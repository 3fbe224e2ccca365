import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { startPeriodicTask } from "./periodic";

const log = pino({ level: "silent" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("periodic tasks", () => {
  it("runs again after a failure, never overlaps, and stop waits for the run in progress", async () => {
    let runs = 0;
    let active = 0;
    let overlapped = false;
    let finished = 0;
    const task = startPeriodicTask({
      name: "test-task",
      intervalMs: 5,
      log,
      task: async () => {
        runs++;
        active++;
        overlapped ||= active > 1;
        await sleep(20);
        active--;
        finished++;
        if (runs === 1) throw new Error("the first run fails");
      },
    });
    await sleep(120);
    await task.stop();
    const afterStop = runs;
    await sleep(50);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapped).toBe(false);
    expect(finished).toBe(runs);
    expect(runs).toBe(afterStop);
  });

  it("goes again at once while the task says more is due", async () => {
    let runs = 0;
    const task = startPeriodicTask({
      name: "test-batches",
      intervalMs: 200,
      log,
      task: () => Promise.resolve(++runs < 5),
    });
    // The first run waits 200 ms and the four after it follow at once; the sixth would wait
    // until 400 ms. Without "more is due" only one run would fit in 300 ms.
    await sleep(300);
    await task.stop();
    expect(runs).toBe(5);
  });
});
