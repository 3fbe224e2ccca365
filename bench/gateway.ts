/**
 * Gateway benchmark: the project's router against stock @apollo/gateway (the baseline) and Hive
 * Gateway, on the four subgraphs of the public federation gateway benchmarks (accounts,
 * inventory, products, reviews; bench/gateway/subgraphs), composed once into one supergraph file
 * that every gateway is given.
 *
 *   npm run gateway -w @storefront/bench -- [--duration 10] [--rounds 3] [--connections 50]
 *                                          [--warmup 5] [--only router,apollo,hive]
 *                                          [--profile <dir>]
 *
 * Every subgraph, every gateway and the load generator (gateway/loadgen.ts) runs in a process of
 * its own, with NODE_ENV=production. Two operations: `deep` (the public benchmarks' nested
 * users/topProducts → reviews → author → reviews → product query, with `me`, about 60 KB of
 * answer, fetching from all four subgraphs, with @requires and @provides) and `passthrough` (a
 * products-only query, also sent to the products subgraph directly, so each gateway's own cost
 * shows as a ratio to no gateway at all). Before anything is measured every target must return
 * the same answer to each operation (deep-equal), or the run stops.
 *
 * Then each round sends each operation to each gateway for `--duration` seconds over
 * `--connections` keep-alive connections, the gateways' order rotated from round to round so
 * none always goes first, after one unrecorded warm-up of `--warmup` seconds each. Per round:
 * requests per second, latency p50/p97.5/p99, CPU milliseconds per request of the gateway's
 * process tree (/proc utime+stime, before and after) and its RSS after the round. The tables
 * show medians over rounds, each also as a ratio to @apollo/gateway.
 *
 * The router runs as in production (router/src/main.ts, configured by its environment only):
 * SUPERGRAPH_PATH points it at the demo supergraph; RATE_LIMIT_PER_MINUTE=0 (its 600 operations
 * per client per minute would refuse the load generator within a second) and MAX_COST raised
 * (the deep query's estimated cost with unbounded lists is far above the default 10,000); its
 * depth, alias and token limits hold for these operations as they are. JWKS_URL points at an
 * empty identity provider in this process (gateway/identity.ts), whose revocation feed the router
 * polls as it would the users subgraph's. It and Hive Gateway log at warn level; stock
 * @apollo/gateway logs nothing per request either.
 *
 * The machine must be otherwise idle for figures worth comparing: the load generator, the
 * subgraphs and the gateway under test share its cores.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { freePort, waitFor } from "@storefront/testkit";
import type { LoadCommand, LoadResult } from "./gateway/loadgen";
import { startEmptyIdentityProvider } from "./gateway/identity";
import { cpuMilliseconds, residentBytes } from "./gateway/proc";
import { SUBGRAPH_NAMES, type SubgraphName } from "./gateway/subgraphs/index";
import { composeDemoSupergraph } from "./gateway/supergraph";

const repoRoot = path.resolve(import.meta.dirname, "..");

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
const DURATION_MS = Number(option("duration", "10")) * 1000;
const ROUNDS = Number(option("rounds", "3"));
const CONNECTIONS = Number(option("connections", "50"));
const WARMUP_MS = Number(option("warmup", "5")) * 1000;
const GATEWAYS = ["apollo", "hive", "router"] as const;
type GatewayName = (typeof GATEWAYS)[number];
const ONLY = option("only", GATEWAYS.join(",")).split(",");
/** Where the router writes a CPU profile of the whole run (node --cpu-prof), when given. */
const PROFILE_DIR = option("profile", "");
const unknownGateways = ONLY.filter((name) => !(GATEWAYS as readonly string[]).includes(name));
if (unknownGateways.length || ![DURATION_MS, ROUNDS, CONNECTIONS].every((n) => n > 0)) {
  process.stderr.write(
    `unknown gateway ${unknownGateways.join(", ")} or bad option; --only takes ${GATEWAYS.join(",")}\n`,
  );
  process.exit(2);
}

