import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb } from "../../serve";
import { TEST_API_KEY } from "./keys";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production build every browser test serves (made once per run). */
    webBuildDir: string;
  }
}

/** One production build for all test files: `vite build` with the test key, into a temp folder. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(tmpdir(), "storefront-web-"));
  await buildWeb({ outDir, apiKey: TEST_API_KEY });
  project.provide("webBuildDir", outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
