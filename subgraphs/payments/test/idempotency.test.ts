import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@storefront/platform/logger";
import { waitFor } from "@storefront/testkit";
import { schema } from "../src/db";
import { chargeFingerprint } from "../src/services/charges";
import { startIdempotencyKeySweeper, sweepIdempotencyKeys } from "../src/services/idempotency";
import { CARDS, card, chargeInput, startStack, type ChargeInput, type Stack } from "./stack";

let h: Stack;
beforeAll(async () => {
  h = await startStack();
});
afterAll(async () => {
  await h?.stop();
});

const log = createLogger({ service: "payments-test", level: "silent" });

const paymentsOfOrder = (orderId: string) =>
  h.db.select().from(schema.payments).where(eq(schema.payments.orderId, orderId));
const keyRow = async (scope: string, key: string) => {
  const [row] = await h.db
    .select()
    .from(schema.idempotencyKeys)
    .where(and(eq(schema.idempotencyKeys.scope, scope), eq(schema.idempotencyKeys.key, key)));
  return row;
};
/** Calls the processor received for a charge key (the provider's key is derived from the key's row). */
const chargesWithKey = async (key: string) => {
  const row = await keyRow("service", key);
  return row ? h.provider.charges.filter((c) => c.idempotencyKey === `charge_${row.id}`) : [];
};

/** The fingerprint the service computes for a charge, for rows a test plants itself. */
function fingerprintOf(input: ChargeInput) {
  return chargeFingerprint(input, {
    brand: "VISA",
    last4: input.card.number.slice(-4),
    expMonth: input.card.expMonth,
    expYear: input.card.expYear,
  });
}

