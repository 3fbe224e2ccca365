import { describe, expect, it } from "vitest";
import { orderStatuses, type OrderStatus } from "@storefront/contracts/enums";
import {
  assertTransition,
  cancelRefusal,
  canTransition,
  deliveryStepsFrom,
  FINAL_STATUSES,
  isCheckoutInProgress,
  isInDelivery,
} from "./order-status";

/** Every move the state machine allows, written out by hand so a changed rule fails here. */
const ALLOWED: [OrderStatus, OrderStatus][] = [
  ["PENDING", "PAYMENT_PENDING"],
  ["PENDING", "CANCELLED"],
  ["PAYMENT_PENDING", "PAID"],
  ["PAYMENT_PENDING", "PAYMENT_FAILED"],
  ["PAYMENT_PENDING", "CANCELLED"],
  ["PAID", "SHIPPED"],
  ["SHIPPED", "DELIVERED"],
];

const allPairs = orderStatuses.flatMap((from) =>
  orderStatuses.map((to) => [from, to] as [OrderStatus, OrderStatus]),
);
const isAllowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe("order state machine", () => {
  it.each(ALLOWED)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition("o-1", from, to)).not.toThrow();
  });

  it.each(allPairs.filter(([from, to]) => !isAllowed(from, to)))("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition("o-1", from, to)).toThrow(`order o-1 cannot go from ${from} to ${to}`);
  });

  it("has no way out of a final status, and a way out of every other", () => {
    for (const status of orderStatuses) {
      const exits = orderStatuses.filter((to) => canTransition(status, to));
      expect(exits.length === 0, status).toBe(FINAL_STATUSES.includes(status));
    }
  });

  it("never lets a paid order be cancelled or fail its payment", () => {
    for (const status of ["PAID", "SHIPPED", "DELIVERED"] as const) {
      expect(canTransition(status, "CANCELLED")).toBe(false);
      expect(canTransition(status, "PAYMENT_FAILED")).toBe(false);
    }
  });

  it("counts only PENDING and PAYMENT_PENDING as a checkout in progress", () => {
    expect(orderStatuses.filter(isCheckoutInProgress)).toEqual(["PENDING", "PAYMENT_PENDING"]);
  });
});

describe("customer cancellation", () => {
  it.each([
    ["PENDING", null],
    ["PAYMENT_PENDING", null],
    ["CANCELLED", "ALREADY_CANCELLED"],
    ["PAYMENT_FAILED", "DID_NOT_GO_THROUGH"],
    ["PAID", "ALREADY_PAID"],
    ["SHIPPED", "ALREADY_PAID"],
    ["DELIVERED", "ALREADY_PAID"],
  ] as const)("%s → %s", (status, refusal) => {
    expect(cancelRefusal(status)).toBe(refusal);
  });
});

describe("delivery progress from shipment events", () => {
  const toDelivered = ["SHIPPED", "DELIVERED"] as const;

  it("takes a paid order through every status on the way", () => {
    expect(deliveryStepsFrom("PAID", toDelivered)).toEqual(["SHIPPED", "DELIVERED"]);
    expect(deliveryStepsFrom("PAID", ["SHIPPED"])).toEqual(["SHIPPED"]);
  });

  it("never moves an order backwards or repeats a status (late or duplicate events)", () => {
    expect(deliveryStepsFrom("SHIPPED", toDelivered)).toEqual(["DELIVERED"]);
    expect(deliveryStepsFrom("SHIPPED", ["SHIPPED"])).toEqual([]);
    expect(deliveryStepsFrom("DELIVERED", ["SHIPPED"])).toEqual([]);
    expect(deliveryStepsFrom("DELIVERED", toDelivered)).toEqual([]);
  });

  it("moves only orders that were paid", () => {
    for (const status of ["PENDING", "PAYMENT_PENDING", "PAYMENT_FAILED", "CANCELLED"] as const) {
      expect(isInDelivery(status), status).toBe(false);
      expect(deliveryStepsFrom(status, toDelivered), status).toEqual([]);
    }
    expect(["PAID", "SHIPPED", "DELIVERED"].every((s) => isInDelivery(s as OrderStatus))).toBe(true);
  });

  it("only ever proposes moves the state machine allows", () => {
    for (const from of ["PAID", "SHIPPED"] as const) {
      let current: OrderStatus = from;
      for (const step of deliveryStepsFrom(from, toDelivered)) {
        expect(canTransition(current, step)).toBe(true);
        current = step;
      }
    }
  });
});
