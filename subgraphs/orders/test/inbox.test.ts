import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@storefront/platform/db";
import { handleOnce } from "@storefront/platform/inbox";
import { createTestDatabase, type TestDatabase } from "@storefront/testkit";
import { migrationsFolder, schema } from "../src/db";
import { inbox } from "../src/db/schema";

/** The idempotent-consumer inbox on the real PostgreSQL, with orders' own inbox table. */
let database: TestDatabase;
let handle: DatabaseHandle<typeof schema>;

beforeAll(async () => {
  database = await createTestDatabase("inbox");
  handle = await openDatabase({
    service: "orders",
    url: database.url,
    dataDir: "memory://",
    migrationsFolder,
    schema,
    log: pino({ level: "silent" }),
  });
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

const message = () => ({ id: randomUUID(), type: "test.inbox.v1" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("handleOnce", () => {
  it("runs the effect once for two deliveries of one message at the same time", async () => {
    const delivered = message();
    let effects = 0;
    const deliver = () =>
      handleOnce(handle.db, inbox, delivered, async () => {
        effects++;
        // Holds the first transaction open while the second delivery arrives.
        await sleep(200);
      });
    const outcomes = await Promise.all([deliver(), deliver()]);
    expect(effects).toBe(1);
    expect(outcomes.sort()).toEqual([false, true]);
  });

  it("lets a later delivery run the effect when the first one rolled back", async () => {
    const delivered = message();
    let effects = 0;
    const failing = handleOnce(handle.db, inbox, delivered, async () => {
      await sleep(100);
      throw new Error("the effect failed");
    });
    const retried = (async () => {
      await sleep(20);
      return handleOnce(handle.db, inbox, delivered, () => {
        effects++;
        return Promise.resolve();
      });
    })();
    await expect(failing).rejects.toThrow("the effect failed");
    expect(await retried).toBe(true);
    expect(effects).toBe(1);
  });
});
