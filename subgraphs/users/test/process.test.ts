import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, execute, uniqueEmail } from "@storefront/testkit";

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

  it("on SIGTERM finishes the request in flight, then exits 0", async () => {
    const database = await createTestDatabase("users_process");
    cleanups.push(() => database.drop());
    const run = runUsers({ USERS_PORT: "0", ...(database.url ? { USERS_DATABASE_URL: database.url } : {}) });
    cleanups.push(() => Promise.resolve(void run.child.kill("SIGKILL")));
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      url = /"url":"(http:[^"]+)"/.exec(run.output().stdout)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url).toBeDefined();
    // Registering hashes a password with argon2id: long enough to still be running at SIGTERM.
    const inFlight = execute<{ register: { __typename: string } }>(
      url!,
      `mutation($i: RegisterInput!) { register(input: $i) { __typename } }`,
      { variables: { i: { email: uniqueEmail(), password: "correct horse battery", name: "Late" } } },
    );
    await new Promise((r) => setTimeout(r, 15));
    run.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.data?.register.__typename).toBe("AuthSession");
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/"msg":"stopped"/);
  });
});
