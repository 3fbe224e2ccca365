import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * One vitest setup for every workspace. Results are also written as JSON under
 * `<workspace>/test-results/` so `npm test` can print one total for the whole repo.
 */
export function workspaceTestConfig(workspaceDir: string, overrides: { testTimeout?: number } = {}) {
  return defineConfig({
    // Node loads graphql's CommonJS build for every importer (the package has no `exports`, so
    // `main` wins over `module`); vite would hand our sources the ESM build, a second graphql whose
    // classes fail `instanceof` against the first (Apollo's GraphQLError checks). Tests load
    // what production loads.
    resolve: {
      alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
    },
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
