import { createServer, type IncomingMessage, type Server } from "node:http";
import {
  execute,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";

interface GraphQLRequestBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Gateways send the same few operations again and again, so each text is parsed and validated
 * once; what is left per request is execution, as in a subgraph with a document cache.
 */
function documentCache(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  return (query: string): DocumentNode | readonly GraphQLError[] => {
    let entry = documents.get(query);
    if (!entry) {
      const document = parse(query);
      const errors = validate(schema, document);
      entry = errors.length ? errors : document;
      documents.set(query, entry);
    }
    return entry;
  };
}

/** A subgraph on plain node:http: POST JSON in, JSON out, on any path. */
export function serveSubgraph(schema: GraphQLSchema, port: number): Promise<Server> {
  const documentFor = documentCache(schema);
  const server = createServer((req, res) => {
    const answer = (status: number, result: ExecutionResult | { errors: { message: string }[] }) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(result));
    };
    readBody(req)
      .then(async (text) => {
        const body = JSON.parse(text) as GraphQLRequestBody;
        const document = body.query === undefined ? undefined : documentFor(body.query);
        if (!document) return answer(400, { errors: [{ message: "query is required" }] });
        if (!("kind" in document)) return answer(400, { errors: document });
        const result = await execute({
          schema,
          document,
          variableValues: body.variables,
          operationName: body.operationName,
          contextValue: {},
        });
        answer(200, result);
      })
      .catch((error: unknown) => answer(400, { errors: [{ message: String(error) }] }));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
