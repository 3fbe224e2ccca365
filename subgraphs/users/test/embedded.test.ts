import { SignJWT, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN } from "@storefront/platform/auth";
import { useStack } from "@storefront/testkit";
import { MeIdDocument, RefreshDocument } from "./generated/users";
import { login, register, startStack } from "./stack";

/** Fails with a clear message instead of letting a hung call run into the test's own timeout. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// The embedded default of `npm start`: PGlite, one connection. Signing a token happens inside
// the transaction that creates the session, so nothing it does may need a second statement
// outside that transaction — not even once the signing keys are due for their periodic reload.
describe("users on the embedded database", () => {
  const refreshSeconds = 1;
  const users = useStack(() =>
    startStack({ SIGNING_KEY_REFRESH_SECONDS: String(refreshSeconds) }, { embedded: true }),
  );

  it("keeps signing people in after the signing keys' reload interval has passed", async () => {
    const first = await within(10_000, "register", register(users.url));
    expect(first.accessToken).toBeTruthy();
    // Step past the reload interval: this is the moment the embedded database used to lock up.
    await new Promise((resolve) => setTimeout(resolve, refreshSeconds * 1000 + 500));

    const second = await within(10_000, "register after the reload", register(users.url));
    expect(second.accessToken).toBeTruthy();
    const again = await within(10_000, "login", login(users.url, first.email, first.password));
    expect(again.data?.login.__typename).toBe("AuthSession");
    const refreshed = await within(
      10_000,
      "refresh",
      users.execute(RefreshDocument, { token: first.refreshToken! }),
    );
    expect(refreshed.data?.refresh.__typename).toBe("AuthSession");

    const origin = new URL(users.url).origin;
    const jwks = await within(5_000, "JWKS", fetch(`${origin}/.well-known/jwks.json`));
    expect(jwks.status).toBe(200);
    expect((await within(5_000, "ready", fetch(`${origin}/ready`))).status).toBe(200);
  });

  it("answers a token signed with a key it never issued with 401 UNAUTHENTICATED", async () => {
    const { privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm);
    const forged = await new SignJWT({ role: "ADMIN", sid: "s" })
      .setProtectedHeader({ alg: ACCESS_TOKEN.algorithm, kid: "not-a-key-of-ours" })
      .setSubject("00000000-0000-4000-8000-000000000001")
      .setIssuer(ACCESS_TOKEN.issuer)
      .setAudience(ACCESS_TOKEN.audience)
      .setExpirationTime("5m")
      .sign(privateKey);
    const response = await fetch(users.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: String(MeIdDocument) }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