const DEEP_QUERY = `
fragment UserFields on User { id username name }
fragment ReviewFields on Review { id body }
fragment ProductFields on Product { upc name price weight inStock shippingEstimate }
query Deep {
  me { ...UserFields reviews { ...ReviewFields product { ...ProductFields } } }
  users {
    ...UserFields
    reviews {
      ...ReviewFields
      product {
        ...ProductFields
        reviews { ...ReviewFields author { ...UserFields reviews { ...ReviewFields product { ...ProductFields } } } }
      }
    }
  }
  topProducts(first: 5) {
    ...ProductFields
    reviews { ...ReviewFields author { ...UserFields reviews { ...ReviewFields product { ...ProductFields } } } }
  }
}`;
const PASSTHROUGH_QUERY = `query Passthrough { topProducts(first: 5) { upc name price weight } }`;

interface Operation {
  name: string;
  body: string;
  /** Also sent straight to this subgraph, the figure each gateway's is compared with. */
  directSubgraph?: SubgraphName;
}
const OPERATIONS: Operation[] = [
  { name: "deep", body: JSON.stringify({ query: DEEP_QUERY, operationName: "Deep" }) },
  {
    name: "passthrough",
    body: JSON.stringify({ query: PASSTHROUGH_QUERY, operationName: "Passthrough" }),
    directSubgraph: "products",
  },
];

/** A server under load: a gateway, or a subgraph asked directly. */
interface Target {
  name: string;
  label: string;
  url: string;
  pid: number;
}

interface RunningProcess extends Target {
  stop(): Promise<void>;
}

/** Only what a process needs, so settings of the shell running the benchmark do not leak into a gateway. */
const baseEnv = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? os.tmpdir(),
  NODE_ENV: "production",
  // @apollo/gateway would otherwise report usage to Apollo and probe cloud metadata addresses.
  APOLLO_TELEMETRY_DISABLED: "true",
};

async function answersGraphQL(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  }).catch(() => undefined);
  return response?.status === 200;
}

async function startProcess(
  target: Omit<Target, "pid">,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: options.cwd ?? repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...baseEnv, ...options.env },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${target.label} exited before it was ready (${child.exitCode ?? child.signalCode})`);
      }
      return answersGraphQL(target.url);
    },
    (ready) => ready,
    120_000,
  );
  return {
    ...target,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

async function startSubgraph(name: SubgraphName): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess({ name, label: `${name} subgraph`, url: `http://127.0.0.1:${port}/graphql` }, [
    "--import",
    "tsx",
    path.join(import.meta.dirname, "gateway/subgraphs/main.ts"),
    name,
    String(port),
  ]);
}

const hiveGatewayBin = () =>
  path.join(path.dirname(new URL(import.meta.resolve("@graphql-hive/gateway")).pathname), "bin.js");

interface GatewaySetup {
  supergraphFile: string;
  /** An empty folder to start a gateway in. */
  dir: string;
  jwksUrl: string;
}

