import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, envFields, parseEnv } from "./env";

const shape = {
  PORT: envFields.port(4000),
  DATABASE_URL: envFields.postgresUrl(),
  SECRET: z.string().min(8),
  VERBOSE: envFields.bool(false),
};

describe("parseEnv", () => {
  it("applies defaults and coerces types; empty strings count as unset", () => {
    const env = parseEnv(shape, { SECRET: "long enough", PORT: "", VERBOSE: "1" });
    expect(env).toEqual({ PORT: 4000, DATABASE_URL: undefined, SECRET: "long enough", VERBOSE: true });
  });

  it("reports every bad variable by name in one error", () => {
    let error: unknown;
    try {
      parseEnv(shape, { PORT: "70000", DATABASE_URL: "mysql://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(message).toContain("SECRET is required");
    expect((error as EnvError).problems).toHaveLength(3);
  });
});
