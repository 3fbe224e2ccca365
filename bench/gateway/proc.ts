/**
 * What a gateway costs the machine, read from /proc for its whole process tree (a gateway that
 * forks workers is counted whole): CPU time consumed and resident memory.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // ended between listing and reading
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** The process and every descendant alive now. */
export function processTree(root: number): number[] {
  const stats = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat): stat is ProcStat => stat !== undefined);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const stat of stats) if (stat.ppid === tree[i]) tree.push(stat.pid);
  }
  return tree;
}

/** CPU milliseconds (user + system) the tree has used so far. */
export function cpuMilliseconds(root: number): number {
  const ticks = processTree(root).reduce((sum, pid) => sum + (readStat(pid)?.cpuTicks ?? 0), 0);
  return (ticks * 1000) / ticksPerSecond;
}

/** Resident set size of the tree, in bytes. */
export function residentBytes(root: number): number {
  return processTree(root).reduce((sum, pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      return sum + Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
}
