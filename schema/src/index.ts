import { readFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { buildASTSchema, buildSchema, findBreakingChanges, parse, printSchema } from "graphql";
import { z } from "zod";
import { subgraphList, subgraphUrl } from "@storefront/contracts/topology";

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  override name = "CompositionError";
  constructor(readonly problems: string[]) {
    super(`Composition failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const supergraphPath = path.join(repoRoot, "schema/supergraph.graphql");

/**
 * The subgraphs the supergraph is composed of: the topology's (packages/contracts/src/topology.ts),
 * each with its SDL file and its routing URL on this host (SUBGRAPH_URLS moves them at the router).
 */
export function readSupergraphConfig(): SubgraphSource[] {
  return subgraphList.map((subgraph) => ({
    name: subgraph.name,
    url: subgraphUrl(subgraph.name),
    sdl: readFileSync(path.join(repoRoot, subgraph.schemaFile), "utf8"),
  }));
}

/** Composes subgraphs into a supergraph SDL, or throws CompositionError with every problem. */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}

/** The router answers `@defer` (incremental delivery), so the graph it serves declares it. */
const DEFER_DIRECTIVE_SDL =
  "directive @defer(label: String, if: Boolean! = true) on FRAGMENT_SPREAD | INLINE_FRAGMENT";

/**
 * The public graph a supergraph serves, as the router serves it: its API schema, without
 * `@inaccessible` elements and federation machinery, with `@defer`. Rebuilt from printed SDL so
 * the result belongs to the caller's copy of graphql-js.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  const ast = Supergraph.build(supergraphSdl).apiSchema().toAST();
  return printSchema(
    buildASTSchema({ ...ast, definitions: [...ast.definitions, ...parse(DEFER_DIRECTIVE_SDL).definitions] }),
  );
}

export const baselineDir = path.join(repoRoot, "schema/baseline");
/** The public API as last released; `npm run schema:baseline` writes it. */
export const baselinePath = path.join(baselineDir, "api.graphql");
/** Breaking changes made on purpose since the baseline, each with the reason clients were told. */
export const declaredChangesPath = path.join(baselineDir, "declared-breaking-changes.json");

const declaredChanges = z.object({
  changes: z.array(z.object({ description: z.string().min(1), reason: z.string().min(1) })),
});

/**
 * Breaking changes of the current API against the baseline (graphql-js's own check: removed
 * types and fields, changed argument and field types …) that are not declared in
 * `declared-breaking-changes.json`; empty when clients built on the baseline keep working.
 */
export function undeclaredBreakingChanges(
  baselineSdl: string,
  currentApiSdl: string,
  declared: string = readFileSync(declaredChangesPath, "utf8"),
): string[] {
  const allowed = new Set(declaredChanges.parse(JSON.parse(declared)).changes.map((c) => c.description));
  return findBreakingChanges(buildSchema(baselineSdl), buildSchema(currentApiSdl))
    .map((change) => `${change.type}: ${change.description}`)
    .filter((line) => !allowed.has(line.slice(line.indexOf(": ") + 2)));
}
