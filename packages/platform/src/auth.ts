import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { unauthenticated, forbidden } from "./errors";

/** Roles a signed-in user can hold; ADMIN may manage the shop. */
export type Role = "CUSTOMER" | "ADMIN";

/** Who is calling, as proven by a verified access token. */
export interface Viewer {
  userId: string;
  role: Role;
  /** Expiry of the access token, in seconds since the epoch. */
  expiresAt: number;
  /** The sign-in session (refresh-token family) the token was issued for. */
  sessionId: string | undefined;
}

/** Fixed claims every access token carries; both the issuer and all verifiers use them. */
export const ACCESS_TOKEN = {
  issuer: "storefront-users",
  audience: "storefront",
  algorithm: "ES256",
} as const;

export type TokenVerifier = (token: string) => Promise<Viewer>;

/**
 * Verifies an access token against a key set: signature (ES256 only, so `alg: none` and
 * HMAC-confusion tokens fail), issuer, audience, expiry. Any failure is UNAUTHENTICATED with a
 * message that does not say which check failed.
 */
export function createTokenVerifier(keys: JWTVerifyGetKey | { jwksUrl: string }): TokenVerifier {
  const getKey =
    typeof keys === "function"
      ? keys
      : createRemoteJWKSet(new URL(keys.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer: ACCESS_TOKEN.issuer,
        audience: ACCESS_TOKEN.audience,
        algorithms: [ACCESS_TOKEN.algorithm],
        requiredClaims: ["sub", "exp", "role"],
      });
      const role = payload.role;
      if (typeof payload.sub !== "string" || (role !== "CUSTOMER" && role !== "ADMIN")) {
        throw unauthenticated("The access token is invalid.");
      }
      const sessionId = typeof payload.sid === "string" ? payload.sid : undefined;
      return { userId: payload.sub, role, expiresAt: payload.exp ?? 0, sessionId };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The access token has expired.");
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        throw unauthenticated("The access token is invalid.");
      }
      throw error;
    }
  };
}

/** The token from an `Authorization: Bearer …` header; undefined when absent. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`.");
  return match[1];
}

export function requireViewer(viewer: Viewer | undefined): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Internal operations (stock reservations, payment capture …) are for platform services only. */
export function requireInternalCaller(context: { internalCaller: boolean }): void {
  if (!context.internalCaller) throw forbidden("This operation is internal to the platform.");
}

export function requireAdmin(viewer: Viewer | undefined): Viewer {
  const signedIn = requireViewer(viewer);
  if (signedIn.role !== "ADMIN") throw forbidden("Only an administrator can do this.");
  return signedIn;
}
