/**
 * What a database driver error carries that is safe to log: no statement text, no parameters.
 * An Error, so that loggers serialise it as one (type, message, stack and these fields).
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  constructor(
    /** The SQLSTATE code, e.g. 22P02 (invalid text representation), 42P01 (undefined table). */
    readonly sqlState: string,
    message: string,
    names: { table?: string | undefined; column?: string | undefined; constraint?: string | undefined },
    /** Where the statement was issued from: the stack frames of the outermost error. */
    frames: string | undefined,
  ) {
    super(message);
    if (names.table) this.table = names.table;
    if (names.column) this.column = names.column;
    if (names.constraint) this.constraint = names.constraint;
    this.stack = `DatabaseError: ${message}${frames ? `\n${frames}` : ""}`;
  }
  table?: string;
  column?: string;
  constraint?: string;
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
  originalError?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The PostgreSQL error in an error's chain (postgres.js's PostgresError or PGlite's DatabaseError,
 * usually wrapped by Drizzle and then by graphql), recognised by its SQLSTATE and severity.
 */
function driverErrorIn(error: unknown): { driver: DriverErrorShape; issuer: unknown } | undefined {
  let issuer: unknown = error;
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 10; depth++) {
    const candidate = current as DriverErrorShape;
    if (typeof candidate.code === "string" && SQLSTATE.test(candidate.code) && candidate.severity) {
      return { driver: candidate, issuer };
    }
    issuer = current;
    // GraphQL wraps resolver errors (originalError); Drizzle wraps driver errors (cause).
    current = candidate.originalError ?? candidate.cause;
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
  const found = driverErrorIn(error);
  if (!found) return error;
  const { driver, issuer } = found;
  const table = text(driver.table_name, driver.table);
  const column = text(driver.column_name, driver.column);
  const constraint = text(driver.constraint_name, driver.constraint);
  // The wrapper the driver error came in (Drizzle's) was made where the statement was sent.
  const frames =
    issuer instanceof Error && issuer.stack
      ? issuer.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .join("\n")
      : undefined;
  return new DatabaseError(
    driver.code as string,
    withoutValues(typeof driver.message === "string" ? driver.message : "database error"),
    { table, column, constraint },
    frames || undefined,
  );
}
