/**
 * A seeded PRNG (mulberry32) for generated operations: operation N of seed S is the same
 * operation on every machine and whatever was generated before it, so one mismatch can be
 * regenerated alone.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Up to `count` distinct items, each drawn as likely as its weight (weight 0: never). */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number): T[] {
    const pool = items.map((item) => ({ item, weight: weight(item) })).filter((entry) => entry.weight > 0);
    const out: T[] = [];
    while (out.length < count && pool.length) {
      const total = pool.reduce((sum, entry) => sum + entry.weight, 0);
      let roll = this.float() * total;
      let index = pool.findIndex((entry) => (roll -= entry.weight) < 0);
      if (index < 0) index = pool.length - 1;
      out.push(pool[index]!.item);
      pool.splice(index, 1);
    }
    return out;
  }
}

/** Mixes a run's seed with an operation's index into an independent 32-bit seed (murmur3's finaliser). */
export function derivedSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
