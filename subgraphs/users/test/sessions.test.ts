import { describe, expect, it } from "vitest";
import {
  REVOKED_SESSIONS_PATH,
  createTokenVerifier,
  httpRevocationSource,
  type RevokedSessionsPage,
} from "@storefront/platform/auth";
import { createLogger } from "@storefront/platform/logger";
import { testEnv, useStack, waitFor, type ExecuteResult, type StackClient } from "@storefront/testkit";
import {
  ChangePasswordDocument,
  LogoutDocument,
  MeIdDocument,
  RefreshDocument,
  SetUserRoleDocument,
  UsersDocument,
} from "./generated/users";
import { login, register, registerAdmin, startStack } from "./stack";

/**
 * Revoked sessions end their access tokens within seconds (not at expiry): in users itself, and
 * for every verifier reading the revocation feed next to the JWKS.
 */
const users = useStack(() => startStack());

/** How soon a revoked session must stop working everywhere. */
const WITHIN_MS = 5_000;

/** An operation any signed-in account may send. */
const me = (client: StackClient) => client.execute(MeIdDocument);
/** An operation only an administrator may send. */
const adminOnly = (client: StackClient) => client.execute(UsersDocument, { first: 1 });

const feedUrl = () => new URL(REVOKED_SESSIONS_PATH, users.url);
const sessionIdOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sid: string }).sid;

/** Resolves once `token` is refused at users with UNAUTHENTICATED; fails after WITHIN_MS. */
function refusedAtUsers(token: string, send: (client: StackClient) => Promise<ExecuteResult<unknown>> = me) {
  return waitFor(
    () => send(users.as({ token })),
    (result) => result.errors?.[0]?.extensions?.code === "UNAUTHENTICATED",
    WITHIN_MS,
  );
}

