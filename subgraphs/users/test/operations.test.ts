import { decodeProtectedHeader } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { createTokenVerifier } from "@storefront/platform/auth";
import { createLogger } from "@storefront/platform/logger";
import { createTestDatabase, databaseBehindRelay, waitFor } from "@storefront/testkit";
import { SigningKeys } from "../src/services/signing-keys";
import { register, startStack } from "./stack";

const cleanups: (() => Promise<void>)[] = [];
const silentLog = createLogger({ service: "users-test", level: "silent" });
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("readiness", () => {
  it("reports not ready while PostgreSQL is unreachable, stays alive, and recovers", async (ctx) => {
    const database = await createTestDatabase("users_ready");
    if (!database.url) return ctx.skip("no PostgreSQL server answers");
    cleanups.push(() => database.drop());
    const { relay, url: viaRelay } = await databaseBehindRelay(database.url);
    cleanups.push(() => relay.close());
    const users = await startStack({}, { databaseUrl: viaRelay });
    cleanups.push(() => users.stop());
    const base = new URL(users.url).origin;

    expect((await fetch(`${base}/ready`)).status).toBe(200);
    relay.cut();
    const down = await fetch(`${base}/ready`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: Record<string, string> }).checks.database).not.toBe("ok");
    expect((await fetch(`${base}/health`)).status).toBe(200);

    relay.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${base}/ready`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});

describe("signing keys", () => {
  it("publishes a JWKS whose kid matches the tokens and holds no private parts", async () => {
    const users = await startStack();
    cleanups.push(() => users.stop());
    const account = await register(users.url);
    const response = await fetch(`${new URL(users.url).origin}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: { kid: string; d?: string; alg: string; kty: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([decodeProtectedHeader(account.accessToken!).kid]);
    expect(jwks.keys[0]).toMatchObject({ alg: "ES256", kty: "EC" });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it("rotates across replicas: the new key is published before it signs, old tokens stay valid", async () => {
    const users = await startStack();
    cleanups.push(() => users.stop());
    const timing = { refreshMs: 100, propagationMs: 1_000, accessTokenTtlSeconds: 900 };
    const replicaA = new SigningKeys(users.db, timing);
    const replicaB = new SigningKeys(users.db, timing);
    await replicaA.init();
    await replicaB.init();
    const refreshing = [replicaA, replicaB].map((replica) => replica.startRefreshing(silentLog));
    cleanups.push(async () => {
      for (const task of refreshing) await task.stop();
    });
    const claims = {
      userId: "00000000-0000-4000-8000-000000000001",
      role: "CUSTOMER" as const,
      sessionId: "s",
    };
    const before = await replicaB.sign(claims);
    const oldKid = decodeProtectedHeader(before.token).kid;

    const newKid = await replicaA.rotate();
    // Until activation both replicas keep signing with the old key...
    expect(decodeProtectedHeader((await replicaA.sign(claims)).token).kid).toBe(oldKid);
    // ...while the other replica, once its background refresh has run, already publishes the new key.
    await waitFor(
      () => replicaB.jwks().keys.map((k) => k.kid),
      (kids) => kids.includes(newKid),
    );
    expect(decodeProtectedHeader((await replicaB.sign(claims)).token).kid).toBe(oldKid);
    expect(
      replicaB
        .jwks()
        .keys.map((k) => k.kid)
        .sort(),
    ).toEqual([newKid, oldKid].sort());

    await new Promise((r) => setTimeout(r, timing.propagationMs));
    const after = await replicaB.sign(claims);
    expect(decodeProtectedHeader(after.token).kid).toBe(newKid);

    const verify = createTokenVerifier(replicaB.getKey);
    await expect(verify(before.token)).resolves.toMatchObject({ userId: claims.userId });
    await expect(verify(after.token)).resolves.toMatchObject({ userId: claims.userId });
  });
});
