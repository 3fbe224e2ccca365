/**
 * `npm run topology -w @storefront/contracts`: writes the files rendered from the topology
 * (src/topology.ts) that cannot read it themselves: the Kubernetes Deployments, the dev overlay
 * and the Compose file. They are git-ignored build outputs: run this before `kubectl apply -k`
 * or `docker compose up`. `--check` only says which are stale or missing; `--table` prints the
 * service table (one row per service) instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generatedFiles, renderServiceTable } from "../src/topology-files";

if (process.argv.includes("--table")) {
  console.log(renderServiceTable());
  process.exit(0);
}
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [file, content] of Object.entries(generatedFiles())) {
  const target = path.join(repoRoot, file);
  let current: string | undefined;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = undefined;
  }
  if (current === content) continue;
  stale.push(file);
  if (check) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}
if (check && stale.length) {
  console.error(`stale or missing (run \`npm run topology -w @storefront/contracts\`): ${stale.join(", ")}`);
  process.exit(1);
}
console.log(
  stale.length ? `${check ? "stale" : "wrote"}: ${stale.join(", ")}` : "all rendered files are current",
);
