import { randomUUID } from "node:crypto";
import { desc, gt, isNull, or } from "drizzle-orm";
import {
  errors as joseErrors,
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
} from "jose";
import { type Logger } from "@storefront/platform/logger";
import { ACCESS_TOKEN, type Role } from "@storefront/platform/auth";
import { startPeriodicTask, type PeriodicTask } from "@storefront/platform/periodic";
import type { UsersDatabase } from "../db";
import { signingKeys } from "../db/schema";

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  activatesAt: number;
  retiresAt: number | null;
}

export interface SigningKeyTiming {
  /** How often a replica re-reads the key set (so rotations elsewhere reach it). */
  refreshMs: number;
  /** How long a new key is published before it signs: longer than refreshMs plus JWKS caches. */
  propagationMs: number;
  accessTokenTtlSeconds: number;
}

/** An unknown kid triggers a reload, but never more often than this (a forged kid can't flood the db). */
const UNKNOWN_KID_COOLDOWN_MS = 5_000;

export const defaultKeyTiming = (accessTokenTtlSeconds: number, refreshMs = 60_000): SigningKeyTiming => ({
  refreshMs,
  propagationMs: Math.max(6 * 60_000, refreshMs + 5 * 60_000),
  accessTokenTtlSeconds,
});

/**
 * The asymmetric keys that sign access tokens, shared by every replica through the users
 * database. Rotation publishes before it signs: a verifier never meets a token whose key it
 * could not have fetched yet.
 *
 * Signing and serving the JWKS only read the keys held in memory; a background task re-reads
 * them from the database every `refreshMs`. Tokens are signed inside the transactions that
 * create sessions, and on the embedded database a reload from there would wait for the very
 * connection that transaction holds.
 */
export class SigningKeys {
  private keys: LoadedKey[] = [];
  private lastUnknownKidReload = 0;

  constructor(
    private readonly db: UsersDatabase,
    private readonly timing: SigningKeyTiming,
  ) {}

  /** Re-reads the keys every `refreshMs`, so rotations made by other replicas reach this one. */
  startRefreshing(log: Logger): PeriodicTask {
    return startPeriodicTask({
      name: "signing-key refresh",
      intervalMs: this.timing.refreshMs,
      log,
      task: () => this.reload(),
    });
  }

  /** Loads the keys, creating the first one (active at once) when the database has none. */
  async init(): Promise<void> {
    await this.reload();
    if (this.keys.length === 0) {
      await this.insertKey(new Date());
      await this.reload();
    }
  }

  /**
   * Adds a successor key that signs after the propagation delay; the keys signing now stop then
   * and stay published for one token lifetime more. Returns the new kid.
   */
  async rotate(): Promise<string> {
    const activatesAt = new Date(Date.now() + this.timing.propagationMs);
    const expiresAt = new Date(activatesAt.getTime() + (this.timing.accessTokenTtlSeconds + 60) * 1000);
    const kid = await this.db.transaction(async (tx) => {
      await tx
        .update(signingKeys)
        .set({ retiresAt: activatesAt, expiresAt })
        .where(isNull(signingKeys.retiresAt));
      return this.insertKey(activatesAt, tx);
    });
    await this.reload();
    return kid;
  }

  /** The key that signs now: the most recently activated one that has not retired. */
  currentKid(): string | undefined {
    const now = Date.now();
    return this.keys.find((k) => k.activatesAt <= now && (k.retiresAt === null || k.retiresAt > now))?.kid;
  }

  async sign(claims: {
    userId: string;
    role: Role;
    sessionId: string;
  }): Promise<{ token: string; expiresAt: Date }> {
    const kid = this.currentKid();
    const key = this.keys.find((k) => k.kid === kid);
    if (!key) throw new Error("no signing key is active");
    const expiresAt = new Date(Date.now() + this.timing.accessTokenTtlSeconds * 1000);
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: ACCESS_TOKEN.algorithm, kid: key.kid, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(ACCESS_TOKEN.issuer)
      .setAudience(ACCESS_TOKEN.audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(key.privateKey);
    return { token, expiresAt };
  }

  /** The public JWKS document served at /.well-known/jwks.json: every key not yet expired. */
  jwks(): { keys: JWK[] } {
    return {
      keys: this.keys.map((key) => ({
        ...key.publicJwk,
        kid: key.kid,
        alg: ACCESS_TOKEN.algorithm,
        use: "sig",
      })),
    };
  }

  /** Key lookup for verifying tokens inside the users subgraph itself. */
  readonly getKey: JWTVerifyGetKey = async (header) => {
    let key = this.keys.find((k) => k.kid === header.kid);
    if (!key && Date.now() - this.lastUnknownKidReload > UNKNOWN_KID_COOLDOWN_MS) {
      this.lastUnknownKidReload = Date.now();
      await this.reload();
      key = this.keys.find((k) => k.kid === header.kid);
    }
    // A kid nobody issued is a bad token (401), not a fault of the server.
    if (!key) throw new joseErrors.JWKSNoMatchingKey();
    return key.publicKey;
  };

  private async reload() {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.expiresAt), gt(signingKeys.expiresAt, new Date())))
      .orderBy(desc(signingKeys.activatesAt));
    this.keys = await Promise.all(
      rows.map(async (row) => ({
        kid: row.kid,
        publicJwk: row.publicJwk as JWK,
        publicKey: (await importJWK(row.publicJwk as JWK, ACCESS_TOKEN.algorithm)) as CryptoKey,
        privateKey: (await importJWK(row.privateJwk as JWK, ACCESS_TOKEN.algorithm)) as CryptoKey,
        activatesAt: row.activatesAt.getTime(),
        retiresAt: row.retiresAt?.getTime() ?? null,
      })),
    );
  }

  private async insertKey(activatesAt: Date, db: UsersDatabase = this.db): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const privateJwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await db.insert(signingKeys).values({ kid, publicJwk, privateJwk, activatesAt }).onConflictDoNothing();
    return kid;
  }
}
