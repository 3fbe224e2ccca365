import path from "node:path";
import { type Database } from "@storefront/platform/db";
import { packageRoot } from "@storefront/platform/package-root";
import * as schema from "./schema";

export { schema };
export type CartDatabase = Database<typeof schema>;
export const migrationsFolder = path.join(packageRoot(import.meta.url), "src/db/migrations");