describe("the same key and the same request", () => {
  it("returns the first payment and charges nothing more", async () => {
    const input = chargeInput();
    const first = await h.charge(input);
    const again = await h.charge(input);
    expect(again.data).toEqual(first.data);
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(1);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
    expect((await keyRow("service", input.idempotencyKey))?.status).toBe("COMPLETED");
  });

  it("returns a stored failure as it was, without asking the processor again", async () => {
    const input = chargeInput({ card: card(CARDS.processingError) });
    const first = (await h.charge(input)).data!.chargePayment;
    expect(first).toMatchObject({ status: "FAILED", failureCode: "PROCESSING_ERROR" });
    const again = (await h.charge(input)).data!.chargePayment;
    expect(again).toEqual(first);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("treats the same card typed differently (spaces, two-digit year) as the same request", async () => {
    const input = chargeInput();
    const first = (await h.charge(input)).data!.chargePayment;
    const retyped = {
      ...input,
      card: { ...input.card, number: "4242 4242 4242 4242", expYear: input.card.expYear % 100 },
    };
    expect((await h.charge(retyped)).data!.chargePayment.id).toBe(first.id);
  });
});

describe("the same key and a different request", () => {
  it.each([
    ["amount", (i: ChargeInput) => ({ ...i, amount: i.amount + 1 })],
    ["currency", (i: ChargeInput) => ({ ...i, currency: "EUR" })],
    ["order", (i: ChargeInput) => ({ ...i, orderId: randomUUID() })],
    ["customer", (i: ChargeInput) => ({ ...i, userId: randomUUID() })],
    ["card", (i: ChargeInput) => ({ ...i, card: card(CARDS.mastercard) })],
    ["card expiry", (i: ChargeInput) => ({ ...i, card: { ...i.card, expMonth: 11 } })],
  ])("is refused when the %s differs, and nothing is charged", async (_, change) => {
    const input = chargeInput();
    await h.charge(input);
    const result = await h.charge(change(input));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "idempotencyKey",
      reason: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(result.errors?.[0]?.message).toMatch(/already used for a different request/);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("is refused even while the first request is still running", async () => {
    const input = chargeInput();
    await h.db.insert(schema.idempotencyKeys).values({
      scope: "service",
      key: input.idempotencyKey,
      operation: "CHARGE",
      fingerprint: fingerprintOf(input),
      orderId: input.orderId,
      lockToken: randomUUID(),
    });
    const started = Date.now();
    const result = await h.charge({ ...input, amount: 1 });
    expect(result.errors?.[0]?.extensions?.reason).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("concurrent requests with one key", () => {
  it("10 at once: exactly one payment row, one charge at the processor, the same answer for all", async () => {
    const input = chargeInput();
    const results = await Promise.all(Array.from({ length: 10 }, () => h.charge(input)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const ids = new Set(results.map((r) => r.data!.chargePayment.id));
    expect(ids.size).toBe(1);
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(1);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
  });

  it("duplicates wait for a slow first request and get its outcome", async () => {
    h.provider.delayMs = 400;
    try {
      const input = chargeInput({ card: card(CARDS.declined) });
      const results = await Promise.all(Array.from({ length: 5 }, () => h.charge(input)));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(results.map((r) => r.data!.chargePayment.id)).size).toBe(1);
      expect(results[0]!.data!.chargePayment.failureCode).toBe("DECLINED");
      expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
    } finally {
      h.provider.delayMs = 0;
    }
  });

  it("a duplicate gives up with a retryable error when the first does not finish in time", async () => {
    const input = chargeInput();
    // A live claim (just taken, not stale): the first request is still running somewhere.
    await h.db.insert(schema.idempotencyKeys).values({
      scope: "service",
      key: input.idempotencyKey,
      operation: "CHARGE",
      fingerprint: fingerprintOf(input),
      orderId: input.orderId,
      lockToken: randomUUID(),
    });
    const started = Date.now();
    const result = await h.charge(input);
    const waited = Date.now() - started;
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      field: "idempotencyKey",
      reason: "IDEMPOTENCY_KEY_IN_USE",
      retryAfterSeconds: 1,
    });
    expect(result.errors?.[0]?.message).toMatch(/still being processed/);
    expect(waited).toBeGreaterThanOrEqual(4_500);
    expect(waited).toBeLessThan(9_000);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(0);
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(0);
  });
});

describe("a claim left IN_PROGRESS by a process that crashed", () => {
  it("is taken over once stale: the charge is made (with the same provider key) and recorded once", async () => {
    const input = chargeInput();
    const deadToken = randomUUID();
    await h.db.insert(schema.idempotencyKeys).values({
      scope: "service",
      key: input.idempotencyKey,
      operation: "CHARGE",
      fingerprint: fingerprintOf(input),
      orderId: input.orderId,
      lockToken: deadToken,
      lockedAt: new Date(Date.now() - 10 * 60_000),
    });
    // Before the takeover the order's charge counts as in flight, never as "not charged".
    expect((await h.paymentForOrder(input.orderId)).errors?.[0]?.extensions?.reason).toBe(
      "IDEMPOTENCY_KEY_IN_USE",
    );

    const results = await Promise.all(Array.from({ length: 4 }, () => h.charge(input)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.chargePayment.id)).size).toBe(1);
    expect(results[0]!.data!.chargePayment.status).toBe("SUCCEEDED");
    const rows = await paymentsOfOrder(input.orderId);
    expect(rows).toHaveLength(1);
    expect(await chargesWithKey(input.idempotencyKey)).toHaveLength(1);
    const key = await keyRow("service", input.idempotencyKey);
    expect(key).toMatchObject({ status: "COMPLETED", paymentId: rows[0]!.id, lockToken: null });
    expect((await h.paymentForOrder(input.orderId)).data?.paymentForOrder?.id).toBe(rows[0]!.id);
  });

  it("the crashed holder cannot record anything afterwards: its lock token no longer matches", async () => {
    const input = chargeInput();
    const deadToken = randomUUID();
    const [planted] = await h.db
      .insert(schema.idempotencyKeys)
      .values({
        scope: "service",
        key: input.idempotencyKey,
        operation: "CHARGE",
        fingerprint: fingerprintOf(input),
        orderId: input.orderId,
        lockToken: deadToken,
        lockedAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    await h.charge(input);
    const stillHeldByDead = await h.db
      .select()
      .from(schema.idempotencyKeys)
      .where(
        and(eq(schema.idempotencyKeys.id, planted!.id), eq(schema.idempotencyKeys.lockToken, deadToken)),
      );
    expect(stillHeldByDead).toHaveLength(0);
  });
});

describe("a request that fails unexpectedly", () => {
  it("gives its claim up: a retry with the key reaches the processor with the same provider key, and records once", async () => {
    const input = chargeInput();
    h.provider.failNext = 1;
    const failed = await h.charge(input);
    expect(failed.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(failed.errors?.[0]?.message).not.toMatch(/processor unreachable/);
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(0);
    // The processor may have charged before the failure: the order is not "never charged".
    expect((await h.paymentForOrder(input.orderId)).errors?.[0]?.extensions?.reason).toBe(
      "IDEMPOTENCY_KEY_IN_USE",
    );

    const retry = await h.charge(input);
    expect(retry.data?.chargePayment.status).toBe("SUCCEEDED");
    const calls = await chargesWithKey(input.idempotencyKey);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.idempotencyKey).toBe(calls[0]!.idempotencyKey);
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(1);
  });
});

describe("scopes", () => {
  it("the same key from the service (a charge) and from an administrator (a refund) are different keys", async () => {
    const admin = await h.accounts.admin();
    const shared = randomUUID();
    const { payment } = await h.charged({ idempotencyKey: shared });
    const refund = await h.refund(admin.token, {
      paymentId: payment.id,
      amount: 100,
      idempotencyKey: shared,
    });
    expect(refund.data?.refundPayment.__typename).toBe("RefundSucceeded");
    expect((await keyRow("service", shared))?.operation).toBe("CHARGE");
    expect((await keyRow(`admin:${admin.id}`, shared))?.operation).toBe("REFUND");
  });

  it("two administrators using the same key do not see each other's outcome", async () => {
    const [first, second] = [await h.accounts.admin(), await h.accounts.admin()];
    const { payment } = await h.charged({ amount: 1000 });
    const key = randomUUID();
    const a = await h.refund(first.token, { paymentId: payment.id, amount: 100, idempotencyKey: key });
    const b = await h.refund(second.token, { paymentId: payment.id, amount: 200, idempotencyKey: key });
    expect(a.data?.refundPayment).toMatchObject({
      __typename: "RefundSucceeded",
      refund: { amount: { amount: 100 } },
    });
    expect(b.data?.refundPayment).toMatchObject({
      __typename: "RefundSucceeded",
      refund: { amount: { amount: 200 } },
    });
  });
});

describe("keeping and sweeping keys", () => {
  async function plantKey(ageHours: number, status: "IN_PROGRESS" | "COMPLETED" = "IN_PROGRESS") {
    const key = `sweep-${randomUUID()}`;
    await h.db.insert(schema.idempotencyKeys).values({
      scope: "sweep-test",
      key,
      operation: "CHARGE",
      fingerprint: "0".repeat(64),
      status,
      lockToken: status === "IN_PROGRESS" ? randomUUID() : null,
      ...(status === "COMPLETED"
        ? { paymentId: (await h.charged()).payment.id, completedAt: new Date() }
        : {}),
      createdAt: sql`now() - make_interval(secs => ${ageHours * 3600})`,
    });
    return key;
  }
  const surviving = async (keys: string[]) =>
    (
      await h.db
        .select({ key: schema.idempotencyKeys.key })
        .from(schema.idempotencyKeys)
        .where(inArray(schema.idempotencyKeys.key, keys))
    )
      .map((row) => row.key)
      .sort();

  it("removes only finished keys older than the TTL; an unfinished one stays, however old", async () => {
    const old = [
      await plantKey(25, "COMPLETED"),
      await plantKey(24.1, "COMPLETED"),
      await plantKey(200, "COMPLETED"),
    ];
    const young = [await plantKey(23.9, "COMPLETED"), await plantKey(1), await plantKey(0)];
    // Its charge may have gone through unrecorded: forgetting it would later read as "no charge".
    const unfinished = await plantKey(200);
    const removed = await sweepIdempotencyKeys(h.db, 24);
    expect(removed).toBeGreaterThanOrEqual(3);
    expect(await surviving([...old, ...young, unfinished])).toEqual([...young, unfinished].sort());
    // A longer TTL keeps more.
    const keptLonger = await plantKey(30, "COMPLETED");
    await sweepIdempotencyKeys(h.db, 48);
    expect(await surviving([keptLonger])).toEqual([keptLonger]);
  });

  it("a swept key is free again: the next request with it is a new charge", async () => {
    const input = chargeInput();
    const first = (await h.charge(input)).data!.chargePayment;
    await h.db
      .update(schema.idempotencyKeys)
      .set({ createdAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(schema.idempotencyKeys.key, input.idempotencyKey));
    await sweepIdempotencyKeys(h.db, 24);
    expect(await keyRow("service", input.idempotencyKey)).toBeUndefined();
    // The stored payment is untouched by the sweep.
    expect(await paymentsOfOrder(input.orderId)).toHaveLength(1);
    const fresh = await h.charge({ ...input, amount: input.amount + 1 });
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data!.chargePayment.id).not.toBe(first.id);
  });

  it("the periodic sweeper sweeps on its interval and stops cleanly", async () => {
    const old = await plantKey(48, "COMPLETED");
    const sweeper = startIdempotencyKeySweeper(h.db, log, { ttlHours: 24, intervalMs: 50 });
    const left = await waitFor(
      () => surviving([old]),
      (keys) => keys.length === 0,
      5_000,
    );
    await sweeper.stop();
    expect(left).toEqual([]);
    const later = await plantKey(48, "COMPLETED");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await surviving([later])).toEqual([later]);
  });
});
