import type { ServerResponse } from "node:http";
import { inSlices } from "../slices";

/** Writes one heartbeat on a stream (an SSE comment, an empty multipart part). */
export type Beat = (res: ServerResponse) => void;

interface Group {
  timer: NodeJS.Timeout;
  /** Each open stream, with the tick it was added on. */
  streams: Map<ServerResponse, number>;
  ticks: number;
}

/**
 * The heartbeats of every open HTTP subscription stream, on one interval per (beat, period)
 * instead of a timer per stream: with thousands of streams open, a timer and its closure each
 * are a measurable share of what a subscriber costs the router. A stream gets its first
 * heartbeat on the second tick after it was added, so its heartbeats are never closer than one
 * period (a tick can come right after it is added), and at most two periods apart.
 */
export class Heartbeats {
  private readonly groups = new Map<Beat, Map<number, Group>>();

  /** Beats on `res` every `periodMs` until `remove(res)`. */
  add(res: ServerResponse, beat: Beat, periodMs: number): void {
    let byPeriod = this.groups.get(beat);
    if (!byPeriod) {
      byPeriod = new Map();
      this.groups.set(beat, byPeriod);
    }
    let group = byPeriod.get(periodMs);
    if (!group) {
      const created: Group = { timer: undefined as never, streams: new Map(), ticks: 0 };
      created.timer = setInterval(() => tick(created, beat), periodMs);
      // Heartbeats alone do not keep the process running.
      created.timer.unref();
      byPeriod.set(periodMs, created);
      group = created;
    }
    group.streams.set(res, group.ticks);
  }

  /** The stream ended or closed: no more heartbeats on it (the interval stops with the last one). */
  remove(res: ServerResponse, beat: Beat, periodMs: number): void {
    const byPeriod = this.groups.get(beat);
    const group = byPeriod?.get(periodMs);
    if (!byPeriod || !group || !group.streams.delete(res) || group.streams.size > 0) return;
    clearInterval(group.timer);
    byPeriod.delete(periodMs);
  }
}

function tick(group: Group, beat: Beat): void {
  const now = (group.ticks += 1);
  // In slices: a write per open stream, which at tens of thousands would hold up events.
  void inSlices(group.streams, ([res, added]) => {
    if (now - added >= 2 && group.streams.has(res)) beat(res);
  });
}

/** The router's heartbeats: one set for every SSE and multipart stream. */
export const heartbeats = new Heartbeats();
