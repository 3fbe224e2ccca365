import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Heartbeats, type Beat } from "./heartbeats";

afterEach(() => {
  vi.useRealTimers();
});

/** Streams are only keys to Heartbeats: what a beat writes is the beat's business. */
const stream = (name: string) => ({ name }) as unknown as ServerResponse;

describe("heartbeats of the open HTTP streams", () => {
  it("run on one timer for every stream, each beating once a period but never within one of opening", () => {
    vi.useFakeTimers();
    const heartbeats = new Heartbeats();
    const beaten: string[] = [];
    const beat: Beat = (res) => beaten.push((res as unknown as { name: string }).name);
    const [a, b, c] = [stream("a"), stream("b"), stream("c")];
    heartbeats.add(a, beat, 100);
    heartbeats.add(b, beat, 100);
    expect(vi.getTimerCount()).toBe(1);

    // The first tick may come right after a stream opened: it waits for the next one.
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual(["a", "b"]);

    heartbeats.add(c, beat, 100);
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual(["a", "b", "a", "b"]);
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual(["a", "b", "a", "b", "a", "b", "c"]);
    expect(vi.getTimerCount()).toBe(1);

    // A stream that ended gets no more; the timer stops with the last one.
    heartbeats.remove(a, beat, 100);
    heartbeats.remove(b, beat, 100);
    beaten.length = 0;
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual(["c"]);
    heartbeats.remove(c, beat, 100);
    expect(vi.getTimerCount()).toBe(0);
    // Removing twice (end, then close) is harmless.
    heartbeats.remove(c, beat, 100);
  });

  it("keeps a timer per period, so streams of different settings keep their own", () => {
    vi.useFakeTimers();
    const heartbeats = new Heartbeats();
    const beat: Beat = () => undefined;
    heartbeats.add(stream("a"), beat, 100);
    heartbeats.add(stream("b"), beat, 250);
    expect(vi.getTimerCount()).toBe(2);
  });
});
