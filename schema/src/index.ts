import { readFileSync } from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

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

const supergraphConfig = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string(),
    z.object({ routing_url: z.string().url(), schema: z.object({ file: z.string() }) }),
  ),
});

/** The repository root: supergraph.yaml lives there. */
export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const supergraphPath = path.join(repoRoot, "schema/supergraph.graphql");

/** Reads supergraph.yaml (rover's format); schema file paths are relative to it. */
export function readSupergraphConfig(configPath = path.join(repoRoot, "supergraph.yaml")): SubgraphSource[] {
  const config = supergraphConfig.parse(parseYaml(readFileSync(configPath, "utf8")));
  const base = path.dirname(configPath);
  return Object.entries(config.subgraphs).map(([name, entry]) => ({
    name,
    url: entry.routing_url,
    sdl: readFileSync(path.resolve(base, entry.schema.file), "utf8"),
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
