import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { utcTimestamp } from "@storefront/platform/columns";
import { auditEventTypes, roles } from "@storefront/contracts/enums";

export const role = pgEnum("role", roles);

export const auditEventType = pgEnum("audit_event_type", auditEventTypes);

const timestamps = {
  createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  updatedAt: utcTimestamp("updated_at").notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; uniqueness is on this column. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: role("role").notNull().default("CUSTOMER"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_created_at_idx").on(t.createdAt, t.id)],
);

export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    line1: text("line1").notNull(),
    line2: text("line2"),
    city: text("city").notNull(),
    region: text("region"),
    postalCode: text("postal_code").notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    phone: text("phone"),
    isDefault: boolean("is_default").notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index("addresses_user_idx").on(t.userId, t.createdAt),
    // At most one default address per user, enforced by the database.
    uniqueIndex("addresses_one_default_per_user")
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
);

/**
 * One row per issued refresh token. A refresh rotates: the presented row is marked rotated and a
 * new row in the same family is issued. Presenting a rotated token again means it leaked, so the
 * whole family is revoked.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    familyId: uuid("family_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the token secret; the secret itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: utcTimestamp("expires_at").notNull(),
    rotatedAt: utcTimestamp("rotated_at"),
    revokedAt: utcTimestamp("revoked_at"),
    userAgent: text("user_agent"),
    clientIp: text("client_ip"),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("sessions_family_idx").on(t.familyId),
    index("sessions_user_idx").on(t.userId),
    // The revocation feed reads the recently revoked rows only.
    index("sessions_revoked_idx")
      .on(t.revokedAt)
      .where(sql`${t.revokedAt} is not null`),
  ],
);

/**
 * Sign-in attempts per account (`scope = 'account'`, key = the email as typed, lower-cased) and
 * per client address (`scope = 'address'`) in the current throttle window. A slot is taken with
 * one conditional upsert before the password is checked, so concurrent attempts (several
 * replicas, a batch) cannot all pass the check; a successful sign-in gives its slot back.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    scope: text("scope", { enum: ["account", "address"] }).notNull(),
    key: text("key").notNull(),
    /** Failed attempts in the window, plus those still being checked. */
    attempts: integer("attempts").notNull(),
    windowStartedAt: utcTimestamp("window_started_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index("login_attempts_window_idx").on(t.windowStartedAt),
  ],
);

/**
 * Asymmetric signing keys. A new key is published at once but signs only from `activatesAt`,
 * after every replica has had time to reload and publish it; the key it replaces stops signing
 * then and is still published (and verifies) until `expiresAt`.
 */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  privateJwk: jsonb("private_jwk").notNull(),
  publicJwk: jsonb("public_jwk").notNull(),
  createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  activatesAt: utcTimestamp("activates_at").notNull().defaultNow(),
  retiresAt: utcTimestamp("retires_at"),
  expiresAt: utcTimestamp("expires_at"),
});

/** Security events. Login throttling counts in `login_attempts`; these rows are the record. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: auditEventType("type").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The email the event concerned (as typed, lower-cased), kept even for unknown accounts. */
    email: text("email"),
    clientIp: text("client_ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: utcTimestamp("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt, t.id),
    index("audit_log_user_idx").on(t.userId, t.createdAt),
    index("audit_log_failed_email_idx")
      .on(t.email, t.createdAt)
      .where(sql`${t.type} = 'LOGIN_FAILED'`),
    index("audit_log_failed_ip_idx")
      .on(t.clientIp, t.createdAt)
      .where(sql`${t.type} = 'LOGIN_FAILED'`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type AuditEventType = (typeof auditEventType.enumValues)[number];
