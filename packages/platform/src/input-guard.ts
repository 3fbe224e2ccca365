import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLNamedType,
} from "graphql";
import { badUserInput } from "./errors";

/**
 * The longest string any argument may carry. The largest field the platform takes (an image as a
 * `data:` URL) is this long; the router refuses bigger request bodies anyway, so this only stops
 * callers that reach a subgraph directly.
 */
export const MAX_STRING_LENGTH = 100_000;

const CONTROL_NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or undefined when it can. */
export function stringProblem(value: string): string | undefined {
  // PostgreSQL text cannot hold NUL, and a lone surrogate is not UTF-8: the driver would fail the
  // statement (or silently replace the character), so neither gets that far.
  if (value.includes(CONTROL_NUL)) return "must not contain a NUL character";
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode text (it has an unpaired surrogate)";
  if (value.length > MAX_STRING_LENGTH) return `must be at most ${MAX_STRING_LENGTH} characters`;
  return undefined;
}

/**
 * How an argument path is named in `extensions.field`, the same way validateInput names it:
 * the fields of an argument called `input` are named directly (`country`, `shippingAddress.city`),
 * any other argument by its own name (`address.country`, `filter.query`, `cartToken`).
 */
export function argumentField(path: readonly (string | number)[]): string {
  const named = path[0] === "input" && path.length > 1 ? path.slice(1) : path;
  return named.map(String).join(".");
}

/** The first string in an argument value that cannot be stored, with its path. */
export function findBadString(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; problem: string } | undefined {
  if (typeof value === "string") {
    const problem = stringProblem(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = stringProblem(key);
      if (keyProblem) return { path: [...path, key], problem: keyProblem };
      const found = findBadString(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the first argument that holds a string the platform refuses. */
export function assertStorableArguments(args: Record<string, unknown>): void {
  const found = findBadString(args);
  if (!found) return;
  const field = argumentField(found.path);
  throw badUserInput(`${field}: ${found.problem}.`, field);
}

/**
 * By tag rather than `instanceof`: @apollo/subgraph builds the schema with its own copy of
 * graphql (CommonJS) while this module may have loaded the ES module one.
 */
const isObjectType = (type: GraphQLNamedType): type is GraphQLObjectType =>
  Object.prototype.toString.call(type) === "[object GraphQLObjectType]";

/**
 * Checks the coerced arguments of every field that takes any (root fields, `_entities`, nested
 * fields with arguments, subscriptions) before its resolver runs. One place for every subgraph,
 * whether a value came as a variable or as a literal in the document.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.length) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        assertStorableArguments(args as Record<string, unknown>);
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, context, info) => {
          assertStorableArguments(args as Record<string, unknown>);
          return subscribe(source, args, context, info);
        };
      }
    }
  }
  return schema;
}
