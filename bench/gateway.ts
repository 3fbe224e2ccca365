/**
 * Gateway benchmark: the project's router against stock @apollo/gateway (the baseline) and Hive
 * Gateway, in two parts (`--suite`, both by default): the public federation gateway benchmarks'
 * demo, and the storefront's own operations over the project's real subgraphs.
 *
 *   npm run gateway -w @storefront/bench -- [--suite demo|storefront|all] [--duration 10]
 *                                          [--rounds 3] [--connections 50] [--warmup 5]
 *                                          [--defer-connections <n>] [--only router,apollo,hive,floor]
 *                                          [--profile <dir>] [--router-dedupe on|off]
 *                                          [--demo-operations deep,passthrough]
 *
 * `--suite demo` runs the first part only, `--suite storefront` the second, `all` (the default)
 * one after the other, each with gateways of its own (the first part's are stopped before the
 * second starts). `--defer-connections` sets the concurrent clients of the @defer comparison
 * (`--connections` unless given). `--profile` has the router write a CPU profile (node
 * --cpu-prof) of each part into that folder. `--demo-operations passthrough` (or `deep`) measures
 * only that operation of the demo part, e.g. for a profile of the router on it alone.
 *
 * Every subgraph, every gateway and the load generator (gateway/loadgen.ts) runs in a process of
 * its own, with NODE_ENV=production. Before anything is measured every target must return the
 * same error-free answer to each operation (deep-equal), or the run stops.
 *
 * Demo part: the four subgraphs of the public benchmarks (accounts, inventory, products, reviews;
 * bench/gateway/subgraphs, in-memory and fast on purpose so the gateways are the bottleneck),
 * composed once into one supergraph file that every gateway is given. Two operations: `deep` (the
 * public benchmarks' nested users/topProducts → reviews → author → reviews → product query, with
 * `me`, about 60 KB of answer, fetching from all four subgraphs, with @requires and @provides)
 * and `passthrough` (a products-only query, also sent to the products subgraph directly, so each
 * gateway's own cost shows as a ratio to no gateway at all).
 *
 * The "Node floor" (gateway/node-floor.ts, `floor` in `--only`) is a measurement peer of the
 * pass-through query only, not a product component and not a gateway: a bare `node:http` server
 * in a process of its own that reads the POST body, forwards its bytes over one keep-alive undici
 * Pool to the products subgraph and writes the answer's bytes back, without parsing or validating
 * anything. It is the least any Node.js router can spend on that query, so its ratio to the
 * subgraph asked directly bounds what the router can reach on this machine (printed after the
 * pass-through tables next to the router's, with the 0.7× target): a router below the
 * floor's ratio loses to its own work, a floor below 0.7× means no Node router reaches the target
 * here. A last line puts that in CPU terms: the load generator's, the subgraph's, the floor's and
 * the router's CPU milliseconds per request, the RPS ratio each allows when the shared cores are
 * the limit, and what the 0.7× target leaves a gateway to spend. `--profile` also has the floor
 * write its CPU profiles into the folder's node-floor/ (one per thread: the busy one is the main
 * thread's, the other tsx's loader's).
 *
 * Storefront part (gateway/storefront.ts): the project's users and catalogue subgraphs, each
 * from its src/main.ts in a process of its own, on a fresh PostgreSQL database each on the
 * server at TEST_DATABASE_URL (created for the run, dropped at its end). PostgreSQL rather than
 * the subgraphs' embedded PGlite default: PGlite is one WebAssembly connection inside the
 * subgraph's process that serialises every statement, so the subgraphs rather than the gateways
 * would set the pace; and the seed promotes its administrator in the users database, which
 * PGlite's single-process file cannot be written from while the users subgraph holds it. The
 * seed goes through the subgraphs' public GraphQL APIs as the shop's clients write: a category of
 * 50 products (two stocked variants each) created by the administrator, and one product reviewed
 * by 10 customers registered with the users subgraph. The supergraph is composed from those two
 * subgraphs' SDL files (schema/src composeSupergraph) and given to every gateway. Operations, read
 * from the web's documents (gateway/storefront-operations.ts): `productPage`
 * (ProductPage.graphql without @defer, its first page of reviews with author names from the users
 * subgraph) and `search` (SearchProducts.graphql: a full-text query within the category, the
 * search page's 12 results). Then, on the router only, the product page with its reviews in
 * `... @defer(label: "reviews")`, sent with `Accept: multipart/mixed;deferSpec=20220824,
 * application/json`: its parts, put together, must equal the plain query's answer, and its first
 * part must come without the reviews. Rounds alternate the plain and the deferred query over
 * `--defer-connections`; the table shows p50/p99 of the plain query's answer, of the deferred
 * query's first part (timed at the body chunk that completes it) and of its whole answer, and
 * the ratio first part / not deferred.
 *
 * Each round sends each operation to each gateway for `--duration` seconds over `--connections`
 * keep-alive connections, the gateways' order rotated from round to round so none always goes
 * first, after one unrecorded warm-up of `--warmup` seconds each. Per round: requests per
 * second, latency p50/p97.5/p99, CPU milliseconds per request of the gateway's process tree
 * (/proc utime+stime, before and after) and its RSS after the round. The tables show medians
 * over rounds, each also as a ratio to @apollo/gateway.
 *
 * The router runs as in production (router/src/main.ts, configured by its environment only):
 * SUPERGRAPH_PATH points it at the part's supergraph; RATE_LIMIT_PER_MINUTE=0 (its 600
 * operations per client per minute would refuse the load generator within a second) and
 * MAX_COST raised (the deep query's estimated cost with unbounded lists is far above the default
 * 10,000); its depth, alias and token limits hold for these operations as they are. JWKS_URL
 * points, in the demo part, at an empty identity provider in this process (gateway/identity.ts),
 * whose revocation feed the router polls as it would the users subgraph's, and in the storefront
 * part at the users subgraph. Its other settings are its defaults, in-flight deduplication of
 * identical subgraph fetches among them: every connection of the load generator sends the same
 * query, so concurrent requests share subgraph calls that the other gateways make one by one. It
 * and Hive Gateway log at warn level; stock @apollo/gateway logs nothing per request either.
 *
 * The machine must be otherwise idle for figures worth comparing: the load generator, the
 * subgraphs (and, in the storefront part, PostgreSQL) and the gateway under test share its cores.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, waitFor } from "@storefront/testkit";
import type { LoadCommand, LoadResult } from "./gateway/loadgen";
import { startEmptyIdentityProvider } from "./gateway/identity";
import { cpuMilliseconds, residentBytes } from "./gateway/proc";
import { firstDifference, mergeIncrementalParts, multipartParts } from "./gateway/responses";
import { storefrontOperations } from "./gateway/storefront-operations";
import { startStorefrontSubgraphs } from "./gateway/storefront";
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
/** The Node floor (gateway/node-floor.ts): a measurement peer of the pass-through query only. */
const FLOOR = "floor";
const ONLY = option("only", [...GATEWAYS, FLOOR].join(",")).split(",");
/** Where the router writes a CPU profile of each part (node --cpu-prof), when given. */
const PROFILE_DIR = option("profile", "");
/** `--router-dedupe off` measures the router without its in-flight deduplication of subgraph fetches. */
const ROUTER_DEDUPE = option("router-dedupe", "on") !== "off";
const SUITES = ["demo", "storefront", "all"] as const;
const SUITE = option("suite", "all");
/** Concurrent clients of the @defer comparison (the storefront part, router only). */
const DEFER_CONNECTIONS = Number(option("defer-connections", String(CONNECTIONS)));
const unknownGateways = ONLY.filter(
  (name) => name !== FLOOR && !(GATEWAYS as readonly string[]).includes(name),
);
if (
  unknownGateways.length ||
  !(SUITES as readonly string[]).includes(SUITE) ||
  ![DURATION_MS, ROUNDS, CONNECTIONS, DEFER_CONNECTIONS].every((n) => n > 0)
) {
  process.stderr.write(
    `unknown gateway ${unknownGateways.join(", ")} or bad option; --only takes ${[...GATEWAYS, FLOOR].join(",")}, --suite ${SUITES.join("|")}\n`,
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
/** Issue 13's target: the router's pass-through RPS at least this share of the subgraph's asked directly. */
const PASSTHROUGH_TARGET = 0.7;
/** `--demo-operations`: the demo part's operations to measure (both by default). */
const DEMO_OPERATIONS = option("demo-operations", "deep,passthrough").split(",");
const PASSTHROUGH_QUERY = `query Passthrough { topProducts(first: 5) { upc name price weight } }`;

interface Operation {
  name: string;
  body: string;
  /** Sent besides `content-type: application/json`. */
  headers?: Record<string, string>;
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
if (!DEMO_OPERATIONS.every((name) => OPERATIONS.some((operation) => operation.name === name))) {
  process.stderr.write(
    `--demo-operations takes ${OPERATIONS.map((operation) => operation.name).join(",")}\n`,
  );
  process.exit(2);
}

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

/** The Node floor in front of `upstream` (a measurement peer, see gateway/node-floor.ts). */
async function startNodeFloor(upstream: RunningProcess): Promise<RunningProcess> {
  const port = await freePort();
  return startProcess(
    { name: FLOOR, label: `Node floor (${upstream.name})`, url: `http://127.0.0.1:${port}/graphql` },
    [
      ...(PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(PROFILE_DIR, "node-floor")] : []),
      "--import",
      "tsx",
      path.join(import.meta.dirname, "gateway/node-floor.ts"),
      upstream.url,
      String(port),
    ],
  );
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
            DEDUPLICATE_SUBGRAPH_FETCHES: String(ROUTER_DEDUPE),
          },
        },
      );
  }
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** Every target must give the same error-free answer, or comparing their speed means nothing. */
async function verifySameAnswers(operation: Operation, targets: Target[]): Promise<number> {
  const answers = await Promise.all(
    targets.map(async (target) => ({
      target,
      ...(await post(target.url, operation.body, operation.headers)),
    })),
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
    pid: child.pid!,
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
  options: { connections?: number; firstPart?: boolean } = {},
): Promise<
  RoundFigures & {
    errors: number;
    firstError: string | undefined;
    firstPartMs?: LoadResult["firstPartMs"];
    /** The load generator's own CPU milliseconds per request (it shares the machine's cores). */
    loadCpuMsPerRequest: number;
  }
> {
  const cpuBefore = cpuMilliseconds(target.pid);
  const loadCpuBefore = cpuMilliseconds(load.pid);
  const result = await load.run({
    url: target.url,
    body: operation.body,
    connections: options.connections ?? CONNECTIONS,
    durationMs,
    ...(operation.headers ? { headers: operation.headers } : {}),
    ...(options.firstPart ? { firstPart: true } : {}),
  });
  const cpu = cpuMilliseconds(target.pid) - cpuBefore;
  const loadCpu = cpuMilliseconds(load.pid) - loadCpuBefore;
  return {
    loadCpuMsPerRequest: loadCpu / result.requests,
    ...(result.firstPartMs ? { firstPartMs: result.firstPartMs } : {}),
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
  printGrid(
    title,
    ["", ...FIGURES.map((figure) => figure.title)],
    rows.map((row) => [row.label, ...FIGURES.map((f) => cell(row.figures, f.key, f.digits))]),
  );
}

/**
 * The pass-through bound in CPU terms. When the load generator, the subgraph and the gateway share
 * the machine's cores and the cores are the limit, RPS is inversely proportional to the CPU all of
 * them spend per request: asked directly L + S, through a gateway L + S + G. A gateway's RPS ratio
 * is then at most (L + S) / (L + S + G), and a ratio of PASSTHROUGH_TARGET allows a gateway at most
 * (L + S)·(1/target − 1) ms per request. The floor's G shows how far below that any Node router is.
 */
function printCoreBudget(
  loadMs: number,
  subgraphMs: number,
  gateways: { label: string; name: string; cpu: number }[],
) {
  const direct = loadMs + subgraphMs;
  const bound = (cpu: number) => `${(direct / (direct + cpu)).toFixed(2)}×`;
  const shown = gateways.filter(({ name }) => name === "router" || name === FLOOR);
  console.log(
    `CPU ms per request on the shared cores: load generator ${loadMs.toFixed(3)}, subgraph ${subgraphMs.toFixed(3)}` +
      shown.map(({ label, cpu }) => `, ${label} ${cpu.toFixed(3)} (CPU bound ${bound(cpu)})`).join("") +
      `; ${PASSTHROUGH_TARGET}× leaves a gateway ${(direct * (1 / PASSTHROUGH_TARGET - 1)).toFixed(3)} ms`,
  );
}

/** A titled table: the first column left-aligned, the others right-aligned. */
function printGrid(title: string, header: string[], lines: string[][]) {
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
  /** Measured next to the gateways on the operations that are also sent to a subgraph directly. */
  floor?: RunningProcess,
) {
  const load = startLoadGenerator();
  const failures: string[] = [];
  try {
    for (const operation of operations) {
      const direct = operation.directSubgraph ? subgraphs.get(operation.directSubgraph) : undefined;
      const targets: Target[] = [
        ...gateways,
        ...(direct && floor ? [floor] : []),
        ...(direct ? [{ ...direct, label: `${direct.name} subgraph directly` }] : []),
      ];
      // `--only floor`: nothing to measure the gateways-only operations on.
      if (!targets.length) continue;
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
          ...(operation.headers ? { headers: operation.headers } : {}),
        });

      const rounds = new Map<string, RoundFigures[]>(targets.map((target) => [target.name, []]));
      const loadCpu = new Map<string, number[]>(targets.map((target) => [target.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const shift = round % targets.length;
        for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
          const figures = await measure(load, target, operation, DURATION_MS);
          if (figures.errors)
            failures.push(
              `${operation.name} on ${target.label}: ${figures.errors} failed requests, first: ${figures.firstError}`,
            );
          rounds.get(target.name)!.push(figures);
          loadCpu.get(target.name)!.push(figures.loadCpuMsPerRequest);
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
        const ratio = (name: string) => {
          const row = rows[targets.findIndex((target) => target.name === name)];
          return row ? `${(row.figures.rps / baseline.rps).toFixed(2)}×` : "not measured";
        };
        console.log(
          `${operation.name} RPS / the subgraph's directly (target ≥ ${PASSTHROUGH_TARGET}×): ` +
            `router ${ratio("router")}, Node floor ${ratio(FLOOR)} (the least any Node router can do)`,
        );
        printCoreBudget(
          median(loadCpu.get(direct.name)!),
          baseline.cpuMsPerRequest,
          rows.map((row, i) => ({
            label: row.label,
            name: targets[i]!.name,
            cpu: row.figures.cpuMsPerRequest,
          })),
        );
      }
    }
  } finally {
    load.stop();
  }
  return failures;
}

/** The search page's page size (web/src/catalogue/SearchPage.tsx). */
const SEARCH_PAGE_SIZE = 12;

/** What the deferred product page is sent with: Apollo Client 4's incremental format first. */
const DEFER_ACCEPT = "multipart/mixed;deferSpec=20220824, application/json";

/**
 * The deferred query must be answered in parts, its first part without the deferred reviews, and
 * the parts put together must be the plain query's answer; returns the parts' count.
 */
async function verifyDeferredAnswer(router: Target, plain: Operation, deferred: Operation): Promise<number> {
  const reference = await post(router.url, plain.body);
  const reply = await post(router.url, deferred.body, deferred.headers);
  const parts = multipartParts(reply.type, reply.text);
  if (reply.status !== 200 || !parts || parts.length < 2) {
    throw new Error(
      `${router.label} did not answer ${deferred.name} in parts (HTTP ${reply.status}, ${reply.type}): ${reply.text.slice(0, 300)}`,
    );
  }
  const first = parts[0] as { data?: { product?: Record<string, unknown> | null }; hasNext?: boolean };
  if (first.hasNext !== true || !first.data?.product || "reviews" in first.data.product) {
    throw new Error(
      `${deferred.name}: the first part is not the page without its reviews: ${JSON.stringify(first).slice(0, 300)}`,
    );
  }
  const difference = firstDifference(JSON.parse(reference.text), mergeIncrementalParts(parts));
  if (difference)
    throw new Error(`${deferred.name}: its parts together differ from ${plain.name}'s answer: ${difference}`);
  return parts.length;
}

interface DeferFigures {
  rps: number;
  p50: number;
  p99: number;
  firstP50: number;
  firstP99: number;
  cpuMsPerRequest: number;
}

/**
 * The product page with its reviews deferred against the same page not deferred, on the router
 * alone, interleaved as the gateways are: time to the first part and to the whole answer, next
 * to the plain query's time to its (only) answer.
 */
async function benchmarkDefer(router: RunningProcess, plain: Operation, deferred: Operation) {
  const partCount = await verifyDeferredAnswer(router, plain, deferred);
  console.log(
    `${deferred.name}: ${partCount} parts from the ${router.label}, together the same answer as ${plain.name}`,
  );
  const load = startLoadGenerator();
  const failures: string[] = [];
  const variants = [
    { operation: plain, firstPart: false },
    { operation: deferred, firstPart: true },
  ];
  try {
    for (const { operation, firstPart } of variants)
      await load.run({
        url: router.url,
        body: operation.body,
        connections: DEFER_CONNECTIONS,
        durationMs: WARMUP_MS,
        ...(operation.headers ? { headers: operation.headers } : {}),
        firstPart,
      });
    const rounds = new Map<string, DeferFigures[]>(variants.map(({ operation }) => [operation.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...variants].reverse() : variants;
      for (const { operation, firstPart } of order) {
        const figures = await measure(load, router, operation, DURATION_MS, {
          connections: DEFER_CONNECTIONS,
          firstPart,
        });
        if (figures.errors)
          failures.push(
            `${operation.name} on the ${router.label}: ${figures.errors} failed requests, first: ${figures.firstError}`,
          );
        const first = figures.firstPartMs ?? { p50: figures.p50, p99: figures.p99 };
        rounds.get(operation.name)!.push({
          rps: figures.rps,
          p50: figures.p50,
          p99: figures.p99,
          firstP50: first.p50,
          firstP99: first.p99,
          cpuMsPerRequest: figures.cpuMsPerRequest,
        });
        console.log(
          `  round ${round + 1}/${ROUNDS} ${operation.name}: ${figures.rps.toFixed(0)} RPS, p50 ${figures.p50.toFixed(1)} ms` +
            (figures.firstPartMs ? `, first part p50 ${figures.firstPartMs.p50.toFixed(1)} ms` : ""),
        );
      }
    }
    const summary = (name: string): DeferFigures => {
      const list = rounds.get(name)!;
      return Object.fromEntries(
        (Object.keys(list[0]!) as (keyof DeferFigures)[]).map((key) => [
          key,
          median(list.map((r) => r[key])),
        ]),
      ) as unknown as DeferFigures;
    };
    const p = summary(plain.name);
    const d = summary(deferred.name);
    const ms = (value: number) => value.toFixed(1);
    printGrid(
      `${plain.name} on the ${router.label}, reviews deferred or not; ${DEFER_CONNECTIONS} connections, ${ROUNDS} × ${DURATION_MS / 1000} s, medians`,
      ["", "RPS", "p50 ms", "p99 ms", "CPU ms/req"],
      [
        [`not deferred: the answer`, p.rps.toFixed(0), ms(p.p50), ms(p.p99), p.cpuMsPerRequest.toFixed(2)],
        [`deferred: first part`, "", ms(d.firstP50), ms(d.firstP99), ""],
        [`deferred: whole answer`, d.rps.toFixed(0), ms(d.p50), ms(d.p99), d.cpuMsPerRequest.toFixed(2)],
      ],
    );
    console.log(
      `first part / not deferred: p50 ${(d.firstP50 / p.p50).toFixed(2)}×, p99 ${(d.firstP99 / p.p99).toFixed(2)}×`,
    );
  } finally {
    load.stop();
  }
  return failures;
}

/** Gateways over `supergraphSdl`, one per --only name, each pushed to `running` as it starts. */
async function startGateways(
  supergraphSdl: string,
  setup: Omit<GatewaySetup, "supergraphFile">,
  name: string,
  running: RunningProcess[],
) {
  const supergraphFile = path.join(setup.dir, `${name}.graphql`);
  writeFileSync(supergraphFile, supergraphSdl);
  const gateways: RunningProcess[] = [];
  for (const gatewayName of GATEWAYS.filter((gateway) => ONLY.includes(gateway))) {
    const gateway = await startGateway(gatewayName, { ...setup, supergraphFile });
    gateways.push(gateway);
    running.push(gateway);
  }
  return gateways;
}

/** The public benchmarks' demo: four in-memory subgraphs, `deep` and `passthrough`. */
async function demoSuite(dir: string, running: RunningProcess[]): Promise<string[]> {
  const identity = await startEmptyIdentityProvider();
  try {
    const subgraphs = new Map<string, RunningProcess>();
    for (const name of SUBGRAPH_NAMES) {
      const subgraph = await startSubgraph(name);
      subgraphs.set(name, subgraph);
      running.push(subgraph);
    }
    const urls = Object.fromEntries([...subgraphs].map(([name, subgraph]) => [name, subgraph.url]));
    const gateways = await startGateways(
      composeDemoSupergraph(urls as Record<SubgraphName, string>),
      { dir, jwksUrl: identity.jwksUrl },
      "supergraph",
      running,
    );
    const passthroughSubgraph = OPERATIONS.find(
      (operation) => operation.directSubgraph && DEMO_OPERATIONS.includes(operation.name),
    )?.directSubgraph;
    let floor: RunningProcess | undefined;
    if (ONLY.includes(FLOOR) && passthroughSubgraph) {
      floor = await startNodeFloor(subgraphs.get(passthroughSubgraph)!);
      running.push(floor);
    }
    return await benchmark(
      OPERATIONS.filter((operation) => DEMO_OPERATIONS.includes(operation.name)),
      gateways,
      subgraphs,
      floor,
    );
  } finally {
    await Promise.all(running.splice(0).map((child) => child.stop()));
    identity.close();
  }
}

/** The project's users and catalogue subgraphs: `productPage`, `search`, then @defer on the router. */
async function storefrontSuite(dir: string, running: RunningProcess[]): Promise<string[]> {
  const storefront = await startStorefrontSubgraphs({ onStop: (stop) => onInterrupt.push(stop) });
  try {
    const { seed } = storefront;
    console.log(`\nstorefront: users and catalogue subgraphs seeded (${seed.productSlug} and its category)`);
    const documents = storefrontOperations();
    const productPage = { slug: seed.productSlug };
    const operations: Operation[] = [
      {
        name: "productPage",
        body: JSON.stringify({
          query: documents.productPage,
          operationName: "ProductPage",
          variables: productPage,
        }),
      },
      {
        name: "search",
        body: JSON.stringify({
          query: documents.search,
          operationName: "SearchProducts",
          variables: {
            filter: { query: seed.searchQuery, categoryId: seed.categoryId },
            sort: "RELEVANCE",
            first: SEARCH_PAGE_SIZE,
          },
        }),
      },
    ];
    const gateways = await startGateways(
      storefront.supergraphSdl,
      { dir, jwksUrl: storefront.jwksUrl },
      "storefront-supergraph",
      running,
    );
    const failures = await benchmark(operations, gateways, new Map());
    const router = gateways.find((gateway) => gateway.name === "router");
    if (router) {
      const deferred: Operation = {
        name: "productPage @defer",
        body: JSON.stringify({
          query: documents.productPageDeferred,
          operationName: "ProductPage",
          variables: productPage,
        }),
        headers: { accept: DEFER_ACCEPT },
      };
      failures.push(...(await benchmarkDefer(router, operations[0]!, deferred)));
    }
    return failures;
  } finally {
    await Promise.all(running.splice(0).map((child) => child.stop()));
    await storefront.stop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), "gateway-bench-"));
const running: RunningProcess[] = [];
// Interrupted (Ctrl-C, SIGTERM): the processes are stopped and the storefront's databases dropped.
const onInterrupt: (() => Promise<void>)[] = [
  async () => {
    await Promise.all(running.map((child) => child.stop()));
  },
];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    void Promise.allSettled(onInterrupt.map((stop) => stop())).finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  });
}
let exitCode = 0;
try {
  const failures: string[] = [];
  if (SUITE !== "storefront") failures.push(...(await demoSuite(dir, running)));
  if (SUITE !== "demo") failures.push(...(await storefrontSuite(dir, running)));
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
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
