import { pino, type Logger, type LevelWithSilent } from "pino";
import { loggableError } from "./database-errors";

export type { Logger };

/** One structured JSON logger per process; components take children of it. */
export function createLogger(options: { service: string; level?: LevelWithSilent }): Logger {
  return pino({
    level: options.level ?? "info",
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Every component logs failures as `err`; a database error there must not carry its SQL.
    serializers: { err: (error: unknown) => pino.stdSerializers.err(loggableError(error) as Error) },
    redact: {
      paths: ["password", "*.password", "refreshToken", "*.refreshToken", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
  });
}
