import { randomBytes } from "node:crypto";
import { count, inArray } from "drizzle-orm";
import type { Database } from "@storefront/platform/db";
import { auditLog, users } from "./db/schema";
import type * as schema from "./db/schema";
import { hashPassword } from "./services/passwords";

export interface SeedAccount {
  email: string;
  password: string;
  role: "ADMIN" | "CUSTOMER";
}

/**
 * First-start accounts: an administrator and a customer with fresh random passwords. Returns
 * them so the launcher can print them once; returns an empty list when users already exist.
 */
export async function seedUsers(db: Database<typeof schema>): Promise<SeedAccount[]> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return [];
  const accounts: (SeedAccount & { name: string })[] = [
    {
      email: "admin@storefront.local",
      name: "Shop Admin",
      role: "ADMIN",
      password: randomBytes(12).toString("base64url"),
    },
    {
      email: "customer@storefront.local",
      name: "Casey Customer",
      role: "CUSTOMER",
      password: randomBytes(12).toString("base64url"),
    },
  ];
  const rows = await Promise.all(
    accounts.map(async (a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      passwordHash: await hashPassword(a.password),
    })),
  );
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(users).values(rows).onConflictDoNothing().returning();
    if (inserted.length) {
      await tx.insert(auditLog).values(
        inserted.map((u) => ({
          type: "REGISTERED" as const,
          userId: u.id,
          email: u.email,
          details: { seeded: true },
        })),
      );
    }
  });
  return accounts.map(({ email, password, role }) => ({ email, password, role }));
}

const REVIEWER_NAMES = [
  "Avery Brooks",
  "Jordan Lee",
  "Sam Rivera",
  "Taylor Kim",
  "Morgan Patel",
  "Riley Chen",
  "Quinn Novak",
  "Harper Diaz",
  "Rowan Okafor",
  "Emerson Berg",
  "Sasha Ivanova",
  "Kai Nakamura",
];

/**
 * Demo reviewer accounts the catalogue's seed attributes reviews to. Created when missing (also
 * in a users database that existed before the catalogue was added); their passwords are random
 * and never shown, so nobody signs in as them. Returns their ids.
 */
export async function ensureSeedReviewers(db: Database<typeof schema>): Promise<string[]> {
  const wanted = REVIEWER_NAMES.map((name, i) => ({ name, email: `reviewer${i + 1}@storefront.local` }));
  const unusable = await hashPassword(randomBytes(24).toString("base64url"));
  await db
    .insert(users)
    .values(wanted.map((w) => ({ ...w, passwordHash: unusable })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        wanted.map((w) => w.email),
      ),
    );
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return wanted.map((w) => byEmail.get(w.email)!);
}
