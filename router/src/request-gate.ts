import type { HTTPGraphQLRequest } from "@apollo/server";
import { RouterErrorCode } from "@storefront/platform";
import { GraphQLError } from "graphql";
import type { RouterContext } from "./context";
import { withManifestText, type OperationRequest } from "./persisted/resolve";
import type { Protection } from "./protection";
import { rateLimitedError } from "./protection/rate-limit";

export interface RequestGateOptions {
  maxBatchSize: number;
  protection: Protection;
}

type Fields = Record<string, unknown>;

/** A GET request's operation fields from its query string (JSON fields parsed when they parse). */
function fieldsFromSearch(search: string): Fields {
  const params = new URLSearchParams(search);
  const fields: Fields = {};
  for (const name of ["query", "documentId", "operationName"]) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  const extensions = params.get("extensions");
  if (extensions !== null) {
    try {
      fields.extensions = JSON.parse(extensions) as unknown;
    } catch {
      // Left out: Apollo answers the malformed parameter itself.
    }
  }
  return fields;
}

function searchWithManifestText(search: string, resolved: Fields): string {
  const params = new URLSearchParams(search);
  params.delete("documentId");
  params.set("query", resolved.query as string);
  if (resolved.extensions) params.set("extensions", JSON.stringify(resolved.extensions));
  else params.delete("extensions");
  return `?${params.toString()}`;
}

/**
 * What runs before Apollo for every HTTP request: the batch cap, the client's rate limit (one unit
 * per operation), and the persisted-operation policy (manifest ids replaced by their text).
 */
export function createRequestGate(options: RequestGateOptions) {
  const { protection } = options;
  const { metrics } = protection;

  const resolve = (fields: OperationRequest, context: RouterContext) => {
    const resolution = protection.resolvePersisted(fields, context.client);
    if (resolution.kind === "manifest") metrics.persisted.inc({ kind: "manifest", outcome: "hit" });
    return resolution;
  };

  return async (request: HTTPGraphQLRequest, context: RouterContext): Promise<HTTPGraphQLRequest> => {
    const batch =
      request.method === "POST" && Array.isArray(request.body) ? (request.body as unknown[]) : undefined;
    const operations = batch?.length ?? 1;
    if (operations > options.maxBatchSize) {
      throw new GraphQLError(
        `A batch may hold at most ${options.maxBatchSize} operations; this one has ${operations}.`,
        {
          extensions: {
            code: RouterErrorCode.BATCH_LIMIT_EXCEEDED,
            limit: options.maxBatchSize,
            actual: operations,
            http: { status: 400 },
          },
        },
      );
    }

    const decision = await protection.consumeRateLimit(context, operations);
    if (!decision.allowed) throw rateLimitedError(decision.retryAfterSeconds);

    try {
      if (request.method === "GET") {
        const fields = fieldsFromSearch(request.search);
        const resolution = resolve(fields, context);
        if (resolution.kind === "passthrough") return request;
        return {
          ...request,
          search: searchWithManifestText(request.search, withManifestText(fields, resolution.operation)),
        };
      }
      const rewrite = (piece: unknown) => {
        // Anything but an object is Apollo's to refuse.
        if (!piece || typeof piece !== "object" || Array.isArray(piece)) return piece;
        const fields = piece as Fields;
        const resolution = resolve(fields, context);
        return resolution.kind === "manifest" ? withManifestText(fields, resolution.operation) : piece;
      };
      return { ...request, body: batch ? batch.map(rewrite) : rewrite(request.body) };
    } catch (error) {
      if (
        error instanceof GraphQLError &&
        error.extensions.code === RouterErrorCode.OPERATION_NOT_IN_MANIFEST
      ) {
        metrics.persisted.inc({ kind: "manifest", outcome: "miss" });
      }
      throw error;
    }
  };
}
