/**
 * The router's side of the development explorer: which requests get the page, which stay the
 * API's, what is served from the build folder, and that production serves none of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedLogger, startRouterOver, startSubgraphs, type Subgraphs } from "./support";

const built = mkdtempSync(path.join(tmpdir(), "router-explorer-"));
mkdirSync(path.join(built, "assets"));
writeFileSync(
  path.join(built, "index.html"),
  '<!doctype html><script src="/explorer/assets/app.js"></script>',
);
writeFileSync(path.join(built, "assets/app.js"), "console.log('explorer')");
writeFileSync(path.join(tmpdir(), "router-explorer-secret.txt"), "outside the build");
const missing = path.join(built, "not-built");

let subgraphs: Subgraphs;
let development: Awaited<ReturnType<typeof startRouterOver>>;
let unbuilt: Awaited<ReturnType<typeof startRouterOver>>;
let production: Awaited<ReturnType<typeof startRouterOver>>;
const unbuiltLog = capturedLogger();

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  development = await startRouterOver(subgraphs.list, { EXPLORER_DIR: built });
  unbuilt = await startRouterOver(subgraphs.list, { EXPLORER_DIR: missing }, unbuiltLog.log);
  production = await startRouterOver(subgraphs.list, { EXPLORER_DIR: built, NODE_ENV: "production" });
});
afterAll(async () => {
  await Promise.all([development?.stop(), unbuilt?.stop(), production?.stop()]);
  await subgraphs?.stop();
  rmSync(built, { recursive: true, force: true });
});

const browser = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("graph explorer", () => {
  it("answers a browser's visit to the GraphQL path with the page, and only that", async () => {
    const visit = await fetch(development.url, { headers: browser });
    expect(visit.status).toBe(200);
    expect(visit.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await visit.text()).toContain("/explorer/assets/app.js");

    // An operation in the URL, or a client that does not ask for HTML, is the API's.
    const query = new URL(development.url);
    query.searchParams.set("query", "{ __typename }");
    const withQuery = await fetch(query, { headers: { ...browser, "apollo-require-preflight": "1" } });
    expect(withQuery.headers.get("content-type")).toMatch(/json/);
    expect(await withQuery.json()).toEqual({ data: { __typename: "Query" } });
    const api = await fetch(development.url, { headers: { accept: "application/json" } });
    expect(api.headers.get("content-type")).toMatch(/json/);
    const post = await fetch(development.url, {
      method: "POST",
      headers: { ...browser, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await post.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("serves the build's assets and nothing outside it", async () => {
    const asset = await fetch(new URL("/explorer/assets/app.js", development.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    for (const escape of [
      "/explorer/../router-explorer-secret.txt",
      "/explorer/%2e%2e/router-explorer-secret.txt",
    ]) {
      const reply = await fetch(new URL(escape, development.url));
      expect(await reply.text()).not.toContain("outside the build");
    }
    expect((await fetch(new URL("/explorer/assets/none.js", development.url))).status).toBe(404);
  });

  it("without a build, leaves the visit to the API and says in the log how to build it", async () => {
    const visit = await fetch(unbuilt.url, { headers: browser });
    expect(visit.headers.get("content-type")).toMatch(/json/);
    expect(unbuiltLog.lines.some((line) => String(line.msg).startsWith("graph explorer not built"))).toBe(
      true,
    );
  });

  it("is never served in production", async () => {
    const visit = await fetch(production.url, { headers: browser });
    expect(visit.headers.get("content-type")).toMatch(/json/);
    expect(await visit.text()).not.toContain("<script");
    expect((await fetch(new URL("/explorer/assets/app.js", production.url))).status).toBe(404);
  });
});
