import { GraphQLError } from "graphql";
import type { RouterClient } from "../clients";
import { sha256Hex, type PersistedOperation } from "./manifest";
import { RouterErrorCode } from "../errors";

/** The fields of one GraphQL request that say which operation to run (HTTP body, GET, WebSocket). */
export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export type PersistedResolution =
  /** Run this manifest operation: replace the text, drop the id and the APQ hash. */
  | { kind: "manifest"; operation: PersistedOperation }
  /** Free-form text or an APQ hash: Apollo's own handling applies. */
  | { kind: "passthrough" };

function refused(code: RouterErrorCode | "BAD_REQUEST", message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * `extensions.persistedQuery`, when present, must be APQ version 1: `{ version: 1, sha256Hash }`.
 * Anything else is refused here with its own code, before Apollo (which would fail it as an
 * internal error) or the manifest lookup see it.
 */
function checkPersistedQueryShape(extensions: unknown): void {
  if (!extensions || typeof extensions !== "object" || !("persistedQuery" in extensions)) return;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === undefined || persisted === null) return;
  if (typeof persisted !== "object" || Array.isArray(persisted)) {
    throw refused(
      "BAD_REQUEST",
      "`extensions.persistedQuery` must be an object: { version: 1, sha256Hash }.",
    );
  }
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) {
    throw refused(
      RouterErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
      "Only version 1 of automatic persisted queries is supported (`extensions.persistedQuery.version: 1`).",
    );
  }
  if (typeof sha256Hash !== "string" || !sha256Hash) {
    throw refused("BAD_REQUEST", "`extensions.persistedQuery.sha256Hash` must be the operation's SHA-256.");
  }
}

export function persistedQueryHash(extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== "object") return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!persisted || typeof persisted !== "object") return undefined;
  const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === "string" ? hash : undefined;
}

/** `documentId` as the GraphQL-over-HTTP persisted-documents draft spells it, with or without `sha256:`. */
function documentIdOf(request: OperationRequest): string | undefined {
  if (typeof request.documentId !== "string") return undefined;
  return request.documentId.startsWith("sha256:") ? request.documentId.slice(7) : request.documentId;
}

/**
 * Decides which operation a request runs, enforcing the client's policy:
 * - a manifest id (`documentId`, or an APQ-style hash without text) found in the client's
 *   manifest runs that operation;
 * - a safelisted client may do nothing else: text is PERSISTED_QUERY_REQUIRED, an id outside its
 *   manifest OPERATION_NOT_IN_MANIFEST;
 * - everyone else may also send free-form text and use APQ.
 * Throws the refusal as a GraphQLError (HTTP 400).
 */
export function resolvePersistedOperation(
  request: OperationRequest,
  client: RouterClient | undefined,
): PersistedResolution {
  checkPersistedQueryShape(request.extensions);
  const hasText = typeof request.query === "string" && request.query.length > 0;
  const documentId = documentIdOf(request);
  const hash = persistedQueryHash(request.extensions);
  const manifest = client?.manifest;

  if (documentId !== undefined) {
    if (hasText) throw refused("BAD_REQUEST", "Send either `query` or `documentId`, not both.");
    const operation = manifest?.operations.get(documentId);
    if (!operation) {
      throw refused(
        RouterErrorCode.OPERATION_NOT_IN_MANIFEST,
        manifest
          ? `Operation ${documentId} is not in the persisted operations of ${client?.name}.`
          : "This client has no persisted operations; send an API key whose client has a manifest.",
      );
    }
    return { kind: "manifest", operation };
  }

  if (client?.safelisted) {
    if (hasText) {
      throw refused(
        RouterErrorCode.PERSISTED_QUERY_REQUIRED,
        hash
          ? "This client may not register operations; call a manifest operation by its id."
          : "This client may run only its persisted operations; send `documentId` instead of `query`.",
      );
    }
    if (!hash) {
      throw refused(
        RouterErrorCode.PERSISTED_QUERY_REQUIRED,
        "This client may run only its persisted operations; send `documentId`.",
      );
    }
    const operation = manifest?.operations.get(hash);
    if (!operation) {
      throw refused(
        RouterErrorCode.OPERATION_NOT_IN_MANIFEST,
        `Operation ${hash} is not in the persisted operations of ${client.name}.`,
      );
    }
    return { kind: "manifest", operation };
  }

  // A first-party client may call its manifest's operations by hash too, before any APQ lookup.
  if (hash && !hasText) {
    const operation = manifest?.operations.get(hash);
    if (operation) return { kind: "manifest", operation };
  }
  // An APQ registration binds a hash to text: the hash must be the text's, or anyone could make a
  // known hash run different text.
  if (hash && hasText && sha256Hex(request.query as string) !== hash) {
    throw refused("BAD_REQUEST", "The persisted query hash is not the SHA-256 of the query text.");
  }
  return { kind: "passthrough" };
}

/** The request with the manifest operation's text in place of any id or hash. */
export function withManifestText<T extends OperationRequest>(request: T, operation: PersistedOperation): T {
  const { documentId: _id, ...rest } = request;
  const resolved: Record<string, unknown> = { ...rest, query: operation.body };
  if (resolved.extensions && typeof resolved.extensions === "object") {
    const { persistedQuery: _hash, ...extensions } = resolved.extensions as Record<string, unknown>;
    if (Object.keys(extensions).length) resolved.extensions = extensions;
    else delete resolved.extensions;
  }
  return resolved as T;
}