describe("session revocation", () => {
  it("logout ends the access token within seconds, with a message a client can show", async () => {
    const account = await register(users.url);
    expect((await users.executeOk(MeIdDocument, {}, { token: account.accessToken })).me).toEqual({
      id: account.user!.id,
    });
    await users.executeOk(LogoutDocument, { token: account.refreshToken! });
    const refused = await refusedAtUsers(account.accessToken!);
    expect(refused.errors?.[0]?.message).toBe("This session has ended. Please sign in again.");
    expect(refused.status).toBe(401);
  });

  it("a password change ends the other sessions' tokens, not the one that made the change", async () => {
    const account = await register(users.url);
    const other = await login(users.url, account.email, account.password);
    await users.executeOk(
      ChangePasswordDocument,
      { input: { currentPassword: account.password, newPassword: "a brand new password" } },
      { token: account.accessToken },
    );
    await refusedAtUsers(other.data!.login.accessToken!);
    const own = await users.executeOk(MeIdDocument, {}, { token: account.accessToken });
    expect(own.me!.id).toBe(account.user!.id);
  });

  it("reuse of a rotated refresh token ends the session's access tokens", async () => {
    const account = await register(users.url);
    const rotated = await users.executeOk(RefreshDocument, { token: account.refreshToken! });
    const reuse = await users.execute(RefreshDocument, { token: account.refreshToken! });
    expect(reuse.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await refusedAtUsers(rotated.refresh.accessToken);
    await refusedAtUsers(account.accessToken!);
  });

  it("a role change ends every session of that user", async () => {
    const admin = await registerAdmin(users);
    const demoted = await registerAdmin(users);
    await users.executeOk(UsersDocument, { first: 1 }, { token: demoted.accessToken });
    await users.executeOk(
      SetUserRoleDocument,
      { id: demoted.user!.id, role: "CUSTOMER" },
      { token: admin.accessToken },
    );
    await refusedAtUsers(demoted.accessToken, adminOnly);
    // The administrator who made the change keeps their session.
    await users.executeOk(UsersDocument, { first: 1 }, { token: admin.accessToken });
  });
});

describe("revocation feed", () => {
  it("lists sessions revoked within the access-token lifetime, and after a cursor only newer ones", async () => {
    const first = await register(users.url);
    await users.executeOk(LogoutDocument, { token: first.refreshToken! });
    const all = (await (await fetch(feedUrl())).json()) as RevokedSessionsPage;
    const entry = all.revoked.find((e) => e.sessionId === sessionIdOf(first.accessToken!));
    expect(entry).toBeDefined();
    // Every token of the session has expired by `until`: at most one access-token lifetime on.
    const ttlMs = 15 * 60 * 1000;
    expect(Date.parse(entry!.until) - Date.now()).toBeLessThanOrEqual(ttlMs);
    expect(Date.parse(entry!.until) - Date.now()).toBeGreaterThan(ttlMs - 60_000);
    expect(all.cursor).toEqual(expect.any(String));
    expect(all.refreshMs).toBe(1_000);

    const second = await register(users.url);
    await users.executeOk(LogoutDocument, { token: second.refreshToken! });
    const url = feedUrl();
    url.searchParams.set("after", all.cursor!);
    const newer = (await (await fetch(url)).json()) as RevokedSessionsPage;
    expect(newer.revoked.map((e) => e.sessionId)).toContain(sessionIdOf(second.accessToken!));
    expect(Date.parse(newer.cursor!)).toBeGreaterThanOrEqual(Date.parse(all.cursor!));
  });

  it("drops a session once every token of it has expired, so the list stays bounded", async () => {
    const shortLived = await startStack({ ACCESS_TOKEN_TTL_SECONDS: "2" });
    try {
      const account = await register(shortLived.url);
      await shortLived.executeOk(LogoutDocument, { token: account.refreshToken! });
      const sessionId = sessionIdOf(account.accessToken!);
      const listed = async () => {
        const page = (await (
          await fetch(new URL(REVOKED_SESSIONS_PATH, shortLived.url))
        ).json()) as RevokedSessionsPage;
        return page.revoked.some((entry) => entry.sessionId === sessionId);
      };
      expect(await listed()).toBe(true);
      await waitFor(listed, (present) => !present, WITHIN_MS);
    } finally {
      await shortLived.stop();
    }
  });

  it("refuses a cursor it did not make, without internal detail", async () => {
    const url = feedUrl();
    url.searchParams.set("after", "not-a-cursor");
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "`after` must be a cursor this feed returned." });
  });

  it("a verifier on the JWKS URL refuses a logged-out session's token, and keeps refusing while users is unreachable", async () => {
    const own = await startStack();
    let running = true;
    const feed = httpRevocationSource(new URL(REVOKED_SESSIONS_PATH, own.url).toString());
    let failedReads = 0;
    const verify = createTokenVerifier(
      { jwksUrl: new URL("/.well-known/jwks.json", own.url).toString() },
      {
        log: createLogger({ service: "test", level: testEnv.logLevel }),
        revocations: (after) =>
          feed(after).catch((error: unknown) => {
            failedReads += 1;
            throw error;
          }),
      },
    );
    try {
      const account = await register(own.url);
      await expect(verify(account.accessToken!)).resolves.toMatchObject({ userId: account.user!.id });
      await own.executeOk(LogoutDocument, { token: account.refreshToken! });
      await waitFor(
        () =>
          verify(account.accessToken!).then(
            () => "accepted",
            (error: Error) => error.message,
          ),
        (outcome) => outcome === "This session has ended. Please sign in again.",
        WITHIN_MS,
      );
      await own.stop();
      running = false;
      // The keys are cached and the last known revocations keep applying with users gone.
      await waitFor(
        () => failedReads,
        (n) => n >= 2,
        WITHIN_MS,
      );
      await expect(verify(account.accessToken!)).rejects.toThrow("This session has ended");
    } finally {
      verify.close?.();
      if (running) await own.stop();
    }
  });
});
