import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * One vitest setup for every workspace. Results are also written as JSON under
 * `<workspace>/test-results/` so `npm test` can print one total for the whole repo.
 */
export function workspaceTestConfig(workspaceDir: string, overrides: { testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: overrides.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      pool: "forks",
      reporters: ["default", "json"],
      outputFile: { json: path.join(workspaceDir, "test-results", "vitest.json") },
    },
  });
}
