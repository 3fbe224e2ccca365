import path from "node:path";
import { packageRoot, type Database } from "@storefront/platform";
import * as schema from "./schema";

export { schema };
export type ShippingDatabase = Database<typeof schema>;
export const migrationsFolder = path.join(packageRoot(import.meta.url), "src/db/migrations");
