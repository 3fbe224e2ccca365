import { randomUUID } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@storefront/platform/logger";
import { useStack } from "@storefront/testkit";
import { schema, type CatalogueDatabase } from "../src/db";
import { releaseExpiredReservations, startReservationSweeper } from "../src/services/reservations";
import {
  CommitReservationDocument,
  ReleaseReservationDocument,
  ReservationDocument,
  ReserveStockDocument,
  type ReservationLineInput,
} from "./generated/catalogue";
import { insertProduct, startStack } from "./stack";

// The subgraph's own sweeper stays out of the way; tests run sweeps themselves.
const h = useStack(() => startStack({ RESERVATION_SWEEP_SECONDS: "3600" }));

const db = () => h.catalogue.database.db;
const log = createLogger({ service: "catalogue-test", level: "silent" });

/** The reservation operations are internal: sent as another platform service, as the orders subgraph does. */
async function reserve(
  lines: ReservationLineInput[],
  options: { reservationId?: string; ttlSeconds?: number } = {},
) {
  const result = await h.execute(
    ReserveStockDocument,
    {
      input: {
        reservationId: options.reservationId ?? randomUUID(),
        lines,
        ttlSeconds: options.ttlSeconds ?? 600,
      },
    },
    h.service,
  );
  if (!result.data) throw new Error(`reserveStock failed: ${JSON.stringify(result.errors)}`);
  return result.data.reserveStock;
}

async function reserved(
  lines: ReservationLineInput[],
  options: { reservationId?: string; ttlSeconds?: number } = {},
) {
  const result = await reserve(lines, options);
  if (result.__typename !== "Reservation")
    throw new Error(`expected a reservation: ${JSON.stringify(result)}`);
  return result;
}

/** Releases or commits a reservation: its state afterwards, or the error it was refused with. */
async function settle(
  operation: typeof ReleaseReservationDocument | typeof CommitReservationDocument,
  id: string,
) {
  if (operation === ReleaseReservationDocument) {
    const result = await h.execute(ReleaseReservationDocument, { id }, h.service);
    return { reservation: result.data?.releaseReservation, error: result.errors?.[0] };
  }
  const result = await h.execute(CommitReservationDocument, { id }, h.service);
  return { reservation: result.data?.commitReservation, error: result.errors?.[0] };
}

async function variantsWithStock(...stock: number[]) {
  const { variants } = await insertProduct(h.catalogue, { variants: stock.map((s) => ({ stock: s })) });
  return variants.map((v) => v.id);
}

async function onHand(variantId: string) {
  const [row] = await db()
    .select({ onHand: schema.stockLevels.onHand })
    .from(schema.stockLevels)
    .where(eq(schema.stockLevels.variantId, variantId));
  return row?.onHand ?? 0;
}

async function ledgerSum(variantId: string) {
  const [row] = await db()
    .select({ total: sql<number>`coalesce(sum(${schema.stockMovements.quantity}), 0)`.mapWith(Number) })
    .from(schema.stockMovements)
    .where(eq(schema.stockMovements.variantId, variantId));
  return row!.total;
}

async function movementsOf(reservationId: string) {
  return db()
    .select({
      variantId: schema.stockMovements.variantId,
      kind: schema.stockMovements.kind,
      quantity: schema.stockMovements.quantity,
    })
    .from(schema.stockMovements)
    .where(eq(schema.stockMovements.reservationId, reservationId))
    .orderBy(asc(schema.stockMovements.kind), asc(schema.stockMovements.variantId));
}

async function storedReservation(id: string) {
  const [row] = await db().select().from(schema.reservations).where(eq(schema.reservations.id, id));
  return row;
}

