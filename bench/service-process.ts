/**
 * A platform service (router or subgraph) in a process of its own, started from its `src/main.ts`
 * through tsx as deploy/docker/run-service.sh does, so its memory can be read alone and it can be
 * killed and started again. Shared by the benchmarks that need real processes.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { waitFor } from "@storefront/testkit";

export const repoRoot = path.resolve(import.meta.dirname, "..");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Memory {
  rss: number;
  heap: number;
}

export interface ServiceProcessOptions {
  /** Appends the process's stdout and stderr to this file; the parent's own output otherwise. */
  logFile?: string;
  /** How long to wait for `/ready` (a first start compiles every module through tsx). */
  readyTimeoutMs?: number;
  /** Options for node itself (`--cpu-prof` …), before the entry. */
  nodeOptions?: string[];
}

/**
 * The text at `url`, asked again once if the connection breaks: a process that was stopped for
 * seconds (a heap snapshot) may close its idle keep-alive connection just as the request goes out.
 */
export async function fetchText(url: string): Promise<string> {
  const text = async () => (await fetch(url)).text();
  return text().catch(text);
}

/** Resident set size of a process, from /proc (0 once it has gone). */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Starts `entry` with `env` and resolves once its `/ready` answers 200. Heap figures are read
 * from its `/metrics` after a full collection (gc-on-signal.ts, preloaded, collects on SIGUSR2).
 */
export async function startServiceProcess(
  name: string,
  entry: string,
  ports: { port: number; metricsPort: number },
  env: Record<string, string>,
  options: ServiceProcessOptions = {},
) {
  const { port, metricsPort } = ports;
  const output = options.logFile ? openSync(options.logFile, "a") : undefined;
  const child = spawn(
    "sh",
    [
      "-c",
      // Soft fd limit up to the hard one: a router holds a socket per subscriber connection.
      'ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"',
      process.execPath,
      ...(options.nodeOptions ?? []),
      "--import",
      "tsx",
      "--import",
      path.join(import.meta.dirname, "gc-on-signal.ts"),
      path.join(repoRoot, entry),
    ],
    {
      cwd: repoRoot,
      stdio: ["ignore", output ?? "inherit", output ?? "inherit"],
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
    },
  );
  if (output !== undefined) closeSync(output);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const pid = child.pid!;
  const url = `http://127.0.0.1:${port}/graphql`;
  const ready = await waitFor(
    async () =>
      exitCode !== undefined ? -1 : (await fetch(new URL("/ready", url)).catch(() => undefined))?.status,
    (status) => status === 200 || status === -1,
    options.readyTimeoutMs ?? 60_000,
  ).catch(() => undefined);
  if (ready !== 200) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`${name} did not become ready${exitCode !== undefined ? ` (exited ${exitCode})` : ""}`);
  }
  const fdLimit = Number(
    /Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, "utf8"))?.[1] ?? NaN,
  );
  const metric = async (metricName: string): Promise<number> => {
    const text = await fetchText(`http://127.0.0.1:${metricsPort}/metrics`);
    return Number(new RegExp(`^${metricName}(?:\\{[^}]*\\})? (\\S+)`, "m").exec(text)?.[1] ?? 0);
  };
  return {
    name,
    url,
    pid,
    fdLimit,
    metric,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    /** File descriptors the process holds now (sockets, files, pipes), from /proc. */
    openFiles: () => readdirSync(`/proc/${pid}/fd`).length,
    /** Whether the process is still running. */
    alive: () => exitCode === undefined,
    /** RSS and V8 heap in use, both after a full collection. */
    async memory(): Promise<Memory> {
      child.kill("SIGUSR2");
      await sleep(1_000);
      return { rss: residentBytes(pid), heap: await metric("nodejs_heap_size_used_bytes") };
    },
    /** A graceful stop: SIGTERM, then waits for the process to finish its shutdown. */
    async stop() {
      if (exitCode !== undefined) return;
      child.kill("SIGTERM");
      await exited;
    },
    /** A crash: SIGKILL, nothing runs on the way out. */
    async kill() {
      if (exitCode !== undefined) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export type ServiceProcess = Awaited<ReturnType<typeof startServiceProcess>>;
