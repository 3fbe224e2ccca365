import { createHash } from "node:crypto";

/** The `web` client's key in test runs (public by nature: it ships in the bundle). */
export const TEST_API_KEY = "test-web-client-key";

/**
 * The router's clients file for test runs: `web`, safelisted to `schema/persisted/web.json`, and
 * `public` as in production. Rate-limited at the router's default (RATE_LIMIT_PER_MINUTE, no
 * per-client override), counted per signed-in user or client address, not in one shared budget.
 */
export function webClientsFile() {
  return {
    clients: [
      {
        name: "web",
        apiKeySha256: createHash("sha256").update(TEST_API_KEY).digest("hex"),
        safelisted: true,
        manifest: "web",
        public: true,
      },
    ],
  };
}
