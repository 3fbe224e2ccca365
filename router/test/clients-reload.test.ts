/**
 * Partner onboarding without a restart: the clients file and the manifests it names are watched;
 * a sound change is served within a second or two, a broken one keeps the current set and is logged.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { waitFor } from "@storefront/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { capturedLogger, codeOf, send, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const dir = mkdtempSync(path.join(tmpdir(), "router-clients-"));
const clientsFile = path.join(dir, "clients.json");
const manifestFile = path.join(dir, "acme.json");

const CATEGORIES = "query AcmeCategories {\n  categories {\n    slug\n    __typename\n  }\n}";
const PRODUCT =
  "query AcmeProduct($slug: String!) {\n  product(slug: $slug) {\n    name\n    __typename\n  }\n}";

function writeManifest(bodies: string[]): void {
  const operations = bodies.map((body) => ({
    id: sha256(body),
    name: /^query (\w+)/.exec(body)![1]!,
    type: "query",
    body,
  }));
  writeFileSync(
    manifestFile,
    JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2),
  );
}

function writeClients(keys: Record<string, string>): void {
  const clients = Object.entries(keys).map(([name, key]) => ({
    name,
    apiKeySha256: sha256(key),
    safelisted: true,
    manifest: "acme",
  }));
  writeFileSync(clientsFile, JSON.stringify({ clients }, null, 2));
}

let subgraphs: Subgraphs;
let router: Awaited<ReturnType<typeof startRouterOver>>;
const captured = capturedLogger();

beforeAll(async () => {
  writeManifest([CATEGORIES]);
  writeClients({ acme: "acme-key-1" });
  subgraphs = await startSubgraphs();
  router = await startRouterOver(
    subgraphs.list,
    { CLIENTS_FILE: clientsFile, PERSISTED_OPERATIONS_DIR: dir },
    captured.log,
  );
});
afterAll(async () => {
  await router?.stop();
  await subgraphs?.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  writeManifest([CATEGORIES]);
  writeClients({ acme: "acme-key-1" });
});

const run = (key: string, body: string, variables?: Record<string, unknown>) =>
  send(
    router.url,
    { documentId: sha256(body), ...(variables ? { variables } : {}) },
    { headers: { "x-api-key": key } },
  );

/** Waits for a log line with this message written after `from` lines. */
const logged = async (message: string, from: number) =>
  (await waitFor(
    () => captured.lines.slice(from).find((line) => line.msg === message),
    (line) => line !== undefined,
    2_000,
  ))!;

describe("clients file reloaded on change", () => {
  it("accepts a key added while the router runs within 2 s, and refuses a removed one", async () => {
    expect(codeOf(await run("acme-key-2", CATEGORIES))).toBe("INVALID_API_KEY");
    writeClients({ acme: "acme-key-1", "acme-second": "acme-key-2" });
    const accepted = await waitFor(
      () => run("acme-key-2", CATEGORIES),
      (reply) => reply.status === 200,
      2_000,
    );
    expect(accepted.body.data?.categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: subgraphs.categorySlug })]),
    );

    writeClients({ "acme-second": "acme-key-2" });
    await waitFor(
      () => run("acme-key-1", CATEGORIES),
      (reply) => codeOf(reply) === "INVALID_API_KEY",
      2_000,
    );
  });

  it("keeps the current keys when the file is not JSON or breaks the format, and logs why", async () => {
    writeClients({ acme: "acme-key-1", beta: "beta-key" });
    await waitFor(
      () => run("beta-key", CATEGORIES),
      (reply) => reply.status === 200,
      2_000,
    );

    let from = captured.lines.length;
    writeFileSync(clientsFile, '{ "clients": [ { "name": "acme", ');
    const notJson = await logged("clients file or manifest rejected; keeping the current clients", from);
    expect(JSON.stringify(notJson)).toContain(clientsFile);
    expect((await run("beta-key", CATEGORIES)).status).toBe(200);
    expect((await run("acme-key-1", CATEGORIES)).status).toBe(200);

    from = captured.lines.length;
    writeFileSync(
      clientsFile,
      JSON.stringify({ clients: [{ name: "acme", apiKeySha256: "not-a-hash", safelisted: true }] }),
    );
    const badFormat = await logged("clients file or manifest rejected; keeping the current clients", from);
    expect((badFormat.problems as string[]).join("\n")).toMatch(
      /apiKeySha256: must be the lowercase hex SHA-256/,
    );
    expect((badFormat.problems as string[]).join("\n")).toMatch(/a safelisted client needs a manifest/);
    expect((await run("beta-key", CATEGORIES)).status).toBe(200);
  });
});

describe("a partner's Apollo Client 4 app", () => {
  it("works within 2 s of its key being added to the clients file", async () => {
    const key = "acme-apollo-key";
    // Apollo Client adds __typename and prints the operation exactly as the manifest holds it,
    // so the hash it sends is the manifest's id.
    const apollo = new ApolloClient({
      link: new PersistedQueryLink({ sha256 }).concat(
        new HttpLink({ uri: router.url, headers: { "x-api-key": key } }),
      ),
      cache: new InMemoryCache(),
    });
    const categories = gql`
      query AcmeCategories {
        categories {
          slug
        }
      }
    `;
    const attempt = () =>
      apollo.query({ query: categories, fetchPolicy: "network-only" }).then(
        (result) => ({ data: result.data as { categories: { slug: string }[] } | undefined }),
        (error: unknown) => ({ error }),
      );
    const before = await attempt();
    expect(JSON.stringify(before)).toContain("INVALID_API_KEY");

    writeClients({ acme: "acme-key-1", "acme-apollo": key });
    const served = await waitFor(attempt, (reply) => "data" in reply && reply.data !== undefined, 2_000);
    expect("data" in served && served.data?.categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: subgraphs.categorySlug })]),
    );
  });
});

describe("manifests reloaded on change", () => {
  it("serves an operation added to a manifest", async () => {
    expect(codeOf(await run("acme-key-1", PRODUCT, { slug: subgraphs.product.slug }))).toBe(
      "OPERATION_NOT_IN_MANIFEST",
    );
    writeManifest([CATEGORIES, PRODUCT]);
    const served = await waitFor(
      () => run("acme-key-1", PRODUCT, { slug: subgraphs.product.slug }),
      (reply) => reply.status === 200,
      2_000,
    );
    expect(served.body.data).toEqual({ product: { name: "Wool blanket", __typename: "Product" } });
  });

  it("keeps the current operations when one added is invalid against the served graph, and logs why", async () => {
    const from = captured.lines.length;
    const invalid = "query AcmeBroken {\n  categories {\n    noSuchField\n  }\n}";
    writeManifest([CATEGORIES, invalid]);
    const rejected = await logged("clients file or manifest rejected; keeping the current clients", from);
    expect((rejected.problems as string[]).join("\n")).toContain(
      'AcmeBroken: Cannot query field "noSuchField" on type "Category".',
    );
    expect(codeOf(await run("acme-key-1", invalid))).toBe("OPERATION_NOT_IN_MANIFEST");
    expect((await run("acme-key-1", CATEGORIES)).status).toBe(200);
  });
});
