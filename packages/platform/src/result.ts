/**
 * Typed results: one way for every subgraph to say which schema type a value is. A value that
 * reaches a union (or interface) is tagged with its `__typename` when it is made (`typed`), and one
 * shared `resolveType`, installed on every abstract type of a subgraph's schema by the schema
 * builder (`installTypeResolution`), reads that tag: no subgraph writes its own `__resolveType`,
 * and none guesses the type from the value's fields. The generated resolver types require the tag
 * on every union member, so a value made without it does not compile.
 *
 * Expected failures are values of the schema's error types, made with `failure(typename, code,
 * message, extras)`, whether they are a member of a result union or the `error` field of a payload
 * (the cart's `CartPayload`).
 */

/** A value tagged with the name of the schema type it is. */
export type Typed<Name extends string, Value extends object> = Value & { __typename: Name };

/** `value` tagged as schema type `typename` (a copy: cached rows stay untouched). */
export function typed<const Name extends string, Value extends object>(
  typename: Name,
  value: Value,
): Typed<Name, Value> {
  return { ...value, __typename: typename };
}

/** The schema type a tagged value says it is, or undefined when it carries no tag. */
export function typenameOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const typename = (value as { __typename?: unknown }).__typename;
  return typeof typename === "string" ? typename : undefined;
}

/**
 * The `resolveType` of every union and interface: the value's `__typename`. A value without one
 * is a programming error, reported with the abstract type's name (graphql-js turns it into a
 * field error that the error formatter masks).
 */
export function resolveTypeFromTag(
  value: unknown,
  _context: unknown,
  _info: unknown,
  abstractType: { name: string },
) {
  const typename = typenameOf(value);
  if (typename === undefined)
    throw new Error(
      `A ${abstractType.name} value has no __typename: make it with typed() from @storefront/platform.`,
    );
  return typename;
}

/** The parts of a built schema this module reads (structurally: graphql has two module copies). */
interface SchemaWithTypes {
  getTypeMap(): Record<string, object>;
}

/**
 * Installs `resolveTypeFromTag` on every union and interface of `schema` that has no
 * `resolveType` of its own (federation's `_Entity` keeps its own). Returns the schema.
 */
export function installTypeResolution<Schema extends SchemaWithTypes>(schema: Schema): Schema {
  for (const [name, type] of Object.entries(schema.getTypeMap())) {
    if (name.startsWith("__") || !("resolveType" in type)) continue;
    const abstract = type as { resolveType?: unknown };
    abstract.resolveType ??= resolveTypeFromTag;
  }
  return schema;
}

/** An expected failure: a value of one of the schema's error types (`code`, `message`, extras). */
export type Failure<Name extends string, Code extends string, Extra extends object = object> = Typed<
  Name,
  { code: Code; message: string } & Extra
>;

/**
 * An expected failure tagged as schema type `typename`, e.g. `failure("RefundError", "NOT_FOUND",
 * "No such payment.")`: a member of a result union, or the `error` of a payload.
 */
export function failure<const Name extends string, const Code extends string, Extra extends object = object>(
  typename: Name,
  code: Code,
  message: string,
  extra?: Extra,
): Failure<Name, Code, Extra> {
  return { ...(extra as Extra), code, message, __typename: typename };
}
