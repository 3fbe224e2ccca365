/**
 * The Kubernetes Deployments, the dev overlay and the Compose file are rendered from the topology
 * before a deployment (git ignores them). The tests read the deployment files as kubectl and
 * Compose would, so they render them first, as `npm run topology -w @storefront/contracts` does.
 * A vitest global setup: it runs once, before any test file reads them.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedFiles } from "@storefront/contracts/topology-files";

const repoRoot = path.resolve(import.meta.dirname, "../..");

export default function renderDeploymentFiles(): void {
  for (const [file, content] of Object.entries(generatedFiles())) {
    const target = path.join(repoRoot, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Written beside and renamed over, so nothing ever reads half a file.
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, content);
    renameSync(partial, target);
  }
}
