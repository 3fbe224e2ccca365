/** Test-run settings; the only place the test kit reads the environment. */
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  amqpUrl: process.env.TEST_AMQP_URL ?? "amqp://guest:guest@127.0.0.1:5672",
  redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  /** In CI a missing server is a failure, never a silent fallback to PGlite. */
  requireRealServices: process.env.REQUIRE_REAL_SERVICES === "1" || process.env.CI === "true",
  /** The service credential every test subgraph accepts for internal operations. */
  serviceToken: "test-service-token-0123456789abcdef",
  /**
   * Pool size of every test subgraph's PostgreSQL connections. A test run starts dozens of
   * subgraphs on one server (turbo runs two workspaces at once, vitest two files each, e2e six
   * subgraphs per platform); at production's 10 each they can pass the server's max_connections
   * (100 by default) and fail with "too many clients".
   */
  databasePoolSize: Number(process.env.TEST_DATABASE_POOL_SIZE ?? 4),
  logLevel: (process.env.LOG_LEVEL ?? "silent") as "silent" | "info" | "debug" | "warn" | "error",
};

/** The test process's environment, for a child process that must run as a user would (PATH, HOME …). */
export function inheritedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  return env;
}
