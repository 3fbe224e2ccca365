import { describe, expect, it } from "vitest";
import { createLogger, logFormatFor } from "./logger";

/** A stand-in for stdout that says whether it is a terminal and keeps what is written. */
function fakeStdout(isTTY: boolean) {
  const written: string[] = [];
  return { output: { isTTY, write: (line: string) => void written.push(line) }, written };
}

const isJson = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

describe("log format", () => {
  it("is readable at a terminal outside production", () => {
    const { output, written } = fakeStdout(true);
    createLogger({ service: "users", production: false, output }).info({ port: 4001 }, "users ready");
    expect(written).toHaveLength(1);
    expect(isJson(written[0]!)).toBe(false);
    // eslint-disable-next-line no-control-regex -- the colours of a terminal
    const plain = written[0]!.replace(/\u001b\[\d+m/g, "");
    expect(plain).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: users: users ready \{"port":4001\}\n$/);
  });

  it("is JSON in production, even at a terminal", () => {
    const { output, written } = fakeStdout(true);
    createLogger({ service: "users", production: true, output }).info("users ready");
    expect(JSON.parse(written[0]!)).toMatchObject({ level: "info", service: "users", msg: "users ready" });
  });

  it("is JSON when stdout is not a terminal (a pipe, a file, a collector)", () => {
    const { output, written } = fakeStdout(false);
    createLogger({ service: "users", production: false, output }).info("users ready");
    expect(JSON.parse(written[0]!)).toMatchObject({ service: "users", msg: "users ready" });
  });

  it("is JSON when the caller does not say it is outside production", () => {
    const { output, written } = fakeStdout(true);
    createLogger({ service: "users", output }).info("users ready");
    expect(isJson(written[0]!)).toBe(true);
    expect(logFormatFor({}, false)).toBe("json");
  });

  it("redacts secrets in readable lines as in JSON", () => {
    const { output, written } = fakeStdout(true);
    createLogger({ service: "users", production: false, output }).info({ password: "hunter22" }, "login");
    expect(written[0]).not.toContain("hunter22");
    expect(written[0]).toContain("[redacted]");
  });
});
