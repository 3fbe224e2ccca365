import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, executeOk, uniqueEmail, PASSWORD } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  SESSION_FIELDS,
  clientIp,
  login,
  register,
  registerAdmin,
  startStack,
  type AuthSessionResult,
  type Stack,
} from "./stack";

let users: Stack;
beforeAll(async () => {
  users = await startStack();
});
afterAll(async () => {
  await users?.stop();
});

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { __typename ${SESSION_FIELDS} } }`;
const REFRESH = `mutation($token: String!) { refresh(refreshToken: $token) { accessToken refreshToken user { id } } }`;

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
    const result = await execute(users.url, REGISTER, { variables: { input } });
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
    const again = await executeOk<{ register: AuthSessionResult & { __typename: string } }>(
      users.url,
      REGISTER,
      {
        variables: { input: { email: first.email, password: "another long password", name: "Copy" } },
      },
    );
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
    const first = await executeOk<{ refresh: { refreshToken: string; accessToken: string } }>(
      users.url,
      REFRESH,
      {
        variables: { token: account.refreshToken },
      },
    );
    expect(first.refresh.refreshToken).not.toBe(account.refreshToken);
    const second = await executeOk<{ refresh: { refreshToken: string } }>(users.url, REFRESH, {
      variables: { token: first.refresh.refreshToken },
    });
    expect(second.refresh.refreshToken).toBeTruthy();
  });

  it("reuse of a rotated token revokes the whole session, including the newest token", async () => {
    const account = await register(users.url);
    const rotated = await executeOk<{ refresh: { refreshToken: string } }>(users.url, REFRESH, {
      variables: { token: account.refreshToken },
    });
    const reuse = await execute(users.url, REFRESH, { variables: { token: account.refreshToken } });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const newest = await execute(users.url, REFRESH, { variables: { token: rotated.refresh.refreshToken } });
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
      execute(users.url, REFRESH, { variables: { token: account.refreshToken } }),
      execute(users.url, REFRESH, { variables: { token: account.refreshToken } }),
    ]);
    expect(results.filter((r) => r.data?.refresh).length).toBe(1);
  });

  it("rejects garbage and logout ends the session", async () => {
    const garbage = await execute(users.url, REFRESH, { variables: { token: "nonsense" } });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const account = await register(users.url);
    await executeOk(users.url, `mutation($t: String!) { logout(refreshToken: $t) }`, {
      variables: { t: account.refreshToken },
    });
    const after = await execute(users.url, REFRESH, { variables: { token: account.refreshToken } });
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await auditTypes({ userId: account.user!.id })).toContain("LOGGED_OUT");
  });
});

describe("me and privacy", () => {
  it("returns the signed-in user and null for guests", async () => {
    const account = await register(users.url);
    const me = await executeOk<{ me: { id: string; email: string } | null }>(
      users.url,
      `{ me { id email } }`,
      {
        token: account.accessToken,
      },
    );
    expect(me.me).toEqual({ id: account.user!.id, email: account.email });
    const guest = await executeOk<{ me: null }>(users.url, `{ me { id } }`);
    expect(guest.me).toBeNull();
  });

  it("hides another user's email and role, and refuses their addresses", async () => {
    const alice = await register(users.url);
    const bob = await register(users.url);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name email role } } }`;
    const seen = await executeOk<{
      _entities: { email: string | null; role: string | null; name: string }[];
    }>(users.url, query, {
      variables: { r: [{ __typename: "User", id: bob.user!.id }] },
      token: alice.accessToken,
    });
    expect(seen._entities[0]).toMatchObject({ name: "Test User", email: null, role: null });
    const addresses = await execute(
      users.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { addresses { id } } } }`,
      {
        variables: { r: [{ __typename: "User", id: bob.user!.id }] },
        token: alice.accessToken,
      },
    );
    expect(addresses.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("password change", () => {
  it("needs the current password, then only the new one works and other sessions end", async () => {
    const account = await register(users.url);
    const other = await login(users.url, account.email, account.password);
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    const wrong = await execute(users.url, CHANGE, {
      variables: { input: { currentPassword: "not it at all", newPassword: "a brand new password" } },
      token: account.accessToken,
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "currentPassword" });
    await executeOk(users.url, CHANGE, {
      variables: { input: { currentPassword: account.password, newPassword: "a brand new password" } },
      token: account.accessToken,
    });
    expect((await login(users.url, account.email, account.password)).data?.login.code).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(
      (await login(users.url, account.email, "a brand new password")).data?.login.accessToken,
    ).toBeTruthy();
    const otherRefresh = await execute(users.url, REFRESH, {
      variables: { token: other.data!.login.refreshToken },
    });
    expect(otherRefresh.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const ownRefresh = await execute(users.url, REFRESH, { variables: { token: account.refreshToken } });
    expect(ownRefresh.data?.refresh).toBeTruthy();
    expect(await auditTypes({ userId: account.user!.id })).toContain("PASSWORD_CHANGED");
  });
});

describe("password change with a blank new password", () => {
  it.each([[""], [" ".repeat(12)], ["\u00a0\t ".repeat(5)]])(
    "refuses %j with BAD_USER_INPUT naming newPassword; the old password keeps working",
    async (newPassword) => {
      const account = await register(users.url);
      const result = await execute(
        users.url,
        `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
        {
          variables: { input: { currentPassword: account.password, newPassword } },
          token: account.accessToken,
        },
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
  const SET_ROLE = `mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }`;

  it("refuses a customer with FORBIDDEN and changes nothing", async () => {
    const customer = await register(users.url);
    const target = await register(users.url);
    const result = await execute(users.url, SET_ROLE, {
      variables: { id: target.user!.id, role: "ADMIN" },
      token: customer.accessToken,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [row] = await users.db.select().from(schema.users).where(eq(schema.users.id, target.user!.id));
    expect(row?.role).toBe("CUSTOMER");
  });

  it("lets an admin promote a user, audited, but not demote themselves", async () => {
    const admin = await registerAdmin(users);
    const target = await register(users.url);
    const promoted = await executeOk<{ setUserRole: { role: string } }>(users.url, SET_ROLE, {
      variables: { id: target.user!.id, role: "ADMIN" },
      token: admin.accessToken,
    });
    expect(promoted.setUserRole.role).toBe("ADMIN");
    expect(await auditTypes({ userId: target.user!.id })).toContain("ROLE_CHANGED");
    const self = await execute(users.url, SET_ROLE, {
      variables: { id: admin.user!.id, role: "CUSTOMER" },
      token: admin.accessToken,
    });
    expect(self.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("shows admins the audit log and users list as connections; customers are refused", async () => {
    const admin = await registerAdmin(users);
    const target = await register(users.url);
    const log = await executeOk<{ auditLog: { nodes: { type: string; user: { id: string } }[] } }>(
      users.url,
      `query($u: ID) { auditLog(userId: $u) { nodes { type user { id } } pageInfo { hasNextPage } } }`,
      { variables: { u: target.user!.id }, token: admin.accessToken },
    );
    expect(log.auditLog.nodes.map((n) => n.type)).toEqual(["REGISTERED"]);
    const page1 = await executeOk<{
      users: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(users.url, `{ users(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }`, {
      token: admin.accessToken,
    });
    const page2 = await executeOk<{ users: { nodes: { id: string }[] } }>(
      users.url,
      `query($after: String) { users(first: 2, after: $after) { nodes { id } } }`,
      { variables: { after: page1.users.pageInfo.endCursor }, token: admin.accessToken },
    );
    expect(page1.users.pageInfo.hasNextPage).toBe(true);
    expect(page2.users.nodes.map((n) => n.id)).not.toContain(page1.users.nodes[0]!.id);
    const refused = await execute(users.url, `{ users { nodes { id } } }`, { token: target.accessToken });
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
