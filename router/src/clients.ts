import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import path from "node:path";
import type { Logger } from "@storefront/platform/logger";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { z } from "zod";
import {
  ConfigFileError,
  loadManifest,
  validateManifest,
  type PersistedManifest,
} from "./persisted/manifest";
import type { CostBudget } from "./protection/cost-budget";
import { RouterErrorCode } from "./errors";

/** The header a partner (or any keyed client) sends its API key in. */
export const API_KEY_HEADER = "x-api-key";

/**
 * The clients file (`CLIENTS_FILE`): who may call with an API key. Only the SHA-256 of each key is
 * stored, so the file can sit in a config map; the key itself is handed to the client once.
 */
const clientsFileFormat = z.object({
  clients: z
    .array(
      z.object({
        name: z.string().regex(/^[\w.-]{1,64}$/, "must be 1–64 letters, digits, '.', '_' or '-'"),
        apiKeySha256: z.string().regex(/^[0-9a-f]{64}$/, "must be the lowercase hex SHA-256 of the key"),
        /** A safelisted client may run only the operations of its manifest. */
        safelisted: z.boolean(),
        /** `schema/persisted/<manifest>.json`; required when safelisted. */
        manifest: z
          .string()
          .regex(/^[\w.-]+$/, "must be a manifest file name without .json")
          .optional(),
        /** Overrides RATE_LIMIT_PER_MINUTE for this client; 0 means unlimited. */
        rateLimitPerMinute: z.number().int().min(0).optional(),
        /**
         * Points of estimated cost this client may spend: a bucket of `maximumAvailable` that
         * refills at `restoreRatePerSecond`; no budget when absent.
         */
        costBudget: z
          .object({
            maximumAvailable: z.number().int().positive(),
            restoreRatePerSecond: z.number().positive(),
          })
          .strict()
          .optional(),
        /**
         * The key ships inside an app (a browser bundle, a mobile binary): it names the app but
         * anyone can copy it, so budgets are counted per signed-in user or address, not per key.
         */
        public: z.boolean().default(false),
      }),
    )
    .superRefine((clients, ctx) => {
      const names = new Set<string>();
      const keys = new Set<string>();
      clients.forEach((client, i) => {
        if (names.has(client.name))
          ctx.addIssue({ code: "custom", path: [i, "name"], message: "duplicate name" });
        if (keys.has(client.apiKeySha256)) {
          ctx.addIssue({ code: "custom", path: [i, "apiKeySha256"], message: "duplicate key" });
        }
        if (client.safelisted && !client.manifest) {
          ctx.addIssue({
            code: "custom",
            path: [i, "manifest"],
            message: "a safelisted client needs a manifest",
          });
        }
        names.add(client.name);
        keys.add(client.apiKeySha256);
      });
    }),
});
export type ClientDefinition = z.infer<typeof clientsFileFormat>["clients"][number];

/** A configured client with its manifest loaded. */
export interface RouterClient {
  name: string;
  apiKeySha256: string;
  safelisted: boolean;
  manifest: PersistedManifest | undefined;
  rateLimitPerMinute: number | undefined;
  costBudget: CostBudget | undefined;
  /** Rate limits count per caller (user or address) instead of per client. */
  public: boolean;
}

