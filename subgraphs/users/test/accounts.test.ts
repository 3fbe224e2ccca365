import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { uniqueEmail, useStack, PASSWORD } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  AuditLogDocument,
  ChangePasswordDocument,
  LogoutDocument,
  MeIdDocument,
  MeWithEmailDocument,
  RefreshDocument,
  RegisterDocument,
  SetUserRoleDocument,
  UserEntitiesDocument,
  UserEntityAddressesDocument,
  UsersDocument,
} from "./generated/users";
import { clientIp, login, register, registerAdmin, startStack } from "./stack";

const users = useStack(() => startStack());

async function rowsWithEmail(email: string) {
  const [row] = await users.db.select({ n: count() }).from(schema.users).where(eq(schema.users.email, email));
  return row?.n ?? 0;
}

async function auditTypes(userIdOrEmail: { userId?: string; email?: string }) {
  const rows = await users.db
    .select({ type: schema.auditLog.type })
    .from(schema.auditLog)
    .where(
      userIdOrEmail.userId
        ? eq(schema.auditLog.userId, userIdOrEmail.userId)
        : eq(schema.auditLog.email, userIdOrEmail.email!),
    );
  return rows.map((r) => r.type);
}

describe("register", () => {
  it.each([
    ["email", { email: "not-an-email" }],
    ["password", { password: "short" }],
    ["password", { password: "" }],
    ["password", { password: " ".repeat(12) }],
    ["password", { password: " \t\n ".repeat(4) }],
    ["name", { name: "   " }],
  ])("rejects a bad %s with BAD_USER_INPUT naming the field, writing nothing", async (field, override) => {
    const email = (override as { email?: string }).email ?? uniqueEmail();
    const input = { email, password: PASSWORD, name: "Ann", ...override };
    const result = await users.execute(RegisterDocument, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await rowsWithEmail(email.toLowerCase())).toBe(0);
  });

  it("creates a CUSTOMER, signs them in and audits it; email is normalised", async () => {
    const email = uniqueEmail();
    const account = await register(users.url, { email: `  ${email.toUpperCase()} ` });
    expect(account.user).toMatchObject({ email, role: "CUSTOMER" });
    expect(account.accessToken).toMatch(/^ey/);
    expect(await auditTypes({ userId: account.user!.id })).toContain("REGISTERED");
  });

  it("answers a duplicate email with a typed EMAIL_TAKEN error and keeps one row", async () => {
    const first = await register(users.url);
    const again = await users.executeOk(RegisterDocument, {
      input: { email: first.email, password: "another long password", name: "Copy" },
    });
    expect(again.register).toMatchObject({ __typename: "AuthError", code: "EMAIL_TAKEN" });
    expect(await rowsWithEmail(first.email)).toBe(1);
  });
});

describe("login", () => {
  it("gives the same generic answer for a wrong password and an unknown email, and audits the failure", async () => {
    const account = await register(users.url);
    const wrongPassword = await login(users.url, account.email, "wrong password!!");
    const unknownEmail = await login(users.url, uniqueEmail(), "wrong password!!");
    expect(wrongPassword.data?.login).toMatchObject({ __typename: "AuthError", code: "INVALID_CREDENTIALS" });
    expect(unknownEmail.data?.login).toEqual(wrongPassword.data?.login);
    expect(await auditTypes({ userId: account.user!.id })).toContain("LOGIN_FAILED");
  });

  it("signs in with the right password", async () => {
    const account = await register(users.url);
    const result = await login(users.url, account.email, account.password);
    expect(result.data?.login).toMatchObject({ __typename: "AuthSession", user: { id: account.user!.id } });
    expect(await auditTypes({ userId: account.user!.id })).toContain("LOGIN_SUCCEEDED");
  });

  it("throttles an account after repeated failures, even with the right password, from any address", async () => {
    const account = await register(users.url);
    for (let i = 0; i < 3; i++) await login(users.url, account.email, "wrong password!!");
    const blocked = await login(users.url, account.email, account.password, clientIp());
    expect(blocked.data?.login).toMatchObject({ __typename: "AuthError", code: "TOO_MANY_ATTEMPTS" });
    expect(blocked.data?.login.retryAfterSeconds).toBeGreaterThan(0);
    expect(await auditTypes({ email: account.email })).toContain("LOGIN_THROTTLED");
  });

  it("throttles a client address that fails across many accounts", async () => {
    const ip = clientIp();
    for (let i = 0; i < 6; i++) await login(users.url, uniqueEmail(), "wrong password!!", ip);
    const account = await register(users.url);
    const blocked = await login(users.url, account.email, account.password, ip);
    expect(blocked.data?.login).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    const elsewhere = await login(users.url, account.email, account.password, clientIp());
    expect(elsewhere.data?.login).toMatchObject({ __typename: "AuthSession" });
  });
});

