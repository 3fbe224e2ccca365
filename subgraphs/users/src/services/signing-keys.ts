import { randomUUID } from "node:crypto";
import { desc, gt, isNull, or } from "drizzle-orm";
import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  type CryptoKey,
} from "jose";
import { ACCESS_TOKEN, type Role } from "@storefront/platform";
import type { UsersDatabase } from "../db";
import { signingKeys } from "../db/schema";

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey: CryptoKey | undefined;
  retired: boolean;
}

/** Re-read keys from the database at most this often, so a rotation on one replica reaches all. */
const REFRESH_MS = 60_000;
/** An unknown kid triggers a reload, but never more often than this (a forged kid can't flood the db). */
const UNKNOWN_KID_COOLDOWN_MS = 5_000;

/**
 * The asymmetric keys that sign access tokens. Keys live in the users database so every replica
 * signs and publishes the same set. The newest unretired key signs; retired keys are still
 * published (and verify) until their expiry, so tokens signed before a rotation stay valid.
 */
export class SigningKeys {
  private keys: LoadedKey[] = [];
  private loadedAt = 0;
  private lastUnknownKidReload = 0;

  constructor(
    private readonly db: UsersDatabase,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  /** Loads the keys, creating the first one when the database has none. */
  async init(): Promise<void> {
    await this.reload();
    if (!this.keys.some((key) => !key.retired)) {
      await this.insertNewKey();
      await this.reload();
    }
  }

  /** Retires the signing key and creates a new one; the retired key verifies for one token lifetime more. */
  async rotate(): Promise<string> {
    const expiresAt = new Date(Date.now() + (this.accessTokenTtlSeconds + 60) * 1000);
    await this.db
      .update(signingKeys)
      .set({ retiredAt: new Date(), expiresAt })
      .where(isNull(signingKeys.retiredAt));
    const kid = await this.insertNewKey();
    await this.reload();
    return kid;
  }

  async sign(claims: { userId: string; role: Role; sessionId: string }): Promise<{ token: string; expiresAt: Date }> {
    await this.refreshIfStale();
    const key = this.keys.find((k) => !k.retired && k.privateKey);
    if (!key?.privateKey) throw new Error("no signing key is available");
    const expiresAt = new Date(Date.now() + this.accessTokenTtlSeconds * 1000);
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

  /** The public JWKS document served at /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.refreshIfStale();
    return { keys: this.keys.map((key) => ({ ...key.publicJwk, kid: key.kid, alg: ACCESS_TOKEN.algorithm, use: "sig" })) };
  }

  /** Key lookup for verifying tokens inside the users subgraph itself. */
  readonly getKey: JWTVerifyGetKey = async (header) => {
    await this.refreshIfStale();
    let key = this.keys.find((k) => k.kid === header.kid);
    if (!key && Date.now() - this.lastUnknownKidReload > UNKNOWN_KID_COOLDOWN_MS) {
      this.lastUnknownKidReload = Date.now();
      await this.reload();
      key = this.keys.find((k) => k.kid === header.kid);
    }
    if (!key) throw new Error("unknown signing key");
    return key.publicKey;
  };

  private async refreshIfStale() {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.reload();
  }

  private async reload() {
    const rows = await this.db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.expiresAt), gt(signingKeys.expiresAt, new Date())))
      .orderBy(desc(signingKeys.createdAt));
    this.keys = await Promise.all(
      rows.map(async (row) => ({
        kid: row.kid,
        publicJwk: row.publicJwk as JWK,
        publicKey: (await importJWK(row.publicJwk as JWK, ACCESS_TOKEN.algorithm)) as CryptoKey,
        privateKey: row.retiredAt ? undefined : ((await importJWK(row.privateJwk as JWK, ACCESS_TOKEN.algorithm)) as CryptoKey),
        retired: row.retiredAt !== null,
      })),
    );
    this.loadedAt = Date.now();
  }

  private async insertNewKey(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const privateJwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await this.db.insert(signingKeys).values({ kid, publicJwk, privateJwk }).onConflictDoNothing();
    return kid;
  }
}

