import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

/** One structured JSON logger per process; components take children of it. */
export function createLogger(options: { service: string; level?: LevelWithSilent }): Logger {
  return pino({
    level: options.level ?? "info",
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ["password", "*.password", "refreshToken", "*.refreshToken", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
  });
}
