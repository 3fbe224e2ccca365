/**
 * `npm run persisted`: the web client's trusted documents, `schema/persisted/web.json`, in the
 * `apollo-persisted-query-manifest` format (version 1, id = SHA-256 of the body). The bodies are
 * what Apollo Client sends for each operation (its document transforms applied, e.g. `__typename`),
 * and the router runs them when the production build calls an operation by id.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { generatePersistedQueryManifest } from "@apollo/generate-persisted-query-manifest";
import { format, resolveConfig } from "prettier";
import { manifestPath } from "../vite.config";

const webRoot = path.resolve(import.meta.dirname, "..");

/**
 * The generator runs every operation through an ApolloClient of its own, made without an incremental
 * handler, and such a client refuses `@defer` (ProductPage's reviews). The web's client has
 * Defer20220824Handler, whose only part in a request is the Accept header — the operation's text is
 * unchanged — so while the generator runs, the default handler lets `@defer` through as it is.
 * (The generator loads Apollo Client's CommonJS build: the handler is patched there.)
 */
async function withDeferAccepted<T>(run: () => Promise<T>): Promise<T> {
  const generator = createRequire(import.meta.url).resolve("@apollo/generate-persisted-query-manifest");
  const { NotImplementedHandler } = createRequire(generator)("@apollo/client/incremental") as {
    NotImplementedHandler: { prototype: { prepareRequest(request: unknown): unknown } };
  };
  const refuse = Object.getOwnPropertyDescriptor(NotImplementedHandler.prototype, "prepareRequest")!;
  NotImplementedHandler.prototype.prepareRequest = (request) => request;
  try {
    return await run();
  } finally {
    Object.defineProperty(NotImplementedHandler.prototype, "prepareRequest", refuse);
  }
}

export async function renderManifest(): Promise<string> {
  const manifest = await withDeferAccepted(() =>
    generatePersistedQueryManifest(
      {
        documents: [
          path.relative(process.cwd(), path.join(webRoot, "src/graphql/**/*.graphql")),
          `!${path.relative(process.cwd(), path.join(webRoot, "src/graphql/generated/**"))}`,
        ],
      },
      import.meta.filename,
    ),
  );
  const options = (await resolveConfig(manifestPath)) ?? {};
  return format(JSON.stringify(manifest, null, 2), { ...options, filepath: manifestPath });
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = values.out ? path.resolve(values.out) : manifestPath;
  writeFileSync(out, await renderManifest());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}\n`);
}
