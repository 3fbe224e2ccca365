import { mergeConfig } from "vitest/config";
import { workspaceTestConfig } from "../vitest.shared.ts";

// The deployment files rendered from the topology are written before any test reads them.
export default mergeConfig(workspaceTestConfig(import.meta.dirname), {
  test: { globalSetup: ["test/render.ts"] },
});
