import { describe, expect, it } from "vitest";
import { rssGrowthFailures, warmUpMinutes, type MemorySample } from "../chaos/memory";

const MiB = 1024 * 1024;
/** One sample per minute, with `orders` at the given RSS (MiB) and a steady `router`. */
const curve = (rss: number[]): MemorySample[] =>
  rss.map((value, index) => ({
    minute: index + 1,
    byService: { orders: { rss: value * MiB, heap: 50 * MiB }, router: { rss: 220 * MiB, heap: 80 * MiB } },
  }));

describe("the soak's memory verdict", () => {
  it("passes a process whose RSS swings under load but does not climb", () => {
    const warmUp = Array.from({ length: 10 }, () => 200);
    const underLoad = [216, 246, 220, 238, 215, 244, 219, 230, 246, 214, 241, 222];
    const swinging = curve([...warmUp, ...underLoad]);
    expect(rssGrowthFailures(swinging, 10)).toEqual([]);
  });

  it("fails a process whose RSS keeps climbing after the warm-up, and names it", () => {
    const leaking = curve(Array.from({ length: 30 }, (_, i) => 200 + i * 3));
    const failures = rssGrowthFailures(leaking, 10);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^orders RSS grew \d+\.\d% /);
  });

  it("has nothing to judge before there are samples past the warm-up", () => {
    expect(rssGrowthFailures(curve([200, 300, 400]), 10)).toEqual([]);
  });

  it("warms up for 10 minutes, or a fifth of a shorter soak", () => {
    expect(warmUpMinutes(60)).toBe(10);
    expect(warmUpMinutes(5)).toBe(1);
  });
});
