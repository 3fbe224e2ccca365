import { describe, expect, it } from "vitest";
import { shippingOptionFor } from "../src/checkout/shippingChoice";

const options = (...ids: string[]) => ids.map((id) => ({ id }));

describe("the shipping option checkout sends", () => {
  it("is the customer's choice while the address gets it", () => {
    expect(shippingOptionFor(options("ups-ground", "ups-express"), "ups-express")).toBe("ups-express");
  });

  it("is the cheapest (the first) when nothing was chosen or the choice does not go to the address", () => {
    expect(shippingOptionFor(options("ups-ground", "ups-express"), undefined)).toBe("ups-ground");
    expect(shippingOptionFor(options("dhl-economy", "ups-express"), "ups-ground")).toBe("dhl-economy");
  });

  it("is none when nothing ships to the address, or while its options are not known", () => {
    expect(shippingOptionFor([], "ups-ground")).toBeUndefined();
    expect(shippingOptionFor(undefined, "ups-ground")).toBeUndefined();
    expect(shippingOptionFor(undefined, undefined)).toBeUndefined();
  });
});
