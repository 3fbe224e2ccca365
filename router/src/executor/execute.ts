import { errorCodeDef } from "@apollo/federation-internals";
import {
  type FetchDataRewrite,
  type FetchNode,
  type PlanNode,
  type QueryPlanSelectionNode,
} from "@apollo/query-planner";
import { GraphQLError, isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import type { SubgraphError, SubgraphResponse } from "./subgraph-client";

/**
 * Runs a federation query plan: fetches in sequence and in parallel as the plan says, each
 * entity fetch's representations taken from the data so far, every answer merged in place into
 * one result tree. Behaviour (which entities are fetched, how answers merge, the paths and codes
 * of subgraph errors) follows @apollo/gateway's `executeQueryPlan`, which the differential test
 * compares it with; the differences are in cost: no copies of the data, no per-fetch objects
 * beyond the request itself.
 */

type Data = Record<string, unknown>;
type Path = (string | number)[];

export interface PlanRun {
  /** The client's variables, as sent (already coerced and checked by the admission stage). */
  variables: Record<string, unknown>;
  /** The defaults of the operation's variables, for a plan's conditions (`@skip`/`@include`). */
  variableDefaults: Record<string, unknown>;
  /** The supergraph as a graphql-js schema, for the type conditions of entity representations. */
  supergraphSchema: GraphQLSchema;
  /** Sends one fetch with its variables and returns the subgraph's answer. */
  send(fetch: FetchNode, variables: Record<string, unknown>): Promise<SubgraphResponse>;
  /** Errors in the order the gateway reports them: each fetch's, as it completes. */
  errors: GraphQLError[];
  /**
   * Given, the deferred parts of a `Defer` node are not run but collected here, to be run once
   * the first response has gone (incremental delivery); without it they run with the rest.
   */
  later?: DeferredWork[];
}

/** A deferred part of a plan and where in the data it runs. */
export interface DeferredWork {
  node: PlanNode;
  cursor: Cursor;
}

interface Cursor {
  path: Path;
  data: unknown;
  fullResult: Data;
}

export async function executePlan(run: PlanRun, node: PlanNode | undefined): Promise<Data> {
  const data = Object.create(null) as Data;
  if (node) await executeNode(run, node, { path: [], data, fullResult: data });
  return data;
}

/** Runs the deferred parts collected by `executePlan` (a deferral inside them runs with them). */
export async function executeDeferred(run: PlanRun, work: readonly DeferredWork[]): Promise<void> {
  const now: PlanRun = { ...run, later: undefined };
  await Promise.all(work.map((part) => executeNode(now, part.node, part.cursor)));
}

async function executeNode(run: PlanRun, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case "Sequence":
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case "Flatten":
      return executeNode(run, node.node, moveIntoCursor(cursor, node.path));
    case "Fetch":
      try {
        await executeFetch(run, node, cursor);
      } catch (error) {
        run.errors.push(error as GraphQLError);
      }
      return;
    case "Condition": {
      const value = run.variables[node.condition] ?? run.variableDefaults[node.condition];
      if (typeof value !== "boolean") throw new Error(`Invalid non-boolean value for $${node.condition}`);
      const branch = value ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    case "Defer": {
      if (node.primary.node) await executeNode(run, node.primary.node, cursor);
      const deferred = node.deferred.flatMap((part) => (part.node ? [part.node] : []));
      if (run.later) for (const part of deferred) run.later.push({ node: part, cursor });
      else await Promise.all(deferred.map((part) => executeNode(run, part, cursor)));
      return;
    }
  }
}

function moveIntoCursor(cursor: Cursor, path: readonly (string | number)[]): Cursor | undefined {
  const data = flattenAtPath(cursor.data, path, 0);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenAtPath(value: unknown, path: readonly (string | number)[], at: number): unknown {
  if (at === path.length || value === undefined || value === null) return value;
  const current = path[at];
  if (current === "@") return (value as unknown[]).flatMap((element) => flattenAtPath(element, path, at + 1));
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${String(current)}`);
  const object = value as Data;
  return flattenAtPath(
    Object.hasOwn(object, current as string) ? object[current as string] : undefined,
    path,
    at + 1,
  );
}

function variablesFor(run: PlanRun, fetch: FetchNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (fetch.variableUsages)
    for (const name of fetch.variableUsages)
      if (Object.hasOwn(run.variables, name) && run.variables[name] !== undefined)
        variables[name] = run.variables[name];
  return variables;
}

async function executeFetch(run: PlanRun, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const entities: Data[] = Array.isArray(cursor.data)
    ? (cursor.data as unknown[]).filter((e): e is Data => e !== null && e !== undefined)
    : [cursor.data as Data];
  if (entities.length < 1) return;
  const variables = variablesFor(run, fetch);

  if (!fetch.requires) {
    const received = await sendOperation(run, fetch, cursor, variables);
    if (received) applyRewrites(run.supergraphSchema, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }

  const representations: Data[] = [];
  const representationToEntity: number[] = [];
  for (let index = 0; index < entities.length; index++) {
    const representation = selectRepresentation(run.supergraphSchema, entities[index]!, fetch.requires);
    if (representation && representation.__typename) {
      applyRewrites(run.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      representationToEntity.push(index);
    }
  }
  if (representations.length < 1) return;
  if ("representations" in variables) throw new Error(`Variables cannot contain key "representations"`);
  variables.representations = representations;
  const received = await sendOperation(run, fetch, cursor, variables);
  if (!received) return;
  const answered = received._entities;
  if (!Array.isArray(answered)) throw new Error(`Expected "data._entities" in response to be an array`);
  if (answered.length !== representations.length)
    throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < answered.length; i++) {
    const entity = answered[i] as Data | null;
    const existing = entities[representationToEntity[i]!]!;
    if (entity && !entity.__typename) entity.__typename = existing.__typename;
    applyRewrites(run.supergraphSchema, fetch.outputRewrites, entity);
    deepMerge(existing, entity);
  }
}

async function sendOperation(
  run: PlanRun,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Record<string, unknown>,
): Promise<Data | null | undefined> {
  const response = await run.send(fetch, variables);
  if (response.errors) {
    const errorPath = errorPathMaker(fetch, cursor);
    for (const error of response.errors)
      run.errors.push(downstreamError(error, fetch.serviceName, errorPath));
  }
  return response.data;
}

/** A subgraph's error as the client sees it: its message and code, at the path in the client's result. */
function downstreamError(
  error: SubgraphError,
  serviceName: string,
  errorPath: (path: Path | undefined) => Path | undefined,
): GraphQLError {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const path = errorPath(error.path);
  const options: { originalError: Error; path?: Path; extensions: Record<string, unknown> } = {
    originalError: error as Error,
    ...(path ? { path } : {}),
    extensions: { ...error.extensions, serviceName },
  };
  // A federation error code is kept; any other code too; an error without one is a downstream error.
  const code =
    errorCodeDef(error as never)?.code ?? (error.extensions?.code ? undefined : "DOWNSTREAM_SERVICE_ERROR");
  if (code) options.extensions = { ...options.extensions, code };
  return new GraphQLError(message, options);
}

function errorPathMaker(fetch: FetchNode, cursor: Cursor): (path: Path | undefined) => Path | undefined {
  let hydrated: Path[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === "number") {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], cursor.path, 0, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

/** Every concrete path in the result that a plan path with `@` (each list element) stands for. */
function hydratePaths(parent: Path, path: Path, at: number, data: unknown, result: Path[]): void {
  if (data === null || data === undefined) return;
  const head = path[at];
  if (head === undefined) {
    result.push(parent.slice());
  } else if (head === "@") {
    (data as unknown[]).forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, path, at + 1, value, result);
      parent.pop();
    });
  } else if (Array.isArray(data)) {
    data.forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, path, at, value, result);
      parent.pop();
    });
  } else if (Object.hasOwn(data, head)) {
    parent.push(head);
    hydratePaths(parent, path, at + 1, (data as Data)[head as string], result);
    parent.pop();
  }
}

/** The representation of an entity: the fields its `requires` selection names, from the data so far. */
function selectRepresentation(
  schema: GraphQLSchema,
  source: Data | null,
  selections: readonly QueryPlanSelectionNode[],
): Data | null {
  if (source === null) return null;
  const result = Object.create(null) as Data;
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const responseName = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, responseName) ? source[responseName] : undefined;
      if (value === undefined) return null;
      const children = selection.selections;
      if (Array.isArray(value)) {
        result[responseName] = children
          ? value.map((element) => selectRepresentation(schema, element as Data | null, children))
          : value;
      } else if (children) {
        result[responseName] = selectRepresentation(schema, value as Data | null, children);
      } else {
        result[responseName] = value;
      }
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectRepresentation(schema, source, selection.selections));
    }
  }
  return result;
}

function isObjectOfType(schema: GraphQLSchema, object: Data, typeCondition: string, unknownDefault = false) {
  const typename = object.__typename;
  if (!typename) return unknownDefault;
  if (typeCondition === typename) return true;
  const type = schema.getType(typename as string);
  const condition = schema.getType(typeCondition);
  if (!type || !condition) return false;
  if (isAbstractType(condition))
    return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
  return false;
}

/** The planner's rewrites of representations and answers (`@interfaceObject`, renamed keys). */
function applyRewrites(
  schema: GraphQLSchema,
  rewrites: FetchDataRewrite[] | undefined,
  value: unknown,
): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const last = rewrite.path[rewrite.path.length - 1]!;
    applyAtPath(schema, rewrite.path, 0, value, (object) => {
      if (rewrite.kind === "ValueSetter") {
        defineOwn(object, last);
        object[last] = rewrite.setValueTo;
      } else {
        const value = Object.hasOwn(object, last) ? object[last] : undefined;
        if (value) {
          defineOwn(object, rewrite.renameKeyTo);
          object[rewrite.renameKeyTo] = value;
          object[last] = undefined;
        }
      }
    });
  }
}

const FRAGMENT_PREFIX = "... on ";

function applyAtPath(
  schema: GraphQLSchema,
  path: string[],
  at: number,
  value: unknown,
  apply: (object: Data) => void,
): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(schema, path, at, element, apply);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  // The last element names the field the rewrite changes.
  if (at === path.length - 1) return apply(value as Data);
  const element = path[at]!;
  if (element.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, value as Data, element.slice(FRAGMENT_PREFIX.length), true))
      applyAtPath(schema, path, at + 1, value, apply);
  } else {
    const object = value as Data;
    applyAtPath(schema, path, at + 1, Object.hasOwn(object, element) ? object[element] : undefined, apply);
  }
}

/** A key `__proto__` from a subgraph's JSON is data, never the object's prototype. */
function defineOwn(object: Data, key: string): void {
  if (key === "__proto__" && !Object.hasOwn(object, key))
    Object.defineProperty(object, key, {
      value: undefined,
      writable: true,
      enumerable: true,
      configurable: true,
    });
}

function isObject(value: unknown): value is Data {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Merges a subgraph's answer into the result so far, in place (the gateway's `deepMerge`). */
function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    defineOwn(target, key);
    const existing = target[key];
    if (existing && isObject(value)) {
      deepMerge(existing as Data, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i] as Data, value[i] as Data);
        else existing[i] = value[i] as unknown;
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}
