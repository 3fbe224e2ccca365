import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, Kind, parse, print, validate, visit, type FieldNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraph } from "@storefront/contracts/topology";
import { apiSchemaSdl, composeSupergraph, repoRoot } from "@storefront/schema";
import { runLoad } from "../gateway/loadgen";
import { firstDifference, mergeIncrementalParts, multipartParts } from "../gateway/responses";
import { storefrontOperations } from "../gateway/storefront-operations";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Apollo Server's multipart framing (boundary "-"), as the router answers a deferred query. */
const FIRST = `\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n{"data":{"product":{"name":"Kettle"}},"hasNext":true}\r\n---\r\n`;
const LAST = `content-type: application/json; charset=utf-8\r\n\r\n{"incremental":[{"data":{"reviews":{"nodes":[{"body":"a --- b"}]}},"path":["product"],"label":"reviews"}],"hasNext":false}\r\n-----\r\n`;

describe("the load generator's first-part timing", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        void (async () => {
          if (req.url === "/plain") {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(`{"data":{}}`);
            return;
          }
          res.writeHead(200, { "content-type": 'multipart/mixed; boundary="-"; deferSpec=20220824' });
          // The first part in two chunks 100 ms apart, the last part 300 ms after it.
          res.write(FIRST.slice(0, 40));
          await sleep(100);
          res.write(FIRST.slice(40));
          await sleep(300);
          res.end(LAST);
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("times the chunk that completes the first part, apart from the whole answer", async () => {
    const result = await runLoad({
      url: `${url}/graphql`,
      body: "{}",
      connections: 2,
      durationMs: 800,
      headers: { accept: "multipart/mixed;deferSpec=20220824, application/json" },
      firstPart: true,
    });
    expect(result.errors).toBe(0);
    expect(result.requests).toBeGreaterThan(0);
    expect(result.firstPartMs!.p50).toBeGreaterThanOrEqual(100);
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(400);
    expect(result.firstPartMs!.p50).toBeLessThan(result.latencyMs.p50 - 150);
  });

  it("counts an answer that is not multipart as a failure when the first part is asked for", async () => {
    const result = await runLoad({
      url: `${url}/plain`,
      body: "{}",
      connections: 1,
      durationMs: 100,
      firstPart: true,
    });
    expect(result.requests).toBe(0);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.firstError).toMatch(/^not multipart \(application\/json\)/);
  });

  it("gives no first-part figures unless asked", async () => {
    const result = await runLoad({ url: `${url}/plain`, body: "{}", connections: 1, durationMs: 100 });
    expect(result.errors).toBe(0);
    expect(result.firstPartMs).toBeUndefined();
  });
});

describe("an incremental answer put back together", () => {
  it("splits Apollo Server's parts and merges the deferred data at its path", () => {
    const parts = multipartParts('multipart/mixed; boundary="-"; deferSpec=20220824', FIRST + LAST)!;
    expect(parts).toHaveLength(2);
    expect(mergeIncrementalParts(parts)).toEqual({
      data: { product: { name: "Kettle", reviews: { nodes: [{ body: "a --- b" }] } } },
    });
  });

  it("is not multipart when the content type is not", () => {
    expect(multipartParts("application/json", `{"data":{}}`)).toBeUndefined();
  });

  it("refuses parts whose last one announces more", () => {
    const unfinished = multipartParts(
      'multipart/mixed; boundary="-"',
      FIRST + LAST.replace(`"hasNext":false`, `"hasNext":true`),
    )!;
    expect(() => mergeIncrementalParts(unfinished)).toThrow(/hasNext: false/);
  });

  it("names the first path where two answers differ", () => {
    expect(firstDifference({ data: { a: [1, 2] } }, { data: { a: [1, 3] } })).toBe("$.data.a.1: 2 ≠ 3");
    expect(firstDifference({ data: { a: 1, b: 2 } }, { data: { b: 2, a: 1 } })).toBeUndefined();
  });
});

describe("the storefront operations", () => {
  const operations = storefrontOperations();
  const supergraph = composeSupergraph(
    ["users", "catalogue"].map((name) => ({
      name,
      url: `http://localhost/${name}`,
      sdl: readFileSync(path.join(repoRoot, subgraph(name).schemaFile), "utf8"),
    })),
  );
  const api = buildSchema(apiSchemaSdl(supergraph));
  const directives = (query: string) => {
    const names: string[] = [];
    visit(parse(query), { Directive: (directive) => void names.push(print(directive)) });
    return names;
  };
  const productSelections = (query: string) => {
    const definition = parse(query).definitions[0]!;
    if (definition.kind !== Kind.OPERATION_DEFINITION) throw new Error("not an operation");
    const product = definition.selectionSet.selections[0] as FieldNode;
    return product.selectionSet!.selections;
  };

  it("are valid against the users and catalogue supergraph's API", () => {
    for (const query of [operations.productPage, operations.productPageDeferred, operations.search])
      expect(validate(api, parse(query))).toEqual([]);
  });

  it("productPage has its first page of reviews with author names, nothing deferred", () => {
    expect(directives(operations.productPage)).toEqual([]);
    const reviews = productSelections(operations.productPage).find(
      (selection) => selection.kind === Kind.FIELD && selection.name.value === "reviews",
    );
    expect(reviews && print(reviews)).toMatch(/^reviews\(first: 5\) \{\s+nodes \{\s+\.\.\.ReviewFields/);
    expect(operations.productPage).toMatch(/author \{\s+id\s+name\s+\}/);
  });

  it('productPageDeferred is the same page with only its reviews in @defer(label: "reviews")', () => {
    expect(directives(operations.productPageDeferred)).toEqual(['@defer(label: "reviews")']);
    const selections = productSelections(operations.productPageDeferred);
    const deferred = selections.at(-1)!;
    expect(deferred.kind).toBe(Kind.INLINE_FRAGMENT);
    const plain = productSelections(operations.productPage);
    expect(selections.slice(0, -1).map((s) => print(s))).toEqual(plain.slice(0, -1).map((s) => print(s)));
    expect(deferred.kind === Kind.INLINE_FRAGMENT && print(deferred.selectionSet)).toBe(
      `{\n  ${print(plain.at(-1)!).replace(/\n/g, "\n  ")}\n}`,
    );
  });

  it("search is the web's SearchProducts", () => {
    const web = readFileSync(path.join(repoRoot, "web/src/graphql/catalogue/SearchProducts.graphql"), "utf8");
    expect(print(parse(operations.search).definitions[0]!)).toBe(print(parse(web).definitions[0]!));
  });
});
