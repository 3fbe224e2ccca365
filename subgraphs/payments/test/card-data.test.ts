import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS, card, chargeInput, rows, startStack, type Stack } from "./stack";

/**
 * The card number and security code go to the processor and nowhere else: not into any row of
 * any table, not into any log line, even at trace level and on the error path.
 */

const logLines: string[] = [];
const log = pino(
  { level: "trace", base: { service: "payments" } },
  { write: (line: string) => logLines.push(line) },
);

let h: Stack;
beforeAll(async () => {
  h = await startStack({ log });
});
afterAll(async () => {
  await h?.stop();
});

/** Cards with security codes that cannot be mistaken for anything else in a row or log line. */
const USED = [
  { number: CARDS.mastercard, cvc: "7319" },
  { number: CARDS.visa, cvc: "864" },
  { number: CARDS.declined, cvc: "5820" },
  { number: CARDS.insufficientFunds, cvc: "6071" },
  { number: CARDS.processingError, cvc: "9362" },
];

/** A standalone token: not part of a longer number, a hex hash or a UUID. */
const token = (digits: string) => new RegExp(`(^|[^0-9a-f-])${digits}([^0-9a-f-]|$)`, "i");

async function everyRowAsText(): Promise<string[]> {
  const tables = await rows<{ table_name: string }>(
    h.db,
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.table_name).sort()).toEqual(["idempotency_keys", "payments", "refunds"]);
  const all: string[] = [];
  for (const { table_name } of tables) {
    const found = await rows<{ row: string }>(h.db, `select t::text as row from "${table_name}" t`);
    all.push(...found.map((r) => `${table_name}: ${r.row}`));
  }
  return all;
}

describe("card data", () => {
  beforeAll(async () => {
    const admin = await h.accounts.admin();
    for (const used of USED) {
      const spaced = used.number.replace(/(\d{4})(?=\d)/g, "$1 ");
      const { payment } = await h.charged({ amount: 2000, card: card(spaced, used.cvc) });
      if (payment.status === "SUCCEEDED") {
        await h.refund(admin.token, { paymentId: payment.id, amount: 500, reason: "partial" });
        await h.refund(admin.token, { paymentId: payment.id, amount: 5000 });
      }
    }
    // The error path: the processor fails once (logged as an unexpected error), the retry succeeds.
    h.provider.failNext = 1;
    const input = chargeInput({ amount: 2100, card: card(CARDS.mastercard, "7319") });
    expect((await h.charge(input)).errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect((await h.charge(input)).data?.chargePayment.status).toBe("SUCCEEDED");
    // Bad input that reaches validation with a near-miss number.
    const bad = await h.charge(chargeInput({ card: card("5555555555554445", "7319") }));
    expect(bad.errors?.[0]?.extensions?.field).toBe("card.number");
  });

  it("the processor did get the full card (so the scan below is meaningful)", () => {
    expect(h.provider.charges.some((c) => c.card.number === CARDS.mastercard && c.card.cvc === "7319")).toBe(
      true,
    );
  });

  it("no row of any payments table holds a card number or a security code", async () => {
    const all = await everyRowAsText();
    expect(all.length).toBeGreaterThan(USED.length);
    for (const row of all) {
      for (const used of [...USED, { number: "5555555555554445", cvc: "7319" }]) {
        expect(row).not.toContain(used.number);
        expect(row).not.toContain(used.number.slice(0, 12));
        expect(row, `${row} holds the CVC ${used.cvc}`).not.toMatch(token(used.cvc));
      }
    }
    // What is kept instead: brand and last four.
    expect(all.some((row) => row.includes("MASTERCARD") && row.includes("4444"))).toBe(true);
  });

  it("no log line holds a card number or a security code", () => {
    expect(logLines.some((line) => line.includes('"card charged"'))).toBe(true);
    expect(logLines.some((line) => line.includes("processor unreachable"))).toBe(true);
    expect(logLines.some((line) => line.includes('"level":10'))).toBe(true);
    for (const line of logLines) {
      for (const used of [...USED, { number: "5555555555554445", cvc: "7319" }]) {
        expect(line).not.toContain(used.number);
        expect(line).not.toContain(used.number.replace(/(\d{4})(?=\d)/g, "$1 "));
        expect(line, `${line} holds the CVC ${used.cvc}`).not.toMatch(token(used.cvc));
      }
    }
  });
});