async function startGateway(name: GatewayName, setup: GatewaySetup): Promise<RunningProcess> {
  const { supergraphFile, dir } = setup;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  switch (name) {
    case "apollo":
      return startProcess({ name, label: "@apollo/gateway", url }, [
        "--import",
        "tsx",
        path.join(import.meta.dirname, "gateway/apollo-gateway.ts"),
        supergraphFile,
        String(port),
      ]);
    case "hive":
      // Its CLI with defaults, in an empty folder so that no gateway.config file is picked up.
      return startProcess(
        { name, label: "Hive Gateway", url },
        [hiveGatewayBin(), "supergraph", supergraphFile, "--host", "127.0.0.1", "--port", String(port)],
        { cwd: dir, env: { LOG_LEVEL: "warn" } },
      );
    case "router":
      return startProcess(
        { name, label: "router", url },
        [
          ...(PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(PROFILE_DIR)] : []),
          "--import",
          "tsx",
          path.join(repoRoot, "router/src/main.ts"),
        ],
        {
          env: {
            ROUTER_PORT: String(port),
            ROUTER_METRICS_PORT: String(await freePort()),
            SUPERGRAPH_PATH: supergraphFile,
            LOG_LEVEL: "warn",
            RATE_LIMIT_PER_MINUTE: "0",
            MAX_COST: "1000000000",
            // No request carries a token, but the router polls the revocation feed all the same.
            JWKS_URL: setup.jwksUrl,
          },
        },
      );
  }
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The first path at which two JSON values differ, for the failure message. */
function firstDifference(a: unknown, b: unknown, at = "$"): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const difference = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (difference) return difference;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Every target must give the same error-free answer, or comparing their speed means nothing. */
async function verifySameAnswers(operation: Operation, targets: Target[]): Promise<number> {
  const answers = await Promise.all(
    targets.map(async (target) => ({ target, ...(await post(target.url, operation.body)) })),
  );
  const reference = answers[0]!;
  for (const { target, status, text } of answers) {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    if (status !== 200 || body.errors || !body.data) {
      throw new Error(
        `${target.label} failed the ${operation.name} operation (HTTP ${status}): ${text.slice(0, 500)}`,
      );
    }
    const difference = firstDifference(JSON.parse(reference.text), body);
    if (difference) {
      throw new Error(
        `${target.label} answers the ${operation.name} operation differently from ${reference.target.label}: ${difference}`,
      );
    }
  }
  return Buffer.byteLength(reference.text);
}

