import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { testEnv } from "./env";

export interface TestDatabase {
  /** postgres:// URL of a fresh empty database; undefined means "use in-memory PGlite". */
  url: string | undefined;
  drop(): Promise<void>;
}

let serverAnswers: Promise<boolean> | undefined;

async function probeServer(): Promise<boolean> {
  const sql = postgres(testEnv.databaseUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * A fresh, empty database on the local PostgreSQL server, unique to the caller, dropped after.
 * Only when no server answers (and the run does not require one) does it fall back to PGlite.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  serverAnswers ??= probeServer();
  if (!(await serverAnswers)) {
    if (testEnv.requireRealServices) {
      throw new Error(
        `PostgreSQL at ${testEnv.databaseUrl} does not answer and REQUIRE_REAL_SERVICES/CI is set`,
      );
    }
    return { url: undefined, drop: () => Promise.resolve() };
  }
  const name = `t_${label.replace(/\W/g, "_").toLowerCase().slice(0, 30)}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(testEnv.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(testEnv.databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const sql = postgres(testEnv.databaseUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}
