import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import type { Database } from "@storefront/platform";
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
