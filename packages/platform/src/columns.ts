import { timestamp } from "drizzle-orm/pg-core";

/** Every instant the platform stores: `timestamptz` with millisecond precision, read as a UTC Date. */
export const utcTimestamp = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