describe("reserveStock", () => {
  it("holds every line, records RESERVATION movements and sets the expiry from the ttl", async () => {
    const [a, b] = await variantsWithStock(5, 8);
    const before = Date.now();
    const result = await reserved(
      [
        { variantId: a!, quantity: 2 },
        { variantId: b!, quantity: 3 },
      ],
      { ttlSeconds: 900 },
    );
    expect(result.status).toBe("HELD");
    expect(result.lines).toEqual(
      [
        { variantId: a, quantity: 2 },
        { variantId: b, quantity: 3 },
      ].sort((x, y) => (x.variantId! < y.variantId! ? -1 : 1)),
    );
    const expiresIn = Date.parse(result.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(895_000);
    expect(expiresIn).toBeLessThan(905_000);
    expect([await onHand(a!), await onHand(b!)]).toEqual([3, 5]);
    expect([await ledgerSum(a!), await ledgerSum(b!)]).toEqual([3, 5]);
    expect(await movementsOf(result.id)).toEqual(
      [
        { variantId: a, kind: "RESERVATION", quantity: -2 },
        { variantId: b, kind: "RESERVATION", quantity: -3 },
      ].sort((x, y) => (x.variantId! < y.variantId! ? -1 : 1)),
    );
  });

  it("never oversells: 200 concurrent single-unit reservations against 50 in stock", async () => {
    const [variantId] = await variantsWithStock(50);
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const results = await Promise.all(
      ids.map((reservationId) => reserve([{ variantId: variantId!, quantity: 1 }], { reservationId })),
    );
    const held = results.filter((r) => r.__typename === "Reservation");
    const short = results.filter((r) => r.__typename === "InsufficientStock");
    expect(held).toHaveLength(50);
    expect(short).toHaveLength(150);
    for (const r of short) expect(r.lines).toEqual([{ variantId, requested: 1, available: 0 }]);
    expect(await onHand(variantId!)).toBe(0);
    expect(await ledgerSum(variantId!)).toBe(0);
    const rows = await db().select().from(schema.reservations).where(inArray(schema.reservations.id, ids));
    expect(rows).toHaveLength(50);
  });

  it("is idempotent on the reservation id, sequentially and concurrently", async () => {
    const [variantId] = await variantsWithStock(10);
    const lines = [{ variantId: variantId!, quantity: 3 }];

    const reservationId = randomUUID();
    const first = await reserved(lines, { reservationId });
    const again = await reserved(lines, { reservationId });
    expect(again).toEqual(first);
    expect(await onHand(variantId!)).toBe(7);

    const concurrentId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => reserve(lines, { reservationId: concurrentId })),
    );
    expect(results.every((r) => r.__typename === "Reservation" && r.id === concurrentId)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await onHand(variantId!)).toBe(4);
    expect(await movementsOf(concurrentId)).toEqual([{ variantId, kind: "RESERVATION", quantity: -3 }]);
    expect(await ledgerSum(variantId!)).toBe(4);
  });

  it("reserves nothing when one line is short, and lists every short line", async () => {
    const [plenty, scarce, alsoScarce] = await variantsWithStock(10, 1, 2);
    const unknown = randomUUID();
    const reservationId = randomUUID();
    const result = await reserve(
      [
        { variantId: plenty!, quantity: 4 },
        { variantId: scarce!, quantity: 2 },
        { variantId: alsoScarce!, quantity: 2 },
        { variantId: unknown, quantity: 1 },
      ],
      { reservationId },
    );
    expect(result.__typename).toBe("InsufficientStock");
    expect(
      result.lines.map((line) => ({ ...line })).sort((x, y) => (x.variantId < y.variantId ? -1 : 1)),
    ).toEqual(
      [
        { variantId: scarce, requested: 2, available: 1 },
        { variantId: unknown, requested: 1, available: 0 },
      ].sort((x, y) => (x.variantId! < y.variantId! ? -1 : 1)),
    );
    expect([await onHand(plenty!), await onHand(scarce!), await onHand(alsoScarce!)]).toEqual([10, 1, 2]);
    expect(await storedReservation(reservationId)).toBeUndefined();
    expect(await movementsOf(reservationId)).toEqual([]);

    // Nothing was kept of the failed attempt, so the same id may try again once stock allows.
    const retry = await reserved([{ variantId: plenty!, quantity: 4 }], { reservationId });
    expect(retry.id).toBe(reservationId);
    expect(await onHand(plenty!)).toBe(6);
  });

  it("treats archived and malformed variants as unavailable", async () => {
    const [archived] = await variantsWithStock(5);
    await db().update(schema.variants).set({ status: "ARCHIVED" }).where(eq(schema.variants.id, archived!));
    const result = await reserve([
      { variantId: archived!, quantity: 1 },
      { variantId: "no-such-variant", quantity: 1 },
    ]);
    expect(result).toEqual({
      __typename: "InsufficientStock",
      lines: [
        { variantId: archived, requested: 1, available: 0 },
        { variantId: "no-such-variant", requested: 1, available: 0 },
      ].sort((x, y) => (x.variantId! < y.variantId! ? -1 : 1)),
    });
    expect(await onHand(archived!)).toBe(5);
  });

  it("sums lines for the same variant", async () => {
    const [variantId] = await variantsWithStock(10);
    const result = await reserved([
      { variantId: variantId!, quantity: 2 },
      { variantId: variantId!, quantity: 5 },
    ]);
    expect(result.lines).toEqual([{ variantId, quantity: 7 }]);
    expect(await onHand(variantId!)).toBe(3);
    expect(await movementsOf(result.id)).toEqual([{ variantId, kind: "RESERVATION", quantity: -7 }]);
  });

  it("refuses bad input with the field at fault and writes nothing", async () => {
    const [variantId] = await variantsWithStock(10);
    const line = { variantId: variantId!, quantity: 1 };
    const cases: [Record<string, unknown>, string][] = [
      [{ reservationId: "not-a-uuid" }, "reservationId"],
      [{ lines: [] }, "lines"],
      [{ lines: Array.from({ length: 101 }, () => line) }, "lines"],
      [{ lines: [{ variantId, quantity: 0 }] }, "lines.0.quantity"],
      [{ lines: [line, { variantId, quantity: 10_001 }] }, "lines.1.quantity"],
      [{ ttlSeconds: 0 }, "ttlSeconds"],
      [{ ttlSeconds: 86_401 }, "ttlSeconds"],
    ];
    for (const [override, field] of cases) {
      const reservationId = randomUUID();
      const result = await h.execute(
        ReserveStockDocument,
        {
          input: { reservationId, lines: [line], ttlSeconds: 60, ...override },
        },
        h.service,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await storedReservation(reservationId)).toBeUndefined();
    }
    expect(await onHand(variantId!)).toBe(10);
    expect(await ledgerSum(variantId!)).toBe(10);
  });

  it("is FORBIDDEN without the service credential, whoever the caller is, and writes nothing", async () => {
    const [variantId] = await variantsWithStock(10);
    const heldId = (await reserved([{ variantId: variantId!, quantity: 1 }])).id;
    const customer = await h.customer();
    const admin = await h.admin();
    for (const auth of [
      {},
      { token: customer.token },
      { token: admin.token },
      { headers: { "x-service-token": "wrong" } },
    ]) {
      const reservationId = randomUUID();
      const client = h.as(auth);
      const attempt = await client.execute(ReserveStockDocument, {
        input: { reservationId, lines: [{ variantId: variantId!, quantity: 2 }], ttlSeconds: 60 },
      });
      expect(attempt.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(await storedReservation(reservationId)).toBeUndefined();
      for (const send of [
        () => client.execute(ReleaseReservationDocument, { id: heldId }),
        () => client.execute(CommitReservationDocument, { id: heldId }),
        () => client.execute(ReservationDocument, { id: heldId }),
      ]) {
        const result = await send();
        expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    }
    expect(await onHand(variantId!)).toBe(9);
    expect((await storedReservation(heldId))?.status).toBe("HELD");
  });
});

describe("reservation", () => {
  it("reads a reservation as stored, and null for an unknown id", async () => {
    const [variantId] = await variantsWithStock(3);
    const held = await reserved([{ variantId: variantId!, quantity: 1 }]);
    const found = await h.execute(ReservationDocument, { id: held.id }, h.service);
    expect(found.data?.reservation).toEqual({
      id: held.id,
      status: "HELD",
      expiresAt: held.expiresAt,
      lines: held.lines,
    });
    for (const id of [randomUUID(), "nope"]) {
      const missing = await h.execute(ReservationDocument, { id }, h.service);
      expect(missing.errors).toBeUndefined();
      expect(missing.data?.reservation).toBeNull();
    }
  });
});

describe("releaseReservation", () => {
  it("gives the stock back once, however often it is called", async () => {
    const [a, b] = await variantsWithStock(6, 4);
    const held = await reserved([
      { variantId: a!, quantity: 2 },
      { variantId: b!, quantity: 4 },
    ]);
    expect([await onHand(a!), await onHand(b!)]).toEqual([4, 0]);

    const first = await settle(ReleaseReservationDocument, held.id);
    expect(first.reservation?.status).toBe("RELEASED");
    const second = await settle(ReleaseReservationDocument, held.id);
    expect(second.reservation).toEqual(first.reservation);
    await Promise.all([
      settle(ReleaseReservationDocument, held.id),
      settle(ReleaseReservationDocument, held.id),
    ]);

    expect([await onHand(a!), await onHand(b!)]).toEqual([6, 4]);
    expect([await ledgerSum(a!), await ledgerSum(b!)]).toEqual([6, 4]);
    const releases = (await movementsOf(held.id)).filter((m) => m.kind === "RELEASE");
    expect(releases).toEqual(
      [
        { variantId: a, kind: "RELEASE", quantity: 2 },
        { variantId: b, kind: "RELEASE", quantity: 4 },
      ].sort((x, y) => (x.variantId! < y.variantId! ? -1 : 1)),
    );
    expect((await storedReservation(held.id))?.settledAt).toBeInstanceOf(Date);
  });

  it("answers NOT_FOUND for an unknown or malformed id", async () => {
    for (const id of [randomUUID(), "nope"]) {
      for (const operation of [ReleaseReservationDocument, CommitReservationDocument]) {
        const { error } = await settle(operation, id);
        expect(error?.extensions?.code).toBe("NOT_FOUND");
      }
    }
  });
});

describe("commitReservation", () => {
  it("turns the hold into a sale without changing on hand, once", async () => {
    const [variantId] = await variantsWithStock(5);
    const held = await reserved([{ variantId: variantId!, quantity: 2 }]);
    expect(await onHand(variantId!)).toBe(3);

    const first = await settle(CommitReservationDocument, held.id);
    expect(first.reservation?.status).toBe("COMMITTED");
    expect(await onHand(variantId!)).toBe(3);
    const second = await settle(CommitReservationDocument, held.id);
    expect(second.reservation).toEqual(first.reservation);

    expect(await movementsOf(held.id)).toEqual([
      { variantId, kind: "RESERVATION", quantity: -2 },
      { variantId, kind: "RELEASE", quantity: 2 },
      { variantId, kind: "SALE", quantity: -2 },
    ]);
    expect(await onHand(variantId!)).toBe(3);
    expect(await ledgerSum(variantId!)).toBe(3);

    const release = await settle(ReleaseReservationDocument, held.id);
    expect(release.error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(release.error?.message).toMatch(/already committed/i);
    expect(await onHand(variantId!)).toBe(3);
  });

  it("is refused after a release, and stock stays given back", async () => {
    const [variantId] = await variantsWithStock(5);
    const held = await reserved([{ variantId: variantId!, quantity: 2 }]);
    await settle(ReleaseReservationDocument, held.id);
    const commit = await settle(CommitReservationDocument, held.id);
    expect(commit.reservation).toBeUndefined();
    expect(commit.error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
    expect(commit.error?.message).toMatch(/expired or was released/i);
    expect((await storedReservation(held.id))?.status).toBe("RELEASED");
    expect(await onHand(variantId!)).toBe(5);
    expect((await movementsOf(held.id)).map((m) => m.kind)).not.toContain("SALE");
  });

  it("still commits a hold that has expired but has not been swept yet", async () => {
    const [variantId] = await variantsWithStock(5);
    const held = await reserved([{ variantId: variantId!, quantity: 1 }]);
    await db()
      .update(schema.reservations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(schema.reservations.id, held.id));
    const commit = await settle(CommitReservationDocument, held.id);
    expect(commit.reservation?.status).toBe("COMMITTED");
    expect(await releaseExpiredReservations(db(), log)).toBe(0);
    expect(await onHand(variantId!)).toBe(4);
  });
});

describe("expired reservations", () => {
  it("are released by the background sweeper and their stock comes back", async () => {
    const [variantId] = await variantsWithStock(4);
    const held = await reserved([{ variantId: variantId!, quantity: 3 }], { ttlSeconds: 1 });
    expect(await onHand(variantId!)).toBe(1);
    const sweeper = startReservationSweeper(db(), log, 100);
    try {
      await vi.waitFor(
        async () => {
          expect((await storedReservation(held.id))?.status).toBe("RELEASED");
        },
        { timeout: 10_000, interval: 100 },
      );
    } finally {
      await sweeper.stop();
    }
    expect(await onHand(variantId!)).toBe(4);
    expect(await ledgerSum(variantId!)).toBe(4);
    expect((await movementsOf(held.id)).filter((m) => m.kind === "RELEASE")).toEqual([
      { variantId, kind: "RELEASE", quantity: 3 },
    ]);
  });

  it("are released exactly once when sweeps run concurrently, and live holds are left alone", async () => {
    const [a, b] = await variantsWithStock(10, 10);
    const expiring = [
      await reserved([{ variantId: a!, quantity: 1 }]),
      await reserved([
        { variantId: a!, quantity: 2 },
        { variantId: b!, quantity: 3 },
      ]),
      await reserved([{ variantId: b!, quantity: 4 }]),
    ];
    const live = await reserved([{ variantId: a!, quantity: 1 }]);
    await db()
      .update(schema.reservations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(
        inArray(
          schema.reservations.id,
          expiring.map((r) => r.id),
        ),
      );
    expect([await onHand(a!), await onHand(b!)]).toEqual([6, 3]);

    const swept = await Promise.all([
      releaseExpiredReservations(db(), log),
      releaseExpiredReservations(db(), log),
    ]);
    expect(swept[0] + swept[1]).toBe(3);
    expect(await releaseExpiredReservations(db(), log)).toBe(0);

    expect([await onHand(a!), await onHand(b!)]).toEqual([9, 10]);
    expect([await ledgerSum(a!), await ledgerSum(b!)]).toEqual([9, 10]);
    for (const reservation of expiring) {
      expect((await storedReservation(reservation.id))?.status).toBe("RELEASED");
      const releases = (await movementsOf(reservation.id)).filter((m) => m.kind === "RELEASE");
      expect(releases.map((m) => ({ variantId: m.variantId, quantity: m.quantity }))).toEqual(
        [...reservation.lines].sort((x, y) => (x.variantId < y.variantId ? -1 : 1)),
      );
    }
    expect((await storedReservation(live.id))?.status).toBe("HELD");
  });

  it("are skipped, not waited for, while another replica's sweep holds them", async (context) => {
    // Needs a second connection; the embedded single-connection database would wait on itself.
    if (h.catalogue.database.driver !== "postgres") context.skip("needs a PostgreSQL server");
    const [variantId] = await variantsWithStock(5);
    const held = await reserved([{ variantId: variantId!, quantity: 2 }]);
    await db()
      .update(schema.reservations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(schema.reservations.id, held.id));

    const whileLocked = await db().transaction(async (tx) => {
      await tx.select().from(schema.reservations).where(eq(schema.reservations.id, held.id)).for("update");
      return releaseExpiredReservations(db(), log);
    });
    expect(whileLocked).toBe(0);
    expect(await onHand(variantId!)).toBe(3);

    expect(await releaseExpiredReservations(db(), log)).toBe(1);
    expect(await onHand(variantId!)).toBe(5);
  });

  it("logs a failed sweep and keeps sweeping; stop() waits for the sweep in progress", async () => {
    let attempts = 0;
    let finishSweep: (() => void) | undefined;
    const failingThenSlow = {
      transaction: () => {
        attempts++;
        if (attempts <= 2) return Promise.reject(new Error("database unavailable"));
        return new Promise<number>((resolve) => {
          finishSweep = () => resolve(0);
        });
      },
    } as unknown as CatalogueDatabase;
    const sweeperLog = createLogger({ service: "catalogue-test", level: "silent" });
    // The sweeper logs through a child, which inherits its log methods from this logger.
    const errors = vi.spyOn(sweeperLog, "error");

    const sweeper = startReservationSweeper(failingThenSlow, sweeperLog, 10);
    await vi.waitFor(() => expect(finishSweep).toBeDefined(), { timeout: 5_000, interval: 10 });
    expect(errors).toHaveBeenCalledTimes(2);

    let stopped = false;
    const stopping = sweeper.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finishSweep!();
    await stopping;
    expect(attempts).toBe(3);
  });
});
