import { AsyncLocalStorage } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import type { ApolloGateway } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { RouterErrorCode } from "../errors";

type GatewayExecutor = ApolloGateway["executor"];

/** The running operation's deadline, for every subgraph fetch it makes (see executor/subgraph-client). */
const deadlines = new AsyncLocalStorage<AbortSignal>();

export function currentOperationSignal(): AbortSignal | undefined {
  return deadlines.getStore();
}

export function operationTimeoutError(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The operation took longer than ${timeoutMs} ms and was stopped.`, {
    extensions: { code: RouterErrorCode.OPERATION_TIMEOUT, timeoutMs },
  });
}

/**
 * Runs `work` with a deadline: past it, the result is an OPERATION_TIMEOUT error and the signal
 * aborts whatever `work` still has in flight. Reusable for each event of a subscription.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  work: () => Promise<T>,
  onTimeout: () => T,
): Promise<T> {
  const controller = new AbortController();
  // Every subgraph call of the operation listens to this one signal (undici removes its listener
  // when the call ends); an operation may have many calls in flight at once.
  setMaxListeners(0, controller.signal);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(operationTimeoutError(timeoutMs));
      resolve(onTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([deadlines.run(controller.signal, work), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The gateway's executor with a deadline per operation. */
export function executorWithTimeout(
  executor: GatewayExecutor,
  timeoutMs: number,
  onTimeout: () => void,
): GatewayExecutor {
  return (requestContext) =>
    withDeadline(
      timeoutMs,
      () => executor(requestContext),
      () => {
        onTimeout();
        return { data: null, errors: [operationTimeoutError(timeoutMs)] };
      },
    );
}
