/**
 * The soak's memory curve: every minute, each process's RSS (/proc VmRSS) and V8 heap in use
 * (its /metrics), both after a full collection, so growth means memory kept, not garbage not yet
 * collected.
 */
import { sleep, type Memory } from "../service-process";
import type { ChaosPlatform } from "./platform";

export interface MemorySample {
  minute: number;
  byService: Record<string, Memory>;
}

/** RSS may grow this much past its value at the end of the warm-up before the soak fails. */
export const RSS_GROWTH_LIMIT = 0.1;

export async function sampleMemory(platform: ChaosPlatform, minute: number): Promise<MemorySample> {
  const entries = await Promise.all(
    platform.services().map(async (service) => [service.spec.name, await service.current.memory()] as const),
  );
  return { minute, byService: Object.fromEntries(entries) };
}

/**
 * One sample at each whole minute of the load, all taken under the same load (the last as it
 * stops), so the curve compares like with like.
 */
export async function recordMemoryCurve(
  platform: ChaosPlatform,
  startedAt: number,
  minutes: number,
  log: (line: string) => void,
): Promise<MemorySample[]> {
  const samples: MemorySample[] = [];
  for (let minute = 1; minute <= Math.floor(minutes); minute++) {
    const due = startedAt + minute * 60_000;
    if (due > Date.now()) await sleep(due - Date.now());
    try {
      const sample = await sampleMemory(platform, minute);
      samples.push(sample);
      log(formatSample(sample));
    } catch (error) {
      log(`  minute ${minute}: memory sample failed: ${(error as Error).message}`);
    }
  }
  return samples;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function formatSample(sample: MemorySample): string {
  const parts = Object.entries(sample.byService).map(([name, m]) => `${name} ${mib(m.rss)}/${mib(m.heap)}`);
  return `  minute ${sample.minute}: RSS/heap MiB  ${parts.join("  ")}`;
}

/** The warm-up: the first 10 minutes, or a fifth of a shorter soak. */
export function warmUpMinutes(soakMinutes: number): number {
  return Math.min(10, soakMinutes / 5);
}

/**
 * Each process whose RSS at the end is more than RSS_GROWTH_LIMIT above its RSS just after the
 * warm-up. Both ends are the median of a few samples (up to 5, a third of those after the
 * warm-up): a single minute's RSS swings by tens of MiB with allocator timing under load, and a
 * leak is what stays, not a passing peak.
 */
export function rssGrowthFailures(samples: MemorySample[], warmUp: number): string[] {
  const after = samples.filter((s) => s.minute >= warmUp);
  const window = Math.min(5, Math.floor(after.length / 3));
  if (window < 1) return [];
  const start = after.slice(0, window);
  const end = after.slice(-window);
  const names = Object.keys(after[0]!.byService);
  return names.flatMap((name) => {
    const base = median(start.map((s) => s.byService[name]?.rss ?? 0));
    const last = median(end.map((s) => s.byService[name]?.rss ?? 0));
    if (base <= 0 || last <= base * (1 + RSS_GROWTH_LIMIT)) return [];
    return [
      `${name} RSS grew ${(((last - base) / base) * 100).toFixed(1)}% (median ${mib(base)} MiB over minutes ${start[0]!.minute}–${start.at(-1)!.minute} → ${mib(last)} MiB over minutes ${end[0]!.minute}–${end.at(-1)!.minute})`,
    ];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function memoryTable(samples: MemorySample[]): string {
  const names = Object.keys(samples[0]?.byService ?? {});
  const header = ["minute", ...names.flatMap((n) => [`${n} RSS`, `${n} heap`])];
  const rows = samples.map((s) => [
    String(s.minute),
    ...names.flatMap((n) => [mib(s.byService[n]?.rss ?? 0), mib(s.byService[n]?.heap ?? 0)]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  return ["(MiB)", line(header), ...rows.map(line)].join("\n");
}
