/**
 * The shared enumerations (src/enums.ts) against every other place that spells them: each SDL enum
 * of the same name (the subgraphs' schemas and the composed supergraph) and each PostgreSQL enum
 * type the subgraphs' migrations create for them. The pgEnums and the events' zod schemas take
 * their values from src/enums.ts; the SDL and the migrations are text, so they are checked here.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Kind, parse, print, visit } from "graphql";
import { describe, expect, it } from "vitest";
import { sharedEnums } from "../src/enums";
import { subgraphList } from "../src/topology";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

/** Every enum an SDL document declares, by name, with its values in the order written. */
function sdlEnums(sdl: string): Map<string, string[]> {
  const enums = new Map<string, string[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    enums.set(
      definition.name.value,
      (definition.values ?? []).map((value) => value.name.value),
    );
  }
  return enums;
}

/** Where an SDL's enums of a shared name differ from src/enums.ts (values compared as sets). */
function sdlMismatches(source: string, sdl: string): string[] {
  const found: string[] = [];
  for (const [name, values] of sdlEnums(sdl)) {
    const shared = (sharedEnums as Record<string, readonly string[]>)[name];
    if (!shared) continue;
    const expected = [...shared].sort().join(", ");
    const actual = [...values].sort().join(", ");
    if (actual !== expected || new Set(values).size !== values.length)
      found.push(`${source}: enum ${name} has ${actual}, contracts declare ${expected}`);
  }
  return found;
}

/** The PostgreSQL type of a shared enum: its SDL name in snake_case (OrderStatus → order_status). */
const pgTypeName = (sdlName: string) => sdlName.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase();

/** The enum types of a subgraph's database as its latest migration leaves them (drizzle's snapshot). */
function migratedEnums(subgraph: string): Map<string, string[]> {
  const meta = path.join(repoRoot, "subgraphs", subgraph, "src/db/migrations/meta");
  const enums = new Map<string, string[]>();
  if (!existsSync(meta)) return enums;
  const journal = JSON.parse(readFileSync(path.join(meta, "_journal.json"), "utf8")) as {
    entries: { idx: number }[];
  };
  const last = journal.entries.at(-1);
  if (!last) return enums;
  const snapshot = JSON.parse(
    readFileSync(path.join(meta, `${String(last.idx).padStart(4, "0")}_snapshot.json`), "utf8"),
  ) as { enums: Record<string, { name: string; values: string[] }> };
  for (const type of Object.values(snapshot.enums)) enums.set(type.name, type.values);
  return enums;
}

const subgraphSdls = subgraphList.map((s) => ({ source: s.schemaFile, sdl: read(s.schemaFile) }));
const supergraph = { source: "schema/supergraph.graphql", sdl: read("schema/supergraph.graphql") };

describe("shared enums", () => {
  it("are each declared by some subgraph's SDL and by the supergraph", () => {
    for (const name of Object.keys(sharedEnums)) {
      expect(
        subgraphSdls.some(({ sdl }) => sdlEnums(sdl).has(name)),
        `no subgraph declares enum ${name}`,
      ).toBe(true);
      expect(sdlEnums(supergraph.sdl).has(name), `the supergraph has no enum ${name}`).toBe(true);
    }
  });

  it("have exactly their contract's values in every SDL enum of the same name", () => {
    expect([...subgraphSdls, supergraph].flatMap(({ source, sdl }) => sdlMismatches(source, sdl))).toEqual(
      [],
    );
  });

  it("would fail on an SDL enum with a value more or less than the contract's", () => {
    const orders = subgraphSdls.find(({ source }) => source.includes("/orders/"))!;
    const editOrderStatus = (edit: (values: string[]) => string[]) =>
      print(
        visit(parse(orders.sdl), {
          EnumTypeDefinition(node) {
            if (node.name.value !== "OrderStatus") return undefined;
            const names = edit((node.values ?? []).map((value) => value.name.value));
            return {
              ...node,
              values: names.map((value) => ({
                kind: Kind.ENUM_VALUE_DEFINITION,
                name: { kind: Kind.NAME, value },
              })),
            };
          },
        }),
      );
    const added = editOrderStatus((values) => [...values, "RETURNED"]);
    const dropped = editOrderStatus((values) => values.filter((value) => value !== "DELIVERED"));
    expect(
      sdlMismatches(
        "orders",
        editOrderStatus((values) => values.reverse()),
      ),
    ).toEqual([]);
    expect(sdlMismatches("orders", added)).toHaveLength(1);
    expect(sdlMismatches("orders", dropped)).toHaveLength(1);
  });

  it("are the PostgreSQL enum types the migrations create, value for value and in order", () => {
    const migrated = subgraphList.map((s) => ({ subgraph: s.name, enums: migratedEnums(s.name) }));
    for (const [name, values] of Object.entries(sharedEnums)) {
      const type = pgTypeName(name);
      const owners = migrated.filter(({ enums }) => enums.has(type));
      expect(owners.length, `no migration creates the type ${type} (${name})`).toBeGreaterThan(0);
      for (const { subgraph, enums } of owners)
        expect(enums.get(type), `${subgraph}'s ${type}`).toEqual([...values]);
    }
  });
});
