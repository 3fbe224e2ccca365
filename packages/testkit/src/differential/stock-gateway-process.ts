import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { Fetcher } from "@apollo/utils.fetcher";

/**
 * The stock gateway's process (see stock-gateway.ts): reads its settings as JSON on stdin, prints
 * `listening <url>` once it serves, and stops when stdin closes (its parent went away).
 */
interface StockSettings {
  supergraphSdl: string;
  subgraphTimeoutMs: number;
  forwardHeaders: string[];
}

interface StockContext {
  headers: Record<string, string | string[] | undefined>;
}

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  input += chunk as string;
  if (input.includes("\n")) break;
}
const settings = JSON.parse(input) as StockSettings;

const fetcher = ((url: string, init?: object) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(settings.subgraphTimeoutMs) })) as unknown as Fetcher;
const gateway = new ApolloGateway({
  supergraphSdl: settings.supergraphSdl,
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource<StockContext>({
      url: url!,
      fetcher,
      willSendRequest({ request, context }) {
        const headers = (context as Partial<StockContext>).headers ?? {};
        for (const name of settings.forwardHeaders) {
          const value = headers[name];
          if (typeof value === "string") request.http?.headers.set(name, value);
        }
      },
    }),
});
const server = new ApolloServer<StockContext>({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: ({ req }) => Promise.resolve({ headers: req.headers }),
});
process.stdout.write(`listening ${url}\n`);
process.stdin.resume();
process.stdin.on("end", () => void server.stop().finally(() => process.exit(0)));
