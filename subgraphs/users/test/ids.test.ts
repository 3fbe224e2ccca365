import { describe, expect, it } from "vitest";
import { useStack } from "@storefront/testkit";
import { AuditLogDocument } from "./generated/users";
import { register, registerAdmin, startStack } from "./stack";

const users = useStack(() => startStack());

describe("malformed ids", () => {
  it("are unknown users to the audit log: an empty list, not everyone's events", async () => {
    const admin = await registerAdmin(users);
    await register(users.url);
    for (const userId of ["", "not-a-uuid"]) {
      // A well-formed operation: the malformed ids are its variables.
      const log = await users.executeOk(AuditLogDocument, { userId }, { token: admin.accessToken });
      expect(log.auditLog.nodes, JSON.stringify(userId)).toEqual([]);
    }
  });
});
