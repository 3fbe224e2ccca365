import { defineConfig, mergeConfig } from "vitest/config";
import { workspaceTestConfig } from "../vitest.shared.ts";

// Browser flows start a whole platform per file: give them time. The production build is made
// once for the run (global setup) and served by each file.
export default mergeConfig(
  workspaceTestConfig(import.meta.dirname, { testTimeout: 120_000 }),
  defineConfig({ test: { globalSetup: ["test/support/global-setup.ts"], hookTimeout: 180_000 } }),
);
