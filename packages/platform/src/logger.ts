import { pino, type Logger, type LevelWithSilent, type DestinationStream } from "pino";
import { prettyFactory } from "pino-pretty";
import { loggableError } from "./database-errors";
import { logTraceFields } from "./tracing";

export type { Logger };

/** Where log lines go: stdout, or in a test a stand-in that says whether it is a terminal. */
export interface LogOutput {
  isTTY?: boolean;
  write(line: string): unknown;
}

/**
 * Readable lines for a person at a terminal (`npm start` in a shell); JSON lines for everything
 * that collects logs (a pipe, a file, a container runtime) and always in production.
 */
export function logFormatFor(output: Pick<LogOutput, "isTTY">, production: boolean): "pretty" | "json" {
  return output.isTTY === true && !production ? "pretty" : "json";
}

/**
 * One structured logger per process; components take children of it. A caller that does not say
 * it is outside production gets JSON, so a service can never print for people where a collector
 * expects JSON.
 */
export function createLogger(options: {
  service: string;
  level?: LevelWithSilent;
  production?: boolean;
  output?: LogOutput;
}): Logger {
  const output = options.output ?? process.stdout;
  const settings = {
    level: options.level ?? "info",
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // A line written inside a span says which, so logs and traces of one request are joined.
    mixin: logTraceFields,
    formatters: { level: (label: string) => ({ level: label }) },
    // Every component logs failures as `err`; a database error there must not carry its SQL.
    serializers: { err: (error: unknown) => pino.stdSerializers.err(loggableError(error) as Error) },
    redact: {
      paths: ["password", "*.password", "refreshToken", "*.refreshToken", "authorization", "*.authorization"],
      censor: "[redacted]",
    },
  };
  if (logFormatFor(output, options.production ?? true) === "pretty") {
    // Formatted in the calling thread and written at once: the last line before an exit (a fatal
    // start-up error) is not lost in a worker's buffer.
    const prettify = prettyFactory({
      colorize: true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname,service,component",
      messageFormat: "{if service}{service}{end}{if component}/{component}{end}: {msg}",
      singleLine: true,
      // The level is a label here (formatters above), which pino-pretty reads as is.
      customLevels: "trace:10,debug:20,info:30,warn:40,error:50,fatal:60",
    });
    const destination: DestinationStream = { write: (line: string) => void output.write(prettify(line)) };
    return pino(settings, destination);
  }
  return options.output ? pino(settings, options.output as DestinationStream) : pino(settings);
}
