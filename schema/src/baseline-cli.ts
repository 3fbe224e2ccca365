import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { apiSchemaSdl, baselineDir, baselinePath, declaredChangesPath, supergraphPath } from "./index";

/**
 * `npm run schema:baseline`: records the public API of the committed supergraph as the new
 * baseline (at a release), and clears the declared breaking changes it now includes.
 */
mkdirSync(baselineDir, { recursive: true });
writeFileSync(baselinePath, apiSchemaSdl(readFileSync(supergraphPath, "utf8")));
writeFileSync(declaredChangesPath, `${JSON.stringify({ changes: [] }, null, 2)}\n`);
console.log(`wrote ${baselinePath}`);
