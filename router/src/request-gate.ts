import type { ApolloServerPlugin, DocumentStore, HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode } from "graphql";
import {
  documentHash,
  type Admission,
  type AdmissionRequest,
  type AdmissionStage,
  type Transport,
} from "./admission";
import type { RouterContext } from "./context";
import type { Protection } from "./protection";
import { RouterErrorCode } from "./errors";

export interface RequestGateOptions {
  maxBatchSize: number;
  protection: Protection;
  admission: AdmissionStage;
}

type Fields = Record<string, unknown>;

/**
 * What Apollo is handed for an operation the admission stage refused before it had a valid
 * document (its policy, an unknown APQ hash): a text whose document, from the document store,
 * holds no operation, so Apollo neither parses nor plans anything before the refusal is thrown.
 */
const REFUSED_SOURCE = "# refused by the router's admission stage";
const REFUSED_HASH = documentHash(REFUSED_SOURCE);
const REFUSED_DOCUMENT: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };

/**
 * HTTP runs what Apollo runs: Apollo itself answers an operation it would refuse anyway (none to
 * run, a subscription, a mutation over GET), with the answers HTTP clients know.
 */
function httpTransport(method: string): Transport {
  return {
    screen(operation) {
      if (!operation || operation.operation === OperationTypeNode.SUBSCRIPTION) return "executor";
      if (method === "GET" && operation.operation !== OperationTypeNode.QUERY) return "executor";
      return "run";
    },
  };
}

const isRecord = (value: unknown): value is Fields =>
  !!value && typeof value === "object" && !Array.isArray(value);
const absentOrRecord = (value: unknown) => value === undefined || value === null || isRecord(value);

/**
 * One POST operation as Apollo would take it, or undefined when Apollo refuses its shape itself
 * (query, variables, extensions or operationName of the wrong type).
 */
function postOperation(piece: unknown): AdmissionRequest | undefined {
  if (!isRecord(piece)) return undefined;
  const { query, operationName, variables, extensions, documentId } = piece;
  if (query !== undefined && query !== null && typeof query !== "string") return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string")
    return undefined;
  if (!absentOrRecord(variables) || !absentOrRecord(extensions)) return undefined;
  return {
    query,
    documentId,
    extensions,
    operationName,
    variables,
  };
}

/** A GET operation from its query string, or undefined when Apollo refuses its shape itself. */
function getOperation(search: string): AdmissionRequest | undefined {
  const params = new URLSearchParams(search);
  const fields: Fields = {};
  for (const name of ["query", "documentId", "operationName", "variables", "extensions"]) {
    const values = params.getAll(name);
    if (values.length > 1) return undefined;
    if (values[0] !== undefined) fields[name] = values[0];
  }
  for (const name of ["variables", "extensions"]) {
    if (fields[name] === undefined) continue;
    try {
      fields[name] = JSON.parse(fields[name] as string) as unknown;
    } catch {
      return undefined;
    }
    if (!isRecord(fields[name])) return undefined;
  }
  return postOperation(fields);
}

/** The extensions Apollo gets: no APQ hash, since the admission stage resolved it already. */
function extensionsWithoutHash(extensions: unknown): Fields {
  if (!isRecord(extensions)) return {};
  const { persistedQuery: _hash, ...rest } = extensions;
  return rest;
}

/**
 * The text Apollo runs for an admission: the admitted text, the refused one (Apollo repeats a
 * parse, validation or variable refusal itself, with every error), or the refusal marker.
 */
function textFor(admission: Admission): string | undefined {
  if (admission.kind === "admitted") return admission.source;
  if (admission.stage === "document" && admission.source === undefined) return undefined;
  return admission.source ?? REFUSED_SOURCE;
}

/**
 * HTTP over the admission stage. Before Apollo: the batch cap and the client's rate limit (one
 * unit per operation of the batch), then every operation is admitted on its own. Apollo is handed
 * the admitted text, whose document it takes from the admission stage's cache (`documentStore`),
 * and executes it; `plugin` answers a refusal inside Apollo's pipeline, so it is shaped, counted
 * in Apollo's metrics and given its status like any GraphQL error. A request Apollo refuses by its
 * shape alone (a malformed field) is handed over as it came.
 */
