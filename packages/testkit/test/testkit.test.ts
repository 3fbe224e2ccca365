import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createTestDatabase, startTcpRelay, testEnv } from "../src";

describe("test databases", () => {
  it("creates a fresh empty database on the server and drops it afterwards", async (ctx) => {
    const database = await createTestDatabase("testkit");
    if (!database.url) return ctx.skip("no PostgreSQL server answers");
    const name = new URL(database.url).pathname.slice(1);
    const admin = postgres(testEnv.databaseUrl, { max: 1 });
    try {
      const tables = postgres(database.url, { max: 1 });
      const [row] =
        await tables`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
      await tables.end();
      expect(row?.n).toBe(0);
      await database.drop();
      const left = await admin`select 1 from pg_database where datname = ${name}`;
      expect(left).toHaveLength(0);
    } finally {
      await admin.end();
    }
  });
});

describe("TCP relay", () => {
  it("relays to PostgreSQL, cuts every connection on demand, and restores", async (ctx) => {
    const probe = await createTestDatabase("relay_probe");
    await probe.drop();
    if (!probe.url) return ctx.skip("no PostgreSQL server answers");
    const server = new URL(testEnv.databaseUrl);
    const relay = await startTcpRelay({ host: server.hostname, port: Number(server.port || 5432) });
    const viaRelay = new URL(testEnv.databaseUrl);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const sql = postgres(viaRelay.toString(), { max: 1, connect_timeout: 2 });
    try {
      expect((await sql`select 1 as one`)[0]?.one).toBe(1);
      relay.cut();
      await expect(sql`select 1`).rejects.toThrow();
      relay.restore();
      expect((await sql`select 2 as two`)[0]?.two).toBe(2);
    } finally {
      await sql.end({ timeout: 1 });
      await relay.close();
    }
  });
});