function startLoadGenerator() {
  const child = fork(path.join(import.meta.dirname, "gateway/loadgen.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return {
    run(command: LoadCommand): Promise<LoadResult> {
      return new Promise((resolve, reject) => {
        const exited = (code: number | null) => reject(new Error(`load generator exited (${code})`));
        child.once("exit", exited);
        child.once("message", (result) => {
          child.off("exit", exited);
          resolve(result as LoadResult);
        });
        child.send(command);
      });
    },
    stop() {
      child.kill("SIGTERM");
    },
  };
}
type LoadGenerator = ReturnType<typeof startLoadGenerator>;

interface RoundFigures {
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  cpuMsPerRequest: number;
  rssMb: number;
}
const FIGURES: { key: keyof RoundFigures; title: string; digits: number }[] = [
  { key: "rps", title: "RPS", digits: 0 },
  { key: "p50", title: "p50 ms", digits: 1 },
  { key: "p975", title: "p97.5 ms", digits: 1 },
  { key: "p99", title: "p99 ms", digits: 1 },
  { key: "cpuMsPerRequest", title: "CPU ms/req", digits: 2 },
  { key: "rssMb", title: "RSS MB", digits: 0 },
];

async function measure(
  load: LoadGenerator,
  target: Target,
  operation: Operation,
  durationMs: number,
): Promise<RoundFigures & { errors: number; firstError: string | undefined }> {
  const cpuBefore = cpuMilliseconds(target.pid);
  const result = await load.run({
    url: target.url,
    body: operation.body,
    connections: CONNECTIONS,
    durationMs,
  });
  const cpu = cpuMilliseconds(target.pid) - cpuBefore;
  return {
    rps: (result.requests * 1000) / result.elapsedMs,
    p50: result.latencyMs.p50,
    p975: result.latencyMs.p975,
    p99: result.latencyMs.p99,
    cpuMsPerRequest: cpu / result.requests,
    rssMb: residentBytes(target.pid) / 1024 / 1024,
    errors: result.errors,
    firstError: result.firstError,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function medians(rounds: RoundFigures[]): RoundFigures {
  return Object.fromEntries(
    FIGURES.map(({ key }) => [key, median(rounds.map((round) => round[key]))]),
  ) as unknown as RoundFigures;
}

/** Each row's figures, each followed by its ratio to the baseline's (1.00× for the baseline itself). */
function printTable(
  title: string,
  rows: { label: string; figures: RoundFigures }[],
  baseline?: RoundFigures,
) {
  const cell = (figures: RoundFigures, key: keyof RoundFigures, digits: number) => {
    const value = figures[key].toFixed(digits);
    return baseline ? `${value} (${(figures[key] / baseline[key]).toFixed(2)}×)` : value;
  };
  const header = ["", ...FIGURES.map((figure) => figure.title)];
  const lines = rows.map((row) => [row.label, ...FIGURES.map((f) => cell(row.figures, f.key, f.digits))]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i]!.length)));
  const format = (line: string[]) =>
    line.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

async function benchmark(
  operations: Operation[],
  gateways: RunningProcess[],
  subgraphs: Map<string, RunningProcess>,
) {
  const load = startLoadGenerator();
  const failures: string[] = [];
  try {
    for (const operation of operations) {
      const direct = operation.directSubgraph ? subgraphs.get(operation.directSubgraph) : undefined;
      const targets: Target[] = [
        ...gateways,
        ...(direct ? [{ ...direct, label: `${direct.name} subgraph directly` }] : []),
      ];
      const bytes = await verifySameAnswers(operation, targets);
      console.log(
        `${operation.name}: the same ${(bytes / 1024).toFixed(1)} KB answer from ${targets.map((t) => t.label).join(", ")}`,
      );
      for (const target of targets)
        await load.run({
          url: target.url,
          body: operation.body,
          connections: CONNECTIONS,
          durationMs: WARMUP_MS,
        });

      const rounds = new Map<string, RoundFigures[]>(targets.map((target) => [target.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const shift = round % targets.length;
        for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
          const figures = await measure(load, target, operation, DURATION_MS);
          if (figures.errors)
            failures.push(
              `${operation.name} on ${target.label}: ${figures.errors} failed requests, first: ${figures.firstError}`,
            );
          rounds.get(target.name)!.push(figures);
          console.log(
            `  round ${round + 1}/${ROUNDS} ${target.label}: ${figures.rps.toFixed(0)} RPS, p50 ${figures.p50.toFixed(1)} ms`,
          );
        }
      }

      const rows = targets.map((target) => ({
        label: target.label,
        figures: medians(rounds.get(target.name)!),
      }));
      const apollo = rows.find((row) => row.label === "@apollo/gateway")?.figures;
      const settings = `${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_MS / 1000} s, medians`;
      printTable(
        `${operation.name} (${(bytes / 1024).toFixed(1)} KB answer), ${settings}${apollo ? "; ratio to @apollo/gateway" : ""}`,
        rows,
        apollo,
      );
      if (direct) {
        const baseline = rows.at(-1)!.figures;
        printTable(`${operation.name}: ratio to the ${direct.name} subgraph asked directly`, rows, baseline);
      }
    }
  } finally {
    load.stop();
  }
  return failures;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-bench-"));
const running: RunningProcess[] = [];
const identity = await startEmptyIdentityProvider();
let exitCode = 0;
try {
  const subgraphs = new Map<string, RunningProcess>();
  for (const name of SUBGRAPH_NAMES) {
    const subgraph = await startSubgraph(name);
    subgraphs.set(name, subgraph);
    running.push(subgraph);
  }
  const supergraphFile = path.join(dir, "supergraph.graphql");
  const urls = Object.fromEntries([...subgraphs].map(([name, subgraph]) => [name, subgraph.url]));
  writeFileSync(supergraphFile, composeDemoSupergraph(urls as Record<SubgraphName, string>));

  const gateways: RunningProcess[] = [];
  for (const name of GATEWAYS.filter((gateway) => ONLY.includes(gateway))) {
    const gateway = await startGateway(name, { supergraphFile, dir, jwksUrl: identity.jwksUrl });
    gateways.push(gateway);
    running.push(gateway);
  }
  const failures = await benchmark(OPERATIONS, gateways, subgraphs);
  if (failures.length) {
    console.error(
      `\nRequests failed under load; the figures above are not comparable:\n${failures.join("\n")}`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await Promise.all(running.map((child) => child.stop()));
  identity.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
