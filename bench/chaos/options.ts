/** The chaos run's command line (see chaos.ts for what each option does). */

export type Fault = "rabbitmq" | "orders" | "shipping";
export const ALL_FAULTS: Fault[] = ["rabbitmq", "orders", "shipping"];

export interface ChaosOptions {
  orders: number;
  rate: number;
  /** Customers placing orders at once; each places one order at a time. */
  customers: number;
  /** Share of checkouts paid with a card that is declined. */
  declinedShare: number;
  faults: Fault[];
  /** Minutes of steady orders instead of a fixed count; no faults, memory sampled every minute. */
  soakMinutes: number | undefined;
  drainTimeoutSeconds: number;
  skipPgbench: boolean;
  keep: boolean;
}

/** Chosen on a 2-core machine running the whole platform: see chaos.ts. */
export const DEFAULT_RATE = 15;

function value(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const given = argv[index + 1];
  if (given === undefined || given.startsWith("--")) throw new Error(`--${name} needs a value`);
  return given;
}

function positive(argv: string[], name: string, fallback: number): number {
  const given = value(argv, name);
  if (given === undefined) return fallback;
  const number = Number(given);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number`);
  return number;
}

export function parseOptions(argv: string[]): ChaosOptions {
  const faults = value(argv, "faults");
  const chosen =
    faults === undefined || faults === "all" ? ALL_FAULTS : faults === "none" ? [] : faults.split(",");
  for (const fault of chosen) {
    if (!ALL_FAULTS.includes(fault as Fault)) {
      throw new Error(`--faults: unknown fault ${fault} (one of ${ALL_FAULTS.join(", ")}, all, none)`);
    }
  }
  const soak = value(argv, "soak");
  return {
    orders: Math.round(positive(argv, "orders", 10_000)),
    rate: positive(argv, "rate", DEFAULT_RATE),
    customers: Math.round(positive(argv, "customers", 32)),
    declinedShare: Number(value(argv, "declined") ?? "0.03"),
    faults: chosen as Fault[],
    soakMinutes: soak === undefined ? undefined : positive(argv, "soak", 0),
    drainTimeoutSeconds: positive(argv, "drain-timeout", 300),
    skipPgbench: argv.includes("--skip-pgbench"),
    keep: argv.includes("--keep"),
  };
}
