import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { router, subgraphList, web } from "@storefront/contracts/topology";
import { inheritedEnvironment } from "@storefront/testkit";

/** The repository root: where a newcomer types `npm start`. */
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every port `npm start` opens, before PORT_OFFSET moves them: the topology's. */
const BASE_PORTS = [
  web.port,
  router.port,
  router.metricsPort,
  ...subgraphList.flatMap((subgraph) => [subgraph.port, subgraph.metricsPort]),
];

/**
 * Variables that would take `npm start` off its embedded defaults (PostgreSQL, RabbitMQ, Redis):
 * the run must be the one a newcomer gets, whatever the test process itself was given.
 */
const NOT_EMBEDDED = /_DATABASE_URL$|^AMQP_URL$|^REDIS_URL$|^PORT_OFFSET$|^DATA_DIR$|^NODE_ENV$/;

export interface SeededAccount {
  role: "ADMIN" | "CUSTOMER";
  email: string;
  password: string;
}

export interface StorefrontProcess {
  /** The router's GraphQL endpoint, as printed. */
  graphUrl: string;
  /** The storefront, as printed. */
  webUrl: string;
  /** The accounts printed on the first start. */
  accounts: SeededAccount[];
  portOffset: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Ctrl-C (SIGINT to the process group, as a terminal sends it), then waits for the exit. */
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

/** An offset under which every port of the platform is free now. */
async function freePortOffset(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const offset = 20_000 + 100 * Math.floor(Math.random() * 300);
    const free = await Promise.all(BASE_PORTS.map((port) => portIsFree(port + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error("no free block of ports for the platform");
}

/**
 * Runs `npm start` exactly as a newcomer does — embedded databases in a fresh data folder, the
 * in-process bus, the seeded shop — on ports moved by a free PORT_OFFSET, and resolves once it
 * says it is ready. `env` adds settings (e.g. short periodic intervals) the way a user would.
 */
export async function startStorefrontProcess(
  options: { env?: Record<string, string>; readyTimeoutMs?: number } = {},
): Promise<StorefrontProcess> {
  const portOffset = await freePortOffset();
  const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-data-"));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inheritedEnvironment())) {
    if (!NOT_EMBEDDED.test(name)) env[name] = value;
  }
  Object.assign(env, {
    PORT_OFFSET: String(portOffset),
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...options.env,
  });
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let exitCode: number | null | undefined;
  child.once("exit", (code) => (exitCode = code));

  // A terminal's Ctrl-C goes to the whole process group: npm (which forwards it again) and node.
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (exitCode === undefined) signal("SIGINT");
    const hardStop = setTimeout(() => signal("SIGKILL"), 40_000);
    await exited;
    clearTimeout(hardStop);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 240_000);
  let webUrl: string | undefined;
  while (!(webUrl = /^Storefront ready at (\S+)$/m.exec(output)?.[1])) {
    if (exitCode !== undefined || Date.now() > deadline) {
      await stop();
      throw new Error(
        `npm start ${exitCode !== undefined ? `exited with ${exitCode}` : "was not ready in time"}; its last output:\n${output.slice(-4000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const graphUrl = /^Storefront graph ready at (\S+)$/m.exec(output)?.[1] ?? "";
  const accounts = [...output.matchAll(/^\s+(ADMIN|CUSTOMER)\s+(\S+)\s+password: (\S+)$/gm)].map(
    ([, role, email, password]) => ({
      role: role as SeededAccount["role"],
      email: email!,
      password: password!,
    }),
  );
  return { graphUrl, webUrl, accounts, portOffset, output: () => output, stop };
}