describe("refresh tokens", () => {
  it("rotate: each refresh returns a new token and the old one stops working", async () => {
    const account = await register(users.url);
    const first = await users.executeOk(RefreshDocument, { token: account.refreshToken! });
    expect(first.refresh.refreshToken).not.toBe(account.refreshToken);
    const second = await users.executeOk(RefreshDocument, { token: first.refresh.refreshToken });
    expect(second.refresh.refreshToken).toBeTruthy();
  });

  it("reuse of a rotated token revokes the whole session, including the newest token", async () => {
    const account = await register(users.url);
    const rotated = await users.executeOk(RefreshDocument, { token: account.refreshToken! });
    const reuse = await users.execute(RefreshDocument, { token: account.refreshToken! });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const newest = await users.execute(RefreshDocument, { token: rotated.refresh.refreshToken });
    expect(newest.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await auditTypes({ userId: account.user!.id })).toContain("REFRESH_TOKEN_REUSED");
    const live = await users.db
      .select({ n: count() })
      .from(schema.sessions)
      .where(and(eq(schema.sessions.userId, account.user!.id)));
    const revoked = await users.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.userId, account.user!.id));
    expect(revoked.every((s) => s.revokedAt !== null)).toBe(true);
    expect(live[0]?.n).toBe(2);
  });

  it("lets only one of two concurrent refreshes with the same token succeed", async () => {
    const account = await register(users.url);
    const results = await Promise.all([
      users.execute(RefreshDocument, { token: account.refreshToken! }),
      users.execute(RefreshDocument, { token: account.refreshToken! }),
    ]);
    expect(results.filter((r) => r.data?.refresh).length).toBe(1);
  });

  it("rejects garbage and logout ends the session", async () => {
    const garbage = await users.execute(RefreshDocument, { token: "nonsense" });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const account = await register(users.url);
    await users.executeOk(LogoutDocument, { token: account.refreshToken! });
    const after = await users.execute(RefreshDocument, { token: account.refreshToken! });
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await auditTypes({ userId: account.user!.id })).toContain("LOGGED_OUT");
  });
});

