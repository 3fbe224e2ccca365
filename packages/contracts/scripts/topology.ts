/**
 * `npm run topology -w @storefront/contracts`: writes the files rendered from the topology
 * (src/topology.ts) that cannot read it themselves: the Kubernetes Deployments, the dev overlay,
 * the Compose file and the README's service table. `--check` only says which are stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedFiles } from "../src/topology-files";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const check = process.argv.includes("--check");
const files = generatedFiles(readFileSync(path.join(repoRoot, "README.md"), "utf8"));
const stale: string[] = [];
for (const [file, content] of Object.entries(files)) {
  const target = path.join(repoRoot, file);
  let current: string | undefined;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  stale.push(file);
  if (!check) writeFileSync(target, content);
}
if (check && stale.length) {
  console.error(`stale (run \`npm run topology -w @storefront/contracts\`): ${stale.join(", ")}`);
  process.exit(1);
}
console.log(
  stale.length ? `${check ? "stale" : "wrote"}: ${stale.join(", ")}` : "all generated files are current",
);
