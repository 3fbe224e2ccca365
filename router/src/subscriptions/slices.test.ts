import { describe, expect, it } from "vitest";
import { inSlices } from "./slices";

describe("inSlices", () => {
  it("calls each item once, in order, and lets other work run between slices", async () => {
    const items = Array.from({ length: 1_050 }, (_, i) => i);
    const seen: number[] = [];
    // Scheduled before the sweep starts: it runs after the first slice, not after all of them.
    let doneWhenOtherWorkRan: number | undefined;
    setImmediate(() => (doneWhenOtherWorkRan = seen.length));
    await inSlices(items, (item) => seen.push(item), 500);
    expect(seen).toEqual(items);
    expect(doneWhenOtherWorkRan).toBe(500);
  });

  it("sweeps the items present when it starts, and resolves at once for none", async () => {
    const items = new Set([1, 2, 3]);
    const seen: number[] = [];
    await inSlices(
      items,
      (item) => {
        seen.push(item);
        items.add(item + 10);
      },
      2,
    );
    expect(seen).toEqual([1, 2, 3]);
    await expect(inSlices([], () => undefined)).resolves.toBeUndefined();
  });
});
