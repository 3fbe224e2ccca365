/** What a database driver error carries that is safe to log: no statement text, no parameters. */
export interface LoggedDatabaseError {
  type: "DatabaseError";
  /** The SQLSTATE code, e.g. 22P02 (invalid text representation), 42P01 (undefined table). */
  sqlState: string;
  message: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** Where the statement was issued from: the stack frames of the outermost error, without its message. */
  stack?: string;
}

interface DriverErrorShape {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  table?: unknown;
  table_name?: unknown;
  column?: unknown;
  column_name?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  cause?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The PostgreSQL error in an error's cause chain (postgres.js's PostgresError or PGlite's
 * DatabaseError, usually wrapped by Drizzle), recognised by its SQLSTATE and severity.
 */
function driverErrorIn(error: unknown): DriverErrorShape | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 10; depth++) {
    const candidate = current as DriverErrorShape;
    if (typeof candidate.code === "string" && SQLSTATE.test(candidate.code) && candidate.severity) {
      return candidate;
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * PostgreSQL quotes the offending input at the end of some messages
 * (`invalid input syntax for type uuid: "…"`); that is customer data, not a diagnosis.
 */
function withoutValues(message: string): string {
  return message
    .replace(/: "(?:[^"]|"")*"$/, ": [value]")
    .replace(/: 0x[0-9a-f]{2}( 0x[0-9a-f]{2})*$/i, ": [bytes]");
}

const text = (...values: unknown[]) => values.find((v): v is string => typeof v === "string" && v !== "");

/**
 * An error as it may be logged. A database error becomes its SQLSTATE, a message and the names
 * of the table, column or constraint: Drizzle's wrapper puts the whole statement and its
 * parameters (emails, addresses, tokens) in its message, and the drivers attach them as
 * properties, so the error itself never reaches the log. Anything else is returned as it is.
 */
export function loggableError(error: unknown): unknown {
  const driver = driverErrorIn(error);
  if (!driver) return error;
  const table = text(driver.table_name, driver.table);
  const column = text(driver.column_name, driver.column);
  const constraint = text(driver.constraint_name, driver.constraint);
  const frames =
    error instanceof Error && error.stack
      ? error.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .join("\n")
      : undefined;
  return {
    type: "DatabaseError",
    sqlState: driver.code as string,
    message: withoutValues(typeof driver.message === "string" ? driver.message : "database error"),
    ...(table ? { table } : {}),
    ...(column ? { column } : {}),
    ...(constraint ? { constraint } : {}),
    ...(frames ? { stack: frames } : {}),
  } satisfies LoggedDatabaseError;
}
