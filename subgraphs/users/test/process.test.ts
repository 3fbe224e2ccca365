import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  databaseBehindRelay,
  execute,
  uniqueEmail,
  waitFor,
  PASSWORD,
} from "@storefront/testkit";
import { RegisterDocument } from "./generated/users";

const main = path.resolve(import.meta.dirname, "../src/main.ts");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Runs the users subgraph as its own process, the way a container does. */
function runUsers(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: { PATH: process.env.PATH, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe("the users process", () => {
  it("refuses to start on bad configuration, naming every bad variable", async () => {
    const run = runUsers({ USERS_PORT: "not-a-port", USERS_DATABASE_URL: "mysql://nope", LOG_LEVEL: "loud" });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr).toContain("USERS_PORT");
    expect(stderr).toContain("USERS_DATABASE_URL");
    expect(stderr).toContain("LOG_LEVEL");
  });

  /** Starts the process and resolves with its GraphQL URL once it listens. */
  async function listening(run: ReturnType<typeof runUsers>): Promise<string> {
    return (await waitFor(
      () => /"url":"(http:[^"]+)"/.exec(run.output().stdout)?.[1],
      (url) => url !== undefined,
      60_000,
    ))!;
  }

  /** Resolves once the process has logged the arrival of the request with this id. */
  function received(run: ReturnType<typeof runUsers>, requestId: string) {
    return waitFor(
      () => run.output().stdout.includes(`"requestId":"${requestId}","method":"POST"`),
      (seen) => seen,
      30_000,
    );
  }

  it("on SIGTERM finishes the request in flight, then exits 0", async () => {
    const database = await createTestDatabase("users_process");
    cleanups.push(() => database.drop());
    const run = runUsers({
      USERS_PORT: "0",
      USERS_METRICS_PORT: "0",
      LOG_LEVEL: "debug",
      ...(database.url ? { USERS_DATABASE_URL: database.url } : {}),
    });
    cleanups.push(() => Promise.resolve(void run.child.kill("SIGKILL")));
    const url = await listening(run);
    // Registering hashes a password with argon2id: long enough to still be running at SIGTERM.
    const inFlight = execute(url, RegisterDocument, {
      variables: { input: { email: uniqueEmail(), password: PASSWORD, name: "Late" } },
      headers: { "x-request-id": "late-register" },
    });
    // SIGTERM only once the server has the request: on a busy machine the connection may not
    // even be open yet after a fixed pause, and a draining server takes no new connections.
    await received(run, "late-register");
    run.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.data?.register.__typename).toBe("AuthSession");
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/"msg":"stopped"/);
  });

  it("on SIGTERM with a request stuck on a database that stopped answering, exits within its grace period", async (ctx) => {
    const database = await createTestDatabase("users_stuck");
    if (!database.url) return ctx.skip("no PostgreSQL server answers");
    cleanups.push(() => database.drop());
    const { relay, url: viaRelay } = await databaseBehindRelay(database.url);
    cleanups.push(() => relay.close());
    const graceSeconds = 3;
    const run = runUsers({
      USERS_PORT: "0",
      USERS_METRICS_PORT: "0",
      LOG_LEVEL: "debug",
      USERS_DATABASE_URL: viaRelay,
      SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
    });
    cleanups.push(() => Promise.resolve(void run.child.kill("SIGKILL")));
    const url = await listening(run);

    relay.stall();
    const stuck = execute(url, RegisterDocument, {
      variables: { input: { email: uniqueEmail(), password: PASSWORD, name: "Stuck" } },
      headers: { "x-request-id": "stuck-register" },
    }).catch((error: unknown) => error);
    await received(run, "stuck-register");
    const signalled = Date.now();
    run.child.kill("SIGTERM");
    const code = await run.exited;
    const tookMs = Date.now() - signalled;
    expect(code).toBe(1);
    // The grace period, plus what a busy machine needs to start the timer and exit.
    expect(tookMs).toBeLessThan(graceSeconds * 1000 + 4_000);
    expect(run.output().stdout).toMatch(/"component":"users".*did not stop within the grace period/);
    await stuck;
  });
});
