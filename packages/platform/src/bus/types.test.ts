import { describe, expect, it } from "vitest";
import { matchesBinding } from "./types";

describe("matchesBinding (AMQP topic semantics)", () => {
  it.each([
    ["orders.status-changed.v1", "orders.status-changed.v1", true],
    ["orders.*.v1", "orders.status-changed.v1", true],
    ["orders.*", "orders.status-changed.v1", false],
    ["orders.#", "orders.status-changed.v1", true],
    ["orders.#", "orders", true],
    ["#", "anything.at.all", true],
    ["#.v1", "shipping.shipment-created.v1", true],
    ["*.v1", "shipping.shipment-created.v1", false],
    ["shipping.#", "orders.status-changed.v1", false],
  ])("%s against %s is %s", (pattern, key, expected) => {
    expect(matchesBinding(pattern, key)).toBe(expected);
  });
});
