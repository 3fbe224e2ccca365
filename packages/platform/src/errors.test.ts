import net, { type AddressInfo } from "node:net";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { badUserInput, conflict, createErrorFormatter, ServiceCallError } from "./errors";
import { createServiceClient } from "./service-client";

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

  it("passes a conflict through as CONFLICT with its retry hint; its own code cannot be overridden", () => {
    const error = conflict("Still being processed.", { retryAfterSeconds: 1, code: "RATE_LIMITED" });
    expect(format({ message: error.message, extensions: error.extensions }, error)).toEqual({
      message: "Still being processed.",
      extensions: { code: "CONFLICT", retryAfterSeconds: 1 },
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

  it("answers a service that did not answer with a retryable UNAVAILABLE, naming nothing internal, and logs it", async () => {
    const port = await closedPort();
    const call = createServiceClient({
      service: "catalogue",
      url: `http://127.0.0.1:${port}/graphql`,
      serviceToken: undefined,
    });
    // The shape of a contracts operation (a String carrying its types); its types do not matter here.
    const failure = await call(new String("query Variant { variant { id } }"), {}).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ServiceCallError);
    expect((failure as ServiceCallError).codes).toEqual(["UNAVAILABLE"]);

    const wrapped = new GraphQLError((failure as Error).message, {
      originalError: failure as Error,
      path: ["addToCart"],
    });
    const formatted = format(
      { message: wrapped.message, path: ["addToCart"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: "A service this request needs is not answering. Please try again shortly.",
      path: ["addToCart"],
      extensions: { code: "UNAVAILABLE" },
    });
    expect(JSON.stringify(logged)).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  it("keeps a downstream error that is not about reachability as it was", () => {
    const refused = new ServiceCallError("payments", "boom", ["INTERNAL_SERVER_ERROR"]);
    const formatted = format(
      { message: refused.message, extensions: { code: "INTERNAL_SERVER_ERROR" } },
      new GraphQLError(refused.message, { originalError: refused }),
    );
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("lets a server's own codes through only when it names them", () => {
    const refusal = new GraphQLError("The operation is nested 12 deep; at most 10 are allowed.", {
      extensions: { code: "DEPTH_LIMIT_EXCEEDED", limit: 10, http: { status: 400 } },
    });
    const formatted = { message: refusal.message, extensions: refusal.extensions };
    expect(format(formatted, refusal).extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    const withOwnCodes = createErrorFormatter(log, { clientFacingCodes: ["DEPTH_LIMIT_EXCEEDED"] });
    expect(withOwnCodes(formatted, refusal)).toEqual({
      message: refusal.message,
      extensions: { code: "DEPTH_LIMIT_EXCEEDED", limit: 10 },
    });
    // Naming codes of its own never makes INTERNAL_SERVER_ERROR pass.
    const internal = new GraphQLError("boom at 10.0.0.5", { extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(
      createErrorFormatter(log, { clientFacingCodes: ["INTERNAL_SERVER_ERROR"] })(
        { message: internal.message, extensions: internal.extensions },
        internal,
      ).message,
    ).not.toContain("10.0.0.5");
  });
});

/** A port nothing listens on: one the system just handed out and that was closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
