/** One GraphQL error as the comparison sees it: what a client can act on. */
export interface ComparedError {
  message: string;
  path: (string | number)[] | undefined;
  code: string | undefined;
}

/** A response reduced to what must be identical: HTTP status, data (key order included), errors. */
export interface ComparedResponse {
  status: number;
  /** `data` as JSON text, so key order counts; undefined when the response had no `data`. */
  data: string | undefined;
  errors: ComparedError[];
}

export interface GraphQLReply {
  status: number;
  body: unknown;
}

const errorKey = (error: ComparedError) =>
  JSON.stringify([error.path ?? null, error.message, error.code ?? null]);

/**
 * Reduces a reply to what is compared. Errors are put in a fixed order (by path, message, code):
 * the GraphQL spec leaves their order open, and an executor that fetches in another order is not
 * wrong for it.
 */
export function comparedResponse(reply: GraphQLReply): ComparedResponse {
  const body = (reply.body ?? {}) as { data?: unknown; errors?: unknown };
  const errors = Array.isArray(body.errors)
    ? body.errors.map((raw): ComparedError => {
        const error = (raw ?? {}) as { message?: unknown; path?: unknown; extensions?: { code?: unknown } };
        return {
          message: typeof error.message === "string" ? error.message : JSON.stringify(error.message),
          path: Array.isArray(error.path) ? (error.path as (string | number)[]) : undefined,
          code: typeof error.extensions?.code === "string" ? error.extensions.code : undefined,
        };
      })
    : [];
  return {
    status: reply.status,
    data: "data" in body ? JSON.stringify(body.data) : undefined,
    errors: sortErrors(errors),
  };
}

export function sortErrors(errors: ComparedError[]): ComparedError[] {
  return [...errors].sort((a, b) => (errorKey(a) < errorKey(b) ? -1 : errorKey(a) > errorKey(b) ? 1 : 0));
}

export function sameResponse(a: ComparedResponse, b: ComparedResponse): boolean {
  return (
    a.status === b.status &&
    a.data === b.data &&
    a.errors.length === b.errors.length &&
    a.errors.every((error, i) => errorKey(error) === errorKey(b.errors[i]!))
  );
}

/**
 * Stands for one or more errors of the router's answer where the stock gateway has one: what a
 * subgraph said in a refused (4xx) response, which the router passes on error by error, at their
 * paths, and the stock gateway sums up as `401: Unauthorized`.
 */
export interface ErrorPattern {
  /** Every error it stands for has a code matching this… */
  code: RegExp;
  /** …and a message matching this. */
  message: RegExp;
}

/** What the router should answer: exact errors, plus patterns each matching one or more further errors. */
export interface ExpectedResponse extends ComparedResponse {
  patterns: ErrorPattern[];
}

const isPattern = (value: ComparedError | ErrorPattern): value is ErrorPattern =>
  value.message instanceof RegExp;

/**
 * A place where the router answers differently from a stock @apollo/gateway on purpose. Rather
 * than ignore the difference, an entry says exactly what the router answers instead: the stock
 * response is rewritten with every entry that applies, and the router's must then equal it.
 */
export interface KnownDifference {
  id: string;
  /** Why the router differs. */
  reason: string;
  /** Always true: an entry documents a deliberate policy, never a bug waiting for a fix. */
  deliberate: true;
  /**
   * The error the router answers in place of the stock gateway's `error` (or a pattern for the
   * errors it answers instead); undefined: not this entry's case.
   */
  routerError?: (error: ComparedError) => ComparedError | ErrorPattern | undefined;
  /** The HTTP status the router answers in place of the stock gateway's; undefined: not this entry's case. */
  routerStatus?: (response: ComparedResponse) => number | undefined;
}

/** The stock gateway's response as the router should answer it, and which entries were applied. */
export function expectedRouterResponse(
  stock: ComparedResponse,
  differences: readonly KnownDifference[],
): { expected: ExpectedResponse; applied: string[] } {
  const applied = new Set<string>();
  const errors: ComparedError[] = [];
  const patterns: ErrorPattern[] = [];
  for (const error of stock.errors) {
    let replaced: ComparedError | ErrorPattern = error;
    for (const difference of differences) {
      const instead = difference.routerError?.(error);
      if (instead) {
        applied.add(difference.id);
        replaced = instead;
        break;
      }
    }
    if (isPattern(replaced)) patterns.push(replaced);
    else errors.push(replaced);
  }
  let status = stock.status;
  for (const difference of differences) {
    const replaced = difference.routerStatus?.(stock);
    if (replaced !== undefined && replaced !== status) {
      applied.add(difference.id);
      status = replaced;
      break;
    }
  }
  return { expected: { ...stock, status, errors: sortErrors(errors), patterns }, applied: [...applied] };
}

/**
 * Whether the router's response is the expected one: same status and data, every exact error
 * once, and the errors left over each matched by a pattern, every pattern by at least one.
 */
export function matchesExpected(router: ComparedResponse, expected: ExpectedResponse): boolean {
  if (router.status !== expected.status || router.data !== expected.data) return false;
  const left = [...router.errors];
  for (const error of expected.errors) {
    const index = left.findIndex((candidate) => errorKey(candidate) === errorKey(error));
    if (index < 0) return false;
    left.splice(index, 1);
  }
  const matches = (pattern: ErrorPattern, error: ComparedError) =>
    error.code !== undefined && pattern.code.test(error.code) && pattern.message.test(error.message);
  return (
    left.every((error) => expected.patterns.some((pattern) => matches(pattern, error))) &&
    expected.patterns.every((pattern) => left.some((error) => matches(pattern, error)))
  );
}
