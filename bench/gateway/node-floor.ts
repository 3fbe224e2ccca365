/**
 * The "Node floor": a measurement peer of the gateway benchmark, not a product component.
 *
 *   node --import tsx bench/gateway/node-floor.ts <upstream url> <port>
 *
 * The least any Node.js router can do with a request it passes to one subgraph: a bare
 * `node:http` server that reads the POST body, forwards the bytes unchanged over one keep-alive
 * undici `Pool` (the client the router's executor uses) to `upstream`, and writes the answer's
 * bytes back. No parsing, validation, planning or JSON work of any kind. Its RPS on the
 * pass-through query, as a ratio to the subgraph asked directly, bounds what any Node router can
 * reach on this machine: a router does all of this and more.
 *
 * A GET (or any other method) is answered 405; an upstream failure is answered 502, so a broken
 * floor shows as failed requests in the benchmark instead of hanging it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Pool } from "undici";

const [upstream = "", port = ""] = process.argv.slice(2);
if (!URL.canParse(upstream) || !Number(port)) {
  process.stderr.write("usage: node-floor.ts <upstream url> <port>\n");
  process.exit(2);
}
const upstreamUrl = new URL(upstream);
const upstreamPath = upstreamUrl.pathname + upstreamUrl.search;
// As many keep-alive connections as the router's subgraph client allows (executor/subgraph-client.ts).
const pool = new Pool(upstreamUrl.origin, {
  connections: 128,
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 60_000,
});

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "POST") {
    response.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const body = await readBody(request);
  const answer = await pool.request({
    path: upstreamPath,
    method: "POST",
    headers: { "content-type": request.headers["content-type"] ?? "application/json" },
    body,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of answer.body) chunks.push(chunk as Buffer);
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  response
    .writeHead(answer.statusCode, {
      "content-type": String(answer.headers["content-type"] ?? "application/json"),
      "content-length": bytes.length,
    })
    .end(bytes);
}

const server = createServer((request, response) => {
  forward(request, response).catch((error: unknown) => {
    if (response.headersSent) response.destroy();
    else response.writeHead(502, { "content-type": "text/plain" }).end(String(error));
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(port), "127.0.0.1");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void pool.close().finally(() => process.exit(0));
  });
}
