import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS, execute, executeOk } from "@storefront/testkit";
import { schema } from "../src/db";
import { register, startStack, type Stack } from "./stack";

let users: Stack;
beforeAll(async () => {
  users = await startStack();
});
afterAll(async () => {
  await users?.stop();
});

const FIELDS = `id fullName line1 city postalCode country isDefault`;
const ADD = `mutation($input: AddressInput!) { addAddress(input: $input) { ${FIELDS} } }`;
type Address = { id: string; fullName: string; country: string; isDefault: boolean };

// The shared address, its country in lower case: the address book normalises it.
const input = (overrides: Record<string, unknown> = {}) => ({ ...ADDRESS, country: "gb", ...overrides });

async function addressBook(token: string) {
  const data = await executeOk<{ me: { addresses: Address[]; defaultAddress: Address | null } }>(
    users.url,
    `{ me { addresses { ${FIELDS} } defaultAddress { id } } }`,
    { token },
  );
  return data.me;
}

describe("address book", () => {
  it("makes the first address the default and normalises the country code", async () => {
    const account = await register(users.url);
    const { addAddress } = await executeOk<{ addAddress: Address }>(users.url, ADD, {
      variables: { input: input() },
      token: account.accessToken,
    });
    expect(addAddress).toMatchObject({ isDefault: true, country: "GB" });
  });

  it("keeps exactly one default when another address is made default, and on removal", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const first = (
      await executeOk<{ addAddress: Address }>(users.url, ADD, { variables: { input: input() }, token })
    ).addAddress;
    const second = (
      await executeOk<{ addAddress: Address }>(users.url, ADD, {
        variables: { input: input({ city: "Paris", postalCode: "75001", country: "FR", isDefault: true }) },
        token,
      })
    ).addAddress;
    let book = await addressBook(token);
    expect(book.addresses.filter((a) => a.isDefault).map((a) => a.id)).toEqual([second.id]);

    await executeOk(users.url, `mutation($id: ID!) { setDefaultAddress(id: $id) { id } }`, {
      variables: { id: first.id },
      token,
    });
    book = await addressBook(token);
    expect(book.defaultAddress?.id).toBe(first.id);

    await executeOk(users.url, `mutation($id: ID!) { removeAddress(id: $id) }`, {
      variables: { id: first.id },
      token,
    });
    book = await addressBook(token);
    expect(book.addresses.map((a) => a.id)).toEqual([second.id]);
    expect(book.defaultAddress?.id).toBe(second.id);
  });

  it("edits an address", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const added = (
      await executeOk<{ addAddress: Address }>(users.url, ADD, { variables: { input: input() }, token })
    ).addAddress;
    const updated = await executeOk<{ updateAddress: Address }>(
      users.url,
      `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${FIELDS} } }`,
      { variables: { id: added.id, input: input({ fullName: "Ada King" }) }, token },
    );
    expect(updated.updateAddress).toMatchObject({ id: added.id, fullName: "Ada King", isDefault: true });
  });

  it("rejects a bad country with BAD_USER_INPUT naming the field and writes nothing", async () => {
    const account = await register(users.url);
    const result = await execute(users.url, ADD, {
      variables: { input: input({ country: "Germany" }) },
      token: account.accessToken,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "country" });
    const [row] = await users.db
      .select({ n: count() })
      .from(schema.addresses)
      .where(eq(schema.addresses.userId, account.user!.id));
    expect(row?.n).toBe(0);
  });

  it("refuses an unknown country, a postal code that is not the country's and a phone that is no number, on add and on edit, writing nothing", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const added = (
      await executeOk<{ addAddress: Address }>(users.url, ADD, { variables: { input: input() }, token })
    ).addAddress;
    const UPDATE = `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ${FIELDS} } }`;
    const cases: [Record<string, unknown>, string][] = [
      [{ country: "XX" }, "country"],
      [{ country: "US", postalCode: "ABCDE" }, "postalCode"],
      [{ phone: "call me maybe" }, "phone"],
      [{ line1: "12 Analytical Way\u0000; drop table addresses" }, "line1"],
      [{ fullName: "Ada \ud83d" }, "fullName"],
    ];
    for (const [overrides, field] of cases) {
      const add = await execute(users.url, ADD, { variables: { input: input(overrides) }, token });
      expect(add.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
      const update = await execute(users.url, UPDATE, {
        variables: { id: added.id, input: input(overrides) },
        token,
      });
      expect(update.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
    }
    const rows = await users.db
      .select()
      .from(schema.addresses)
      .where(eq(schema.addresses.userId, account.user!.id));
    expect(rows.map((r) => [r.id, r.country, r.postalCode, r.phone, r.line1])).toEqual([
      [added.id, "GB", "N1 9GU", null, "12 Analytical Way"],
    ]);
  });

  it("stores a phone number as E.164, read in the address's country", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const added = await executeOk<{ addAddress: { id: string; phone: string } }>(
      users.url,
      `mutation($input: AddressInput!) { addAddress(input: $input) { id phone } }`,
      { variables: { input: input({ phone: "020 7946 0958" }) }, token },
    );
    expect(added.addAddress.phone).toBe("+442079460958");
    const updated = await executeOk<{ updateAddress: { phone: string } }>(
      users.url,
      `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { phone } }`,
      {
        variables: {
          id: added.addAddress.id,
          input: input({
            country: "US",
            postalCode: "94105",
            city: "San Francisco",
            phone: "(415) 555-2671",
          }),
        },
        token,
      },
    );
    expect(updated.updateAddress.phone).toBe("+14155552671");
  });

  it("refuses a NUL in a literal argument too, and treats a malformed id as an unknown one", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const literal = await execute(users.url, `mutation { removeAddress(id: "a\\u0000b") }`, { token });
    expect(literal.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "id" });
    for (const id of ["", "not-an-id"]) {
      const removed = await execute(users.url, `mutation($id: ID!) { removeAddress(id: $id) }`, {
        variables: { id },
        token,
      });
      expect(removed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("treats another user's address as not found, and guests as unauthenticated", async () => {
    const owner = await register(users.url);
    const other = await register(users.url);
    const added = (
      await executeOk<{ addAddress: Address }>(users.url, ADD, {
        variables: { input: input() },
        token: owner.accessToken,
      })
    ).addAddress;
    const steal = await execute(users.url, `mutation($id: ID!) { removeAddress(id: $id) }`, {
      variables: { id: added.id },
      token: other.accessToken,
    });
    expect(steal.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const guest = await execute(users.url, ADD, { variables: { input: input() } });
    expect(guest.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await addressBook(owner.accessToken!)).addresses).toHaveLength(1);
  });
});