/** Reads and checks a clients file; every problem is listed, prefixed with where it is. */
export function readClientsFile(file: string): ClientDefinition[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigFileError([`${file}: ${(error as Error).message}`]);
  }
  const result = clientsFileFormat.safeParse(json);
  if (!result.success) {
    throw new ConfigFileError(
      result.error.issues.map((issue) => `${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  return result.data.clients;
}

/** Loads each client's manifest from `manifestDir`, collecting every problem before failing. */
export function resolveClients(definitions: ClientDefinition[], manifestDir: string): RouterClient[] {
  const problems: string[] = [];
  const manifests = new Map<string, PersistedManifest>();
  const clients = definitions.map((definition): RouterClient => {
    let manifest: PersistedManifest | undefined;
    if (definition.manifest) {
      manifest = manifests.get(definition.manifest);
      if (!manifest) {
        try {
          manifest = loadManifest(manifestDir, definition.manifest);
          manifests.set(definition.manifest, manifest);
        } catch (error) {
          if (!(error instanceof ConfigFileError)) throw error;
          problems.push(...error.problems);
        }
      }
    }
    return {
      name: definition.name,
      apiKeySha256: definition.apiKeySha256,
      safelisted: definition.safelisted,
      manifest,
      rateLimitPerMinute: definition.rateLimitPerMinute,
      costBudget: definition.costBudget,
      public: definition.public,
    };
  });
  if (problems.length) throw new ConfigFileError(problems);
  return clients;
}

export function invalidApiKey(): GraphQLError {
  return new GraphQLError("The API key is not valid.", {
    extensions: { code: RouterErrorCode.INVALID_API_KEY, http: { status: 401 } },
  });
}

/**
 * Finds the client an API key belongs to. The presented key is hashed and compared with every
 * configured hash in constant time, without stopping at a match, so timing tells nothing.
 * `replace` swaps the whole set at once (a reloaded clients file): a request sees the old set or
 * the new one, never a mix.
 */
export function createClientRegistry(initial: RouterClient[]) {
  const entriesOf = (clients: RouterClient[]) =>
    clients.map((client) => ({ client, digest: Buffer.from(client.apiKeySha256, "hex") }));
  let current = { clients: initial, entries: entriesOf(initial) };
  return {
    get clients(): RouterClient[] {
      return current.clients;
    },
    replace(clients: RouterClient[]): void {
      current = { clients, entries: entriesOf(clients) };
    },
    identify(apiKey: string): RouterClient | undefined {
      const presented = createHash("sha256").update(apiKey, "utf8").digest();
      let found: RouterClient | undefined;
      for (const entry of current.entries) {
        if (timingSafeEqual(presented, entry.digest) && !found) found = entry.client;
      }
      return found;
    },
  };
}
export type ClientRegistry = ReturnType<typeof createClientRegistry>;

/** The manifests the clients use, each once. */
export const manifestsOf = (clients: RouterClient[]): PersistedManifest[] => [
  ...new Set(clients.flatMap((client) => (client.manifest ? [client.manifest] : []))),
];

/** Where the clients were read from, so that they can be read again. */
export interface ClientsSource {
  file: string;
  manifestDir: string;
}

/**
 * Reloads the clients and their manifests when the clients file or a manifest it names changes,
 * so a partner is onboarded (or a key revoked) without a restart. The new set replaces the current
 * one only whole and sound: a file that does not parse, breaks the format, names a missing manifest,
 * or holds an operation the served graph cannot run leaves the current set in place, and the log
 * says why.
 */
export function watchClients(
  source: ClientsSource,
  registry: ClientRegistry,
  options: { log: Logger; apiSchema: () => GraphQLSchema | undefined; intervalMs?: number },
): { reload(): void; close(): void } {
  const { log } = options;
  const interval = options.intervalMs ?? 250;
  const watched = new Set<string>();
  let lastProblems = "";
  const fingerprint = () =>
    [source.file, ...watched].map((file) => {
      try {
        return readFileSync(file, "utf8");
      } catch {
        return "";
      }
    });
  let seen = "";

  const watch = (files: string[]) => {
    for (const file of watched) if (!files.includes(file)) unwatchFile(file, onChange);
    for (const file of files) if (!watched.has(file)) watchFile(file, { interval }, onChange);
    watched.clear();
    for (const file of files) watched.add(file);
  };

  const reload = () => {
    let clients: RouterClient[];
    try {
      clients = resolveClients(readClientsFile(source.file), source.manifestDir);
      const schema = options.apiSchema();
      const problems = schema ? manifestsOf(clients).flatMap((m) => validateManifest(m, schema)) : [];
      if (problems.length) throw new ConfigFileError(problems);
    } catch (error) {
      // Runs in a file watcher: anything thrown here would end the process, so every failure,
      // expected or not, keeps the current clients.
      const list = error instanceof ConfigFileError ? error.problems : [(error as Error).message];
      const problems = list.join("\n");
      // A file saved twice with the same mistake is reported once.
      if (problems !== lastProblems) {
        log.error(
          { file: source.file, problems: list },
          "clients file or manifest rejected; keeping the current clients",
        );
      }
      lastProblems = problems;
      // A manifest the new file names is watched even so: fixing it must be picked up too.
      watch([...watched, ...manifestFilesNamed(source)]);
      return;
    }
    lastProblems = "";
    registry.replace(clients);
    watch(manifestsOf(clients).map((manifest) => manifest.file));
    log.info({ file: source.file, clients: clients.map((client) => client.name) }, "clients reloaded");
  };

  function onChange() {
    const next = fingerprint().join("\0");
    if (next === seen) return;
    seen = next;
    reload();
  }

  watchFile(source.file, { interval }, onChange);
  watch(manifestsOf(registry.clients).map((manifest) => manifest.file));
  seen = fingerprint().join("\0");
  return {
    reload,
    close() {
      unwatchFile(source.file, onChange);
      for (const file of watched) unwatchFile(file, onChange);
      watched.clear();
    },
  };
}

/** The manifest files a clients file names, read leniently (it may be the broken one). */
function manifestFilesNamed(source: ClientsSource): string[] {
  try {
    const json = JSON.parse(readFileSync(source.file, "utf8")) as { clients?: { manifest?: unknown }[] };
    return (json.clients ?? []).flatMap((client) =>
      typeof client.manifest === "string" && /^[\w.-]+$/.test(client.manifest)
        ? [path.join(source.manifestDir, `${client.manifest}.json`)]
        : [],
    );
  } catch {
    return [];
  }
}
