import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { badUserInput, createErrorFormatter } from "./errors";

describe("error formatting", () => {
  const logged: unknown[] = [];
  const log = pino({ level: "error" }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  const format = createErrorFormatter(log);

  it("passes expected errors through with their code and field, without stack traces", () => {
    const error = badUserInput("email: must be a valid email address", "email");
    const formatted = format(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ["at x"] } },
      error,
    );
    expect(formatted).toEqual({
      message: error.message,
      extensions: { code: "BAD_USER_INPUT", field: "email" },
    });
  });

  it("hides unexpected errors behind INTERNAL_SERVER_ERROR and logs the original", () => {
    const original = new Error("connection to 10.0.0.5:5432 refused");
    const wrapped = new GraphQLError(original.message, { originalError: original, path: ["me"] });
    const formatted = format(
      { message: original.message, path: ["me"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      wrapped,
    );
    expect(formatted.message).not.toContain("10.0.0.5");
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(logged)).toContain("10.0.0.5");
  });
});
