import { GraphQLScalarType, Kind } from "graphql";
import { badUserInput } from "./errors";

function toDate(value: unknown): Date {
  if (typeof value === "string") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return date;
  }
  throw badUserInput("DateTime must be an ISO-8601 string such as 2026-01-31T12:00:00Z.");
}

/** UTC instants, always serialised as ISO-8601 with milliseconds and `Z`. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError("DateTime cannot represent this value");
    return date.toISOString();
  },
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput("DateTime must be a string.");
    return toDate(ast.value);
  },
});
