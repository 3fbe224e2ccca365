import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CompositionError, composeSupergraph, readSupergraphConfig, supergraphPath } from "../src";

describe("supergraph composition", () => {
  it("composes the topology's subgraphs and the committed schema/supergraph.graphql is current", () => {
    const composed = composeSupergraph(readSupergraphConfig());
    // A stale committed supergraph means the router would serve an old graph: run `npm run compose`.
    expect(readFileSync(supergraphPath, "utf8")).toBe(composed);
  });

  it("keeps the subgraphs' @cost and @listSize in the supergraph (the router's cost limit reads them there)", () => {
    const supergraph = readFileSync(supergraphPath, "utf8");
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1"');
    const field = (name: string) => supergraph.split("\n").find((line) => line.startsWith(`  ${name}(`));
    expect(field("checkout")).toContain("@cost(weight: 50)");
    expect(field("myOrders")).toContain(
      '@listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])',
    );
    expect(supergraph).toContain("query: String @cost(weight: 20)");
  });

  it("fails with the composition errors when subgraphs disagree", () => {
    const a = {
      name: "a",
      url: "http://a/graphql",
      sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Thing @key(fields: "id") { id: ID! size: Int }\ntype Query { thing: Thing }',
    };
    const b = {
      name: "b",
      url: "http://b/graphql",
      sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Thing @key(fields: "id") { id: ID! size: String }\ntype Query { other: Thing }',
    };
    expect(() => composeSupergraph([a, b])).toThrow(CompositionError);
    try {
      composeSupergraph([a, b]);
    } catch (error) {
      expect((error as CompositionError).problems.join("\n")).toMatch(/Thing\.size/);
    }
  });
});
