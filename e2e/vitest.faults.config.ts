import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Fault tests take shared services away (they stop RabbitMQ), so they run one file at a time
 * after every other test, never alongside them. `npm test` runs them last.
 */
export default defineConfig({
  test: {
    include: ["faults/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: path.join(import.meta.dirname, "test-results", "faults.json") },
  },
});
