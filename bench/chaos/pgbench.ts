/**
 * pgbench's TPC-B-like load on the same PostgreSQL server, in a scratch database of its own: the
 * yardstick checkout throughput is given against (what this server does with plain transactions).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { promisify } from "node:util";
import postgres from "postgres";
import { testEnv } from "@storefront/testkit";

const run = promisify(execFile);
const DATABASE = "chaos_pgbench";

/** pgbench from PATH, or from the server's own binaries (postgresql-contrib puts it there). */
function findPgbench(): string {
  for (const folder of ["/usr/bin", "/usr/local/bin"]) {
    if (existsSync(`${folder}/pgbench`)) return `${folder}/pgbench`;
  }
  const versions = existsSync("/usr/lib/postgresql")
    ? readdirSync("/usr/lib/postgresql").sort().reverse()
    : [];
  for (const version of versions) {
    const candidate = `/usr/lib/postgresql/${version}/bin/pgbench`;
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("pgbench not found: apt-get install postgresql-contrib, or pass --skip-pgbench");
}

async function admin(statement: string) {
  const sql = postgres(testEnv.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** `-i -s 10`, then `-c 8 -j 2 -T 30`; the TPS without the initial connection time. */
export async function pgbenchTps(log: (line: string) => void): Promise<number> {
  const pgbench = findPgbench();
  const server = new URL(testEnv.databaseUrl);
  const connection = [
    "-h",
    server.hostname,
    "-p",
    server.port || "5432",
    "-U",
    decodeURIComponent(server.username || "postgres"),
  ];
  await admin(`drop database if exists "${DATABASE}" with (force)`);
  await admin(`create database "${DATABASE}"`);
  try {
    log("pgbench: initialising scale 10 …");
    await run(pgbench, [...connection, "-i", "-s", "10", "-q", DATABASE], { timeout: 300_000 });
    log("pgbench: 8 clients, 2 threads, 30 s …");
    const { stdout } = await run(pgbench, [...connection, "-c", "8", "-j", "2", "-T", "30", DATABASE], {
      timeout: 120_000,
    });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`pgbench printed no TPS:\n${stdout}`);
    return Number(tps);
  } finally {
    await admin(`drop database if exists "${DATABASE}" with (force)`);
  }
}
