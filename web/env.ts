/**
 * The only place the web workspace's Node-side code reads process.env (the app itself is
 * configured at build time through Vite: VITE_API_KEY, ROUTER_URL).
 */

/**
 * Runs a production build under NODE_ENV=production: Vite derives `import.meta.env.PROD` (and so
 * persisted-ids-only) and React's production bundle from NODE_ENV, not from the build mode, and
 * test runners set NODE_ENV=test.
 */
export async function withProductionNodeEnv<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
