import { randomBytes } from "node:crypto";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../src/db";

const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type Driver = "postgres" | "pglite";

/**
 * A database of either driver with no migrations, for tests of the platform's database code:
 * PGlite in memory, or a fresh database on the local PostgreSQL server dropped by `close`.
 */
export async function openTestDatabase(
  driver: Driver,
  service: string,
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle<Record<string, never>>> {
  const migrations = mkdtempSync(path.join(tmpdir(), "migrations-"));
  mkdirSync(path.join(migrations, "meta"));
  writeFileSync(
    path.join(migrations, "meta/_journal.json"),
    JSON.stringify({ version: "7", dialect: "postgresql", entries: [] }),
  );
  const name = `t_platform_${service.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  let url: string | undefined;
  if (driver === "postgres") {
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`).finally(() => admin.end({ timeout: 1 }));
    const location = new URL(SERVER_URL);
    location.pathname = `/${name}`;
    url = location.toString();
  }
  const handle = await openDatabase({
    service,
    url,
    dataDir: "memory://",
    migrationsFolder: migrations,
    schema: {},
    log: pino({ level: "silent" }),
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(migrations, { recursive: true, force: true });
      if (driver !== "postgres") return;
      const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
      await admin
        .unsafe(`drop database if exists "${name}" with (force)`)
        .finally(() => admin.end({ timeout: 1 }));
    },
  };
}

/** The tables of `outboxTable()` and `inboxTable()` as their migrations would create them. */
export async function createMessagingTables(handle: DatabaseHandle<Record<string, never>>): Promise<void> {
  await handle.db.execute(sql`create table outbox (
    id uuid primary key, type text not null, envelope jsonb not null,
    created_at timestamp(3) with time zone default now() not null,
    published_at timestamp(3) with time zone, attempts integer default 0 not null,
    last_error text, next_attempt_at timestamp(3) with time zone)`);
  await handle.db.execute(sql`create table inbox (
    message_id text primary key, type text not null,
    handled_at timestamp(3) with time zone default now() not null)`);
}
