import net from "node:net";

export interface KeepAliveProbe {
  /** Status line and headers of the first response. */
  head: string;
  /** Everything after the first response's headers (its body, and a second response if any). */
  body: string;
  /** Whether the second request on the connection got its own response. */
  secondAnswered: boolean;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/**
 * A chunked POST of `totalBytes` to `path` on one keep-alive connection, followed on the same
 * connection by `GET /health`, written the way a client that does not wait for an answer writes
 * them. Resolves once the second request is answered or the server closes the connection; a
 * server that does neither leaves the promise (and the test) hanging, which is the failure.
 */
export function oversizedChunkedPost(
  port: number,
  options: { path?: string; totalBytes?: number } = {},
): Promise<KeepAliveProbe> {
  const path = options.path ?? "/graphql";
  const totalBytes = options.totalBytes ?? 1_200_000;
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      const split = received.indexOf("\r\n\r\n");
      const head = split === -1 ? received : received.slice(0, split);
      const body = split === -1 ? "" : received.slice(split + 4);
      const secondAnswered = (received.match(/^HTTP\/1\.1 \d{3} /gm) ?? []).length >= 2;
      socket.destroy();
      resolve({ head, body, secondAnswered, closed });
    };
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => {
      received += text;
      if ((received.match(/^HTTP\/1\.1 \d{3} /gm) ?? []).length >= 2 && received.includes('"status"'))
        finish(false);
    });
    socket.on("close", () => finish(true));
    // Writing into a connection the server has closed fails with EPIPE/ECONNRESET: that is the
    // close this probe is looking for, reported by the 'close' that follows.
    socket.on("error", () => {});
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n",
      );
      const chunk = `{"query":"${"x".repeat(8_000)}"}`;
      for (let sent = 0; sent < totalBytes; sent += chunk.length) {
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      }
      socket.write("0\r\n\r\n");
      socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    });
  });
}
