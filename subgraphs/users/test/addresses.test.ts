import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ADDRESS, useStack } from "@storefront/testkit";
import { schema } from "../src/db";
import {
  AddAddressDocument,
  AddressBookDocument,
  RemoveAddressDocument,
  SetDefaultAddressDocument,
  UpdateAddressDocument,
  type AddressInput,
} from "./generated/users";
import { register, startStack } from "./stack";

const users = useStack(() => startStack());

// The shared address, its country in lower case: the address book normalises it.
const input = (overrides: Partial<AddressInput> = {}): AddressInput => ({
  ...ADDRESS,
  country: "gb",
  ...overrides,
});

async function addressBook(token: string) {
  const data = await users.executeOk(AddressBookDocument, {}, { token });
  if (!data.me) throw new Error("the address book's owner is not signed in");
  return data.me;
}

describe("address book", () => {
  it("makes the first address the default and normalises the country code", async () => {
    const account = await register(users.url);
    const { addAddress } = await users.executeOk(
      AddAddressDocument,
      { input: input() },
      { token: account.accessToken },
    );
    expect(addAddress).toMatchObject({ isDefault: true, country: "GB" });
  });

  it("keeps exactly one default when another address is made default, and on removal", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const owner = users.as({ token });
    const first = (await owner.executeOk(AddAddressDocument, { input: input() })).addAddress;
    const second = (
      await owner.executeOk(AddAddressDocument, {
        input: input({ city: "Paris", postalCode: "75001", country: "FR", isDefault: true }),
      })
    ).addAddress;
    let book = await addressBook(token);
    expect(book.addresses.filter((a) => a.isDefault).map((a) => a.id)).toEqual([second.id]);

    await owner.executeOk(SetDefaultAddressDocument, { id: first.id });
    book = await addressBook(token);
    expect(book.defaultAddress?.id).toBe(first.id);

    await owner.executeOk(RemoveAddressDocument, { id: first.id });
    book = await addressBook(token);
    expect(book.addresses.map((a) => a.id)).toEqual([second.id]);
    expect(book.defaultAddress?.id).toBe(second.id);
  });

  it("edits an address", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    const owner = users.as({ token });
    const added = (await owner.executeOk(AddAddressDocument, { input: input() })).addAddress;
    const updated = await owner.executeOk(UpdateAddressDocument, {
      id: added.id,
      input: input({ fullName: "Ada King" }),
    });
    expect(updated.updateAddress).toMatchObject({ id: added.id, fullName: "Ada King", isDefault: true });
  });

  it("rejects a bad country with BAD_USER_INPUT naming the field and writes nothing", async () => {
    const account = await register(users.url);
    const result = await users.execute(
      AddAddressDocument,
      { input: input({ country: "Germany" }) },
      { token: account.accessToken },
    );
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
    const owner = users.as({ token });
    const added = (await owner.executeOk(AddAddressDocument, { input: input() })).addAddress;
    const cases: [Partial<AddressInput>, string][] = [
      [{ country: "XX" }, "country"],
      [{ country: "US", postalCode: "ABCDE" }, "postalCode"],
      [{ phone: "call me maybe" }, "phone"],
      [{ line1: "12 Analytical Way\u0000; drop table addresses" }, "line1"],
      [{ fullName: "Ada \ud83d" }, "fullName"],
    ];
    for (const [overrides, field] of cases) {
      const add = await owner.execute(AddAddressDocument, { input: input(overrides) });
      expect(add.errors?.[0]?.extensions, field).toEqual({ code: "BAD_USER_INPUT", field });
      const update = await owner.execute(UpdateAddressDocument, { id: added.id, input: input(overrides) });
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
    const owner = users.as({ token });
    const added = await owner.executeOk(AddAddressDocument, { input: input({ phone: "020 7946 0958" }) });
    expect(added.addAddress.phone).toBe("+442079460958");
    const updated = await owner.executeOk(UpdateAddressDocument, {
      id: added.addAddress.id,
      input: input({
        country: "US",
        postalCode: "94105",
        city: "San Francisco",
        phone: "(415) 555-2671",
      }),
    });
    expect(updated.updateAddress.phone).toBe("+14155552671");
  });

  it("refuses a NUL in a literal argument too, and treats a malformed id as an unknown one", async () => {
    const account = await register(users.url);
    const token = account.accessToken!;
    // Text, not a typed operation: the NUL is in a literal argument of the operation itself.
    const literal = await users.execute(`mutation { removeAddress(id: "a\\u0000b") }`, {}, { token });
    expect(literal.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "id" });
    for (const id of ["", "not-an-id"]) {
      const removed = await users.execute(RemoveAddressDocument, { id }, { token });
      expect(removed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it("treats another user's address as not found, and guests as unauthenticated", async () => {
    const owner = await register(users.url);
    const other = await register(users.url);
    const added = (
      await users.executeOk(AddAddressDocument, { input: input() }, { token: owner.accessToken })
    ).addAddress;
    const steal = await users.execute(RemoveAddressDocument, { id: added.id }, { token: other.accessToken });
    expect(steal.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const guest = await users.execute(AddAddressDocument, { input: input() });
    expect(guest.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await addressBook(owner.accessToken!)).addresses).toHaveLength(1);
  });
});
