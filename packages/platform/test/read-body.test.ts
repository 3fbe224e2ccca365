import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PayloadTooLargeError, readBody } from "../src/http";

/** The events a request had listeners for, with how many. */
const listenersOf = (req: IncomingMessage) =>
  Object.fromEntries(req.eventNames().map((name) => [String(name), req.listenerCount(name)]));

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server whose handler reads the body with `limit` and reports what it saw. */
async function serve(limit: number) {
  const seen: { body?: string; error?: unknown; before?: object; after?: object }[] = [];
  server = createServer((req, res) => {
    const entry: (typeof seen)[number] = { before: listenersOf(req) };
    seen.push(entry);
    readBody(req, limit).then(
      (body) => {
        entry.body = body;
        entry.after = listenersOf(req);
        res.end("ok");
      },
      (error: unknown) => {
        entry.error = error;
        entry.after = listenersOf(req);
        res.writeHead(413, { connection: "close" }).end();
      },
    );
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}/`, seen };
}

describe("readBody", () => {
  it("reads the whole body, and leaves no listener of its own on the request", async () => {
    const { url, seen } = await serve(1_000);
    const body = JSON.stringify({ query: "subscription { x }", variables: { id: "é".repeat(50) } });
    expect((await fetch(url, { method: "POST", body })).status).toBe(200);
    expect(seen[0]!.body).toBe(body);
    // A request of a streaming subscription lives for hours: nothing of the read may stay on it.
    expect(seen[0]!.after).toEqual(seen[0]!.before);
  });

  it("refuses a body over the limit, declared or sent in chunks, and leaves no listener behind", async () => {
    const { url, seen } = await serve(10);
    expect((await fetch(url, { method: "POST", body: "x".repeat(11) })).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("xxxxx"));
        controller.close();
      },
    });
    const reply = await fetch(url, { method: "POST", body: chunked, duplex: "half" });
    expect(reply.status).toBe(413);
    for (const entry of seen) {
      expect(entry.error).toBeInstanceOf(PayloadTooLargeError);
      expect(entry.after).toEqual(entry.before);
    }
  });
});
