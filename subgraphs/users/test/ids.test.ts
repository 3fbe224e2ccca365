import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeOk } from "@storefront/testkit";
import { register, registerAdmin, startStack, type Stack } from "./stack";

let users: Stack;
beforeAll(async () => {
  users = await startStack();
});
afterAll(async () => {
  await users?.stop();
});

describe("malformed ids", () => {
  it("are unknown users to the audit log: an empty list, not everyone's events", async () => {
    const admin = await registerAdmin(users);
    await register(users.url);
    for (const userId of ["", "not-a-uuid"]) {
      const log = await executeOk<{ auditLog: { nodes: unknown[] } }>(
        users.url,
        `query($u: ID) { auditLog(userId: $u) { nodes { type } } }`,
        { variables: { u: userId }, token: admin.accessToken },
      );
      expect(log.auditLog.nodes, JSON.stringify(userId)).toEqual([]);
    }
  });
});
