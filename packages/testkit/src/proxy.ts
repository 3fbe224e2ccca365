import net from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP relay in front of a real server (PostgreSQL, RabbitMQ). `cut()` drops every connection
 * and refuses new ones, as if the server went away; `restore()` brings it back. Lets a test take
 * a dependency away from one service without stopping the shared server under other tests.
 * `retarget()` sends new connections elsewhere, as a load balancer does when a replica leaves.
 * `stall()` keeps every connection open but passes nothing on, as a server that hangs does.
 */
export async function startTcpRelay(initialTarget: { host: string; port: number }) {
  let target = initialTarget;
  const sockets = new Set<net.Socket>();
  let open = true;
  let stalled = false;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream).pipe(client);
    // After pipe(), which resumes its source: a connection opened while stalled passes nothing on.
    if (stalled) {
      client.pause();
      upstream.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
      stalled = false;
      for (const socket of sockets) socket.resume();
    },
    stall() {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    /** New connections go to `port` (on `host`, default the current one); open ones stay where they are. */
    retarget(port: number, host = target.host) {
      target = { host, port };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on right now, for a process the test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The URL of `databaseUrl` reached through a relay of its own, so a test can cut or stall one
 * service's database link while the server keeps serving everyone else.
 */
export async function databaseBehindRelay(databaseUrl: string) {
  const server = new URL(databaseUrl);
  const relay = await startTcpRelay({ host: server.hostname, port: Number(server.port || 5432) });
  const viaRelay = new URL(databaseUrl);
  viaRelay.host = `127.0.0.1:${relay.port}`;
  return { relay, url: viaRelay.toString() };
}
