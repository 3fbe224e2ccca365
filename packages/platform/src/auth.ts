import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { unauthenticated, forbidden } from "./errors";
import { createLogger, type Logger } from "./logger";

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

/**
 * Verifies an access token and returns its viewer. A verifier made by `createTokenVerifier` also
 * knows which sessions have ended, so holders of long-lived connections (WebSockets) can close
 * those of a session as soon as it ends.
 */
export interface TokenVerifier {
  (token: string): Promise<Viewer>;
  /** Calls `listener` with the ids of sessions that have just ended; returns the unsubscribe. */
  onSessionsEnded?(listener: (sessionIds: ReadonlySet<string>) => void): () => void;
  /** Whether a session is known to have ended (for a connection set up while its session ended). */
  sessionEnded?(sessionId: string): boolean;
  /** Stops fetching revocations. */
  close?(): void;
}

/** One page of the users subgraph's revocation feed. */
export interface RevokedSessionsPage {
  /** Sessions revoked since the cursor; `until` is when every access token issued for it has expired. */
  revoked: { sessionId: string; until: string }[];
  /** Hand back as `after` on the next call; null while nothing has been revoked. */
  cursor: string | null;
  /** How often the publisher wants to be asked, in milliseconds. */
  refreshMs?: number;
}

/** Where revoked sessions are read from: the feed over HTTP, or (in users itself) its database. */
export type RevocationSource = (after: string | undefined) => Promise<RevokedSessionsPage>;

export const REVOKED_SESSIONS_PATH = "/.well-known/revoked-sessions";

export interface TokenVerifierOptions {
  /**
   * Revoked sessions. Defaults, for a JWKS URL, to the feed next to it (`revoked-sessions` in
   * the same folder); `false` checks expiry only (no revocation before it).
   */
  revocations?: RevocationSource | false;
  /** How often to ask, unless the feed says otherwise. */
  refreshMs?: number;
  log?: Logger;
}

const DEFAULT_REFRESH_MS = 1_000;
/** However the feed is configured, ask at least this often and at most that often. */
const REFRESH_BOUNDS_MS = [250, 30_000] as const;
/** Kept past `until` in case this host's clock is behind the users database's. */
const CLOCK_SKEW_MS = 60_000;

export const sessionEnded = () => unauthenticated("This session has ended. Please sign in again.");

/**
 * Verifies an access token against a key set: signature (ES256 only, so `alg: none` and
 * HMAC-confusion tokens fail), issuer, audience, expiry, and that its session has not ended.
 * Any failure is UNAUTHENTICATED with a message that does not say which check failed.
 */
export function createTokenVerifier(
  keys: JWTVerifyGetKey | { jwksUrl: string; jwksCacheSeconds?: number },
  options: TokenVerifierOptions = {},
): TokenVerifier {
  const getKey =
    typeof keys === "function"
      ? keys
      : createRemoteJWKSet(new URL(keys.jwksUrl), {
          cooldownDuration: 30_000,
          cacheMaxAge: (keys.jwksCacheSeconds ?? 600) * 1000,
        });
  const source =
    options.revocations === false
      ? undefined
      : (options.revocations ??
        (typeof keys === "function"
          ? undefined
          : httpRevocationSource(new URL("revoked-sessions", keys.jwksUrl).toString())));
  const revocations = source
    ? followRevocations(source, options.refreshMs ?? DEFAULT_REFRESH_MS, options.log)
    : undefined;

  const verify: TokenVerifier = async (token) => {
    let viewer: Viewer;
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
      viewer = { userId: payload.sub, role, expiresAt: payload.exp ?? 0, sessionId };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("The access token has expired.");
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
        throw unauthenticated("The access token is invalid.");
      }
      throw error;
    }
    if (revocations && viewer.sessionId) {
      await revocations.firstRead;
      if (revocations.ended(viewer.sessionId)) throw sessionEnded();
    }
    return viewer;
  };
  if (revocations) {
    verify.onSessionsEnded = revocations.subscribe;
    verify.sessionEnded = revocations.ended;
    verify.close = revocations.close;
  }
  return verify;
}

/** The feed over HTTP; a non-200 answer or a malformed page is a failed read. */
export function httpRevocationSource(url: string, timeoutMs = 5_000): RevocationSource {
  return async (after) => {
    const target = new URL(url);
    if (after !== undefined) target.searchParams.set("after", after);
    const response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`revocation feed answered ${response.status}`);
    }
    const page = (await response.json()) as Partial<RevokedSessionsPage>;
    const wellFormed =
      Array.isArray(page.revoked) &&
      page.revoked.every(
        (entry) => typeof entry?.sessionId === "string" && typeof entry.until === "string",
      ) &&
      (page.cursor === null || typeof page.cursor === "string");
    if (!wellFormed) throw new Error("revocation feed page is malformed");
    return page as RevokedSessionsPage;
  };
}

/**
 * A per-process set of ended sessions, kept current by reading the feed every `refreshMs`. An
 * entry is dropped once every token of its session has expired, which bounds the set by the
 * sessions ended in one access-token lifetime. While the feed cannot be read the last known set
 * keeps applying (and tokens still expire); the first failure and the recovery are logged.
 */
function followRevocations(source: RevocationSource, refreshMs: number, log: Logger | undefined) {
  const ended = new Map<string, number>();
  const listeners = new Set<(sessionIds: ReadonlySet<string>) => void>();
  let cursor: string | undefined;
  let interval = refreshMs;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const logger = () => (log ??= createLogger({ service: "auth" }));

  const read = async () => {
    try {
      const page = await source(cursor);
      const fresh = new Set<string>();
      for (const { sessionId, until } of page.revoked) {
        if (!ended.has(sessionId)) fresh.add(sessionId);
        const keepUntil = (Date.parse(until) || Date.now()) + CLOCK_SKEW_MS;
        ended.set(sessionId, Math.max(keepUntil, ended.get(sessionId) ?? 0));
      }
      cursor = page.cursor ?? cursor;
      if (page.refreshMs !== undefined && Number.isFinite(page.refreshMs)) {
        interval = Math.min(REFRESH_BOUNDS_MS[1], Math.max(REFRESH_BOUNDS_MS[0], page.refreshMs));
      }
      if (failing) logger().info("session revocations readable again");
      failing = false;
      if (fresh.size) {
        for (const listener of listeners) {
          try {
            listener(fresh);
          } catch (error) {
            logger().error({ err: error }, "a session-ended listener failed");
          }
        }
      }
    } catch (error) {
      if (!failing)
        logger().warn({ err: error }, "cannot read session revocations; keeping the last known set");
      failing = true;
    }
    const now = Date.now();
    for (const [sessionId, until] of ended) if (until <= now) ended.delete(sessionId);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void read().finally(schedule), interval);
    // Reading revocations never keeps a finished process alive.
    timer.unref();
  };
  const firstRead = read().finally(schedule);

  return {
    firstRead,
    ended: (sessionId: string) => ended.has(sessionId),
    subscribe: (listener: (sessionIds: ReadonlySet<string>) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => {
      stopped = true;
      clearTimeout(timer);
      listeners.clear();
    },
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
