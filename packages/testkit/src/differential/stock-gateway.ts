import { spawn } from "node:child_process";
import path from "node:path";
import { inheritedEnvironment } from "../env";

export interface StockGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * A stock @apollo/gateway on @apollo/server over a supergraph — the reference the router's
 * responses are compared with — configured as its documentation shows and no further: the
 * request headers a subgraph needs are forwarded, and each subgraph fetch has the router's
 * deadline (a gateway without one waits for a stalled subgraph forever).
 *
 * It runs in a process of its own: two gateways in one process share module state (graphql-js's
 * and Apollo's copies), and the router under test must run as it does in production, alone.
 */
export async function startStockGateway(options: {
  supergraphSdl: string;
  subgraphTimeoutMs: number;
  forwardHeaders?: string[];
}): Promise<StockGateway> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "stock-gateway-process.ts")],
    {
      // No usage reports to Apollo from a test.
      env: { ...inheritedEnvironment(), APOLLO_TELEMETRY_DISABLED: "true" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.stdin.write(
    `${JSON.stringify({
      supergraphSdl: options.supergraphSdl,
      subgraphTimeoutMs: options.subgraphTimeoutMs,
      forwardHeaders: options.forwardHeaders ?? ["authorization", "x-cart-token"],
    })}\n`,
  );
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /^listening (\S+)$/m.exec(output);
      if (!match) return;
      child.stdout.off("data", check);
      resolve(match[1]!);
    };
    child.stdout.on("data", check);
    void exited.then((code) =>
      reject(new Error(`the stock gateway exited (${code}) before serving:\n${output.slice(-3000)}`)),
    );
  });
  return {
    url,
    stop: async () => {
      child.stdin.end();
      const hardStop = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(hardStop);
    },
  };
}
