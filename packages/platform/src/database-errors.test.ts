import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseError, loggableError } from "./database-errors";

const client = new PGlite();
const db = drizzle({ client });
afterAll(() => client.close());

async function failure(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await db.execute(statement);
  } catch (error) {
    return error;
  }
  throw new Error("the statement did not fail");
}

describe("database errors in logs", () => {
  it("keep the SQLSTATE and the message, not the statement or the value that broke it", async () => {
    const secret = "ada@example.com";
    const error = await failure(sql`select ${secret}::uuid as id`);
    expect(String((error as Error).message)).toContain("select"); // what would have been logged
    const wrapped = new GraphQLError("x", { originalError: error as Error });
    const logged = loggableError(wrapped);
    expect(logged).toBeInstanceOf(DatabaseError);
    expect(logged).toMatchObject({
      sqlState: "22P02",
      message: "invalid input syntax for type uuid: [value]",
    });
    const lines: string[] = [];
    pino({}, { write: (line: string) => void lines.push(line) }).error({ err: logged }, "failed");
    expect(lines[0]).toContain('"sqlState":"22P02"');
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]).not.toMatch(/select/i);
  });

  it("name the table and constraint of a violation without the row's values", async () => {
    await db.execute(sql`create table accounts (email text constraint accounts_email_key unique)`);
    await db.execute(sql`insert into accounts values ('grace@example.com')`);
    const error = await failure(sql`insert into accounts values (${"grace@example.com"})`);
    const logged = loggableError(error);
    expect(logged).toMatchObject({ sqlState: "23505", table: "accounts", constraint: "accounts_email_key" });
    expect(JSON.stringify({ ...(logged as object), message: (logged as Error).message })).not.toContain(
      "grace",
    );
  });

  it("leave other errors as they are", () => {
    const error = new Error("connection refused");
    expect(loggableError(error)).toBe(error);
  });
});
