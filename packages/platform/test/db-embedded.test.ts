import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedTransactionMisuseError, openDatabase, type DatabaseHandle } from "../src/db";
import { runInBackground, runInRequestScope } from "../src/request-scope";

// The embedded database has one connection: a statement sent through the ordinary handle from
// inside a transaction's callback can never run. These tests pin down that it fails at once
// instead of hanging, and that everything legitimate still works.
describe("embedded database (PGlite) and its single connection", () => {
  let handle: DatabaseHandle<Record<string, never>>;
  let migrations: string;

  beforeAll(async () => {
    migrations = mkdtempSync(path.join(tmpdir(), "migrations-"));
    mkdirSync(path.join(migrations, "meta"));
    writeFileSync(
      path.join(migrations, "meta/_journal.json"),
      JSON.stringify({ version: "7", dialect: "postgresql", entries: [] }),
    );
    handle = await openDatabase({
      service: "guard",
      dataDir: "memory://",
      migrationsFolder: migrations,
      schema: {},
      log: pino({ level: "silent" }),
    });
    await handle.db.execute(sql`create table counter (n int not null)`);
    await handle.db.execute(sql`insert into counter values (0)`);
  });
  const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;
  const counter = async () =>
    (rowsOf(await handle.db.execute(sql`select n from counter`))[0] as { n: number }).n;

  afterAll(async () => {
    await handle.close();
    rmSync(migrations, { recursive: true, force: true });
  });

  it("refuses at once a statement sent through the handle from inside a transaction", async () => {
    const { db } = handle;
    const started = Date.now();
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`update counter set n = n + 1`);
      await db.execute(sql`select n from counter`);
    });
    // Drizzle wraps what the driver throws, keeping it as the cause.
    const error = await attempt.then(
      () => undefined,
      (failure: unknown) => failure as { cause?: unknown },
    );
    expect(error?.cause).toBeInstanceOf(EmbeddedTransactionMisuseError);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The transaction rolled back and the connection is free again.
    expect(await counter()).toBe(0);
  });

  it("refuses a transaction opened through the handle from inside another", async () => {
    const { db } = handle;
    await expect(db.transaction(() => db.transaction(async () => {}))).rejects.toThrow(
      EmbeddedTransactionMisuseError,
    );
  });

  it("still runs savepoints through the transaction handle", async () => {
    const { db } = handle;
    await db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.execute(sql`update counter set n = n + 1`);
      });
    });
    expect(await counter()).toBe(1);
    await db.execute(sql`update counter set n = 0`);
  });

  it("lets work from other requests queue behind a transaction and run after it", async () => {
    const { db } = handle;
    let releaseTransaction!: () => void;
    const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`update counter set n = 5`);
      entered();
      await held;
    });
    await inside;
    const outside = db.execute(sql`select n from counter`);
    releaseTransaction();
    await transaction;
    expect(rowsOf(await outside)).toEqual([{ n: 5 }]);
    await db.execute(sql`update counter set n = 0`);
  });

  it("no longer treats work that outlives a finished transaction as inside it", async () => {
    const { db } = handle;
    let later: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // Started inside, runs after the commit: it must not be refused.
      later = new Promise((resolve) => setTimeout(resolve, 10)).then(() => db.execute(sql`select 1`));
    });
    await expect(later).resolves.toBeDefined();
  });

  it("counts the statements of callers, not the service's own background work", async () => {
    const { db } = handle;
    const before = handle.statementCount();
    const scope = { requestId: "caller", sqlStatements: 0 };
    // Drizzle's queries run when awaited, so inside the scope.
    await runInRequestScope(scope, async () => {
      await db.execute(sql`select 1`);
    });
    await runInBackground("housekeeping", async () => {
      await db.execute(sql`select 1`);
    });
    expect(handle.statementCount() - before).toBe(1);
    expect(scope.sqlStatements).toBe(1);
  });
});