describe("me and privacy", () => {
  it("returns the signed-in user and null for guests", async () => {
    const account = await register(users.url);
    const me = await users.executeOk(MeWithEmailDocument, {}, { token: account.accessToken });
    expect(me.me).toEqual({ id: account.user!.id, email: account.email });
    const guest = await users.executeOk(MeIdDocument);
    expect(guest.me).toBeNull();
  });

  it("hides another user's email and role, and refuses their addresses", async () => {
    const alice = await register(users.url);
    const bob = await register(users.url);
    const seen = await users.executeOk(
      UserEntitiesDocument,
      { representations: [{ __typename: "User", id: bob.user!.id }] },
      { token: alice.accessToken },
    );
    expect(seen._entities[0]).toMatchObject({ name: "Test User", email: null, role: null });
    const addresses = await users.execute(
      UserEntityAddressesDocument,
      { representations: [{ __typename: "User", id: bob.user!.id }] },
      { token: alice.accessToken },
    );
    expect(addresses.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("password change", () => {
  it("needs the current password, then only the new one works and other sessions end", async () => {
    const account = await register(users.url);
    const other = await login(users.url, account.email, account.password);
    const wrong = await users.execute(
      ChangePasswordDocument,
      { input: { currentPassword: "not it at all", newPassword: "a brand new password" } },
      { token: account.accessToken },
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    await users.executeOk(
      ChangePasswordDocument,
      { input: { currentPassword: account.password, newPassword: "a brand new password" } },
      { token: account.accessToken },
    );
    expect((await login(users.url, account.email, account.password)).data?.login.code).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(
      (await login(users.url, account.email, "a brand new password")).data?.login.accessToken,
    ).toBeTruthy();
    const otherRefresh = await users.execute(RefreshDocument, { token: other.data!.login.refreshToken! });
    expect(otherRefresh.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const ownRefresh = await users.execute(RefreshDocument, { token: account.refreshToken! });
    expect(ownRefresh.data?.refresh).toBeTruthy();
    expect(await auditTypes({ userId: account.user!.id })).toContain("PASSWORD_CHANGED");
  });
});

describe("password change with a blank new password", () => {
  it.each([[""], [" ".repeat(12)], ["\u00a0\t ".repeat(5)]])(
    "refuses %j with BAD_USER_INPUT naming newPassword; the old password keeps working",
    async (newPassword) => {
      const account = await register(users.url);
      const result = await users.execute(
        ChangePasswordDocument,
        { input: { currentPassword: account.password, newPassword } },
        { token: account.accessToken },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "newPassword" });
      expect(result.errors?.[0]?.message).toContain("newPassword");
      expect(await auditTypes({ userId: account.user!.id })).not.toContain("PASSWORD_CHANGED");
      const again = await login(users.url, account.email, account.password);
      expect(again.data?.login).toMatchObject({ __typename: "AuthSession" });
    },
  );
});

describe("roles", () => {
  it("refuses a customer with FORBIDDEN and changes nothing", async () => {
    const customer = await register(users.url);
    const target = await register(users.url);
    const result = await users.execute(
      SetUserRoleDocument,
      { id: target.user!.id, role: "ADMIN" },
      { token: customer.accessToken },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = await users.db.select().from(schema.users).where(eq(schema.users.id, target.user!.id));
    expect(row?.role).toBe("CUSTOMER");
  });

  it("lets an admin promote a user, audited, but not demote themselves", async () => {
    const admin = await registerAdmin(users);
    const target = await register(users.url);
    const promoted = await users.executeOk(
      SetUserRoleDocument,
      { id: target.user!.id, role: "ADMIN" },
      { token: admin.accessToken },
    );
    expect(promoted.setUserRole.role).toBe("ADMIN");
    expect(await auditTypes({ userId: target.user!.id })).toContain("ROLE_CHANGED");
    const self = await users.execute(
      SetUserRoleDocument,
      { id: admin.user!.id, role: "CUSTOMER" },
      { token: admin.accessToken },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows admins the audit log and users list as connections; customers are refused", async () => {
    const admin = await registerAdmin(users);
    const target = await register(users.url);
    const asAdmin = users.as({ token: admin.accessToken });
    const log = await asAdmin.executeOk(AuditLogDocument, { userId: target.user!.id });
    expect(log.auditLog.nodes.map((n) => n.type)).toEqual(["REGISTERED"]);
    const page1 = await asAdmin.executeOk(UsersDocument, { first: 2 });
    const page2 = await asAdmin.executeOk(UsersDocument, { first: 2, after: page1.users.pageInfo.endCursor });
    expect(page1.users.pageInfo.hasNextPage).toBe(true);
    expect(page2.users.nodes.map((n) => n.id)).not.toContain(page1.users.nodes[0]!.id);
    const refused = await users.execute(UsersDocument, {}, { token: target.accessToken });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("seed data", () => {
  it("creates the first-start accounts once, and reviewer accounts idempotently", async () => {
    const { seedUsers, ensureSeedReviewers } = await import("../src/seed");
    // This database already has users from the tests above, so no first-start accounts now.
    expect(await seedUsers(users.db)).toEqual([]);
    const first = await ensureSeedReviewers(users.db);
    const again = await ensureSeedReviewers(users.db);
    expect(first).toHaveLength(12);
    expect(new Set(first).size).toBe(12);
    expect(again).toEqual(first);
  });

  it("on a fresh database creates an admin and a customer that can sign in, exactly once", async () => {
    const { seedUsers } = await import("../src/seed");
    const fresh = await startStack();
    try {
      const accounts = await seedUsers(fresh.db);
      expect(accounts.map((a) => a.role).sort()).toEqual(["ADMIN", "CUSTOMER"]);
      for (const account of accounts) {
        const result = await login(fresh.url, account.email, account.password);
        expect(result.data?.login.user?.role).toBe(account.role);
      }
      expect(await seedUsers(fresh.db)).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});