export function createRequestGate(options: RequestGateOptions) {
  const { admission } = options;
  // Each operation's admission, by the extensions object handed to Apollo (POST, batched or not)
  // or by the request handed to Apollo (GET: one operation, whose fields Apollo reads from the URL).
  const admissions = new WeakMap<object, Admission>();

  const admitPiece = async (piece: unknown, context: RouterContext, transport: Transport) => {
    const operation = postOperation(piece);
    if (!operation) return piece;
    const outcome = await admission.admit(operation, context, transport);
    const text = textFor(outcome);
    if (text === undefined) return piece;
    const { documentId: _id, ...rest } = piece as Fields;
    const extensions = extensionsWithoutHash(operation.extensions);
    admissions.set(extensions, outcome);
    return text === REFUSED_SOURCE ? { query: text, extensions } : { ...rest, query: text, extensions };
  };

  const admitGet = async (request: HTTPGraphQLRequest, context: RouterContext, transport: Transport) => {
    const operation = getOperation(request.search);
    if (!operation) return request;
    const outcome = await admission.admit(operation, context, transport);
    const text = textFor(outcome);
    if (text === undefined) return request;
    const params = new URLSearchParams(request.search);
    params.delete("documentId");
    params.set("query", text);
    const extensions = extensionsWithoutHash(operation.extensions);
    if (text === REFUSED_SOURCE || !Object.keys(extensions).length) params.delete("extensions");
    else params.set("extensions", JSON.stringify(extensions));
    if (text === REFUSED_SOURCE) {
      params.delete("operationName");
      params.delete("variables");
    }
    const admitted = { ...request, search: `?${params.toString()}` };
    admissions.set(admitted, outcome);
    return admitted;
  };

  const prepareRequest = async (
    request: HTTPGraphQLRequest,
    context: RouterContext,
  ): Promise<HTTPGraphQLRequest> => {
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
    const limited = await admission.rateLimit(context, operations);
    if (limited) throw limited.errors[0]!;

    const transport = httpTransport(request.method);
    if (request.method === "GET") return admitGet(request, context, transport);
    if (request.method !== "POST") return request;
    const body = batch
      ? await Promise.all(batch.map((piece) => admitPiece(piece, context, transport)))
      : await admitPiece(request.body, context, transport);
    return { ...request, body };
  };

  const plugin: ApolloServerPlugin<RouterContext> = {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) options.protection.updateSupergraph(coreSupergraphSdl);
        },
      });
    },
    requestDidStart({ request }) {
      const outcome =
        (request.extensions && admissions.get(request.extensions)) ??
        (request.http && admissions.get(request.http));
      if (!outcome) return Promise.resolve();
      const wantsCost = request.extensions?.cost === true;
      return Promise.resolve({
        // Synchronous, and this plugin comes first: a refusal is the error Apollo answers with,
        // before other plugins look for the operation the refusal marker does not have.
        didResolveOperation() {
          // Apollo's executor repeats variable coercion and answers every variable error.
          if (outcome.kind === "refused" && outcome.stage !== "variables") throw outcome.errors[0]!;
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          // A throttled client always learns its bucket's state; anyone may ask for the cost.
          const cost = outcome.cost;
          if (!cost || !(wantsCost || cost.throttleStatus) || response.body.kind !== "single") {
            return Promise.resolve();
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
          return Promise.resolve();
        },
      });
    },
  };

  /**
   * Apollo's document store over the admission stage's cache: an admitted text is not parsed or
   * validated again. Apollo's own writes are ignored: only the admission stage decides validity.
   */
  const documentStore: DocumentStore = {
    get(key: string) {
      // Apollo's key is `<schema hash>:<SHA-256 of the text>`.
      const hash = key.slice(key.lastIndexOf(":") + 1);
      return Promise.resolve(hash === REFUSED_HASH ? REFUSED_DOCUMENT : admission.documents.current(hash));
    },
    set: () => Promise.resolve(),
    delete: () => Promise.resolve(false),
  };

  return { prepareRequest, plugin, documentStore };
}
