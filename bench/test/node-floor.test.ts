import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitFor } from "@storefront/testkit";

/** The gateway benchmark's Node floor (gateway/node-floor.ts) in a process of its own, as the benchmark runs it. */
function startFloor(upstream: string, port: number): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "../gateway/node-floor.ts"), upstream, String(port)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}

describe("the Node floor", () => {
  let upstream: Server;
  let floor: ChildProcess;
  let deadFloor: ChildProcess;
  let floorUrl: string;
  let deadFloorUrl: string;
  const received: { path: string; type: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString();
        received.push({ path: req.url!, type: req.headers["content-type"], body });
        res.writeHead(207, { "content-type": "application/graphql-response+json" });
        res.end(`{"echo":${body}}`);
      });
    });
    upstream.listen(0, "127.0.0.1");
    await once(upstream, "listening");
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql?x=1`;
    const [port, deadPort, unusedPort] = [await freePort(), await freePort(), await freePort()];
    floor = startFloor(upstreamUrl, port);
    // In front of a port nothing listens on.
    deadFloor = startFloor(`http://127.0.0.1:${unusedPort}/graphql`, deadPort);
    floorUrl = `http://127.0.0.1:${port}/graphql`;
    deadFloorUrl = `http://127.0.0.1:${deadPort}/graphql`;
    for (const url of [floorUrl, deadFloorUrl])
      await waitFor(
        () =>
          fetch(url, { method: "GET" }).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 405,
        30_000,
      );
  }, 60_000);
  afterAll(async () => {
    for (const child of [floor, deadFloor]) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    }
    upstream.close();
  });

  it("forwards the POST body's bytes to the upstream path and answers with its status, type and bytes", async () => {
    const body = JSON.stringify({ query: "{ a }", variables: { text: "é ✓" } });
    const response = await fetch(floorUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(207);
    expect(response.headers.get("content-type")).toBe("application/graphql-response+json");
    expect(await response.text()).toBe(`{"echo":${body}}`);
    expect(received.at(-1)).toEqual({ path: "/graphql?x=1", type: "application/json", body });
  });

  it("answers 405 to anything but POST", async () => {
    const response = await fetch(floorUrl, { method: "PUT", body: "{}" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers 502 when the upstream cannot be reached, and keeps serving", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await fetch(deadFloorUrl, { method: "POST", body: "{}" });
      expect(response.status).toBe(502);
    }
  });
});
