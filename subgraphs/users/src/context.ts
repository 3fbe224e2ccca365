import type { RequestContext } from "@storefront/platform/context";
import type { UsersDatabase } from "./db";
import type { UsersConfig } from "./env";
import type { Loaders } from "./loaders";
import type { SigningKeys } from "./services/signing-keys";

export interface UsersContext extends RequestContext {
  db: UsersDatabase;
  loaders: Loaders;
  keys: SigningKeys;
  config: UsersConfig;
  /**
   * Users signed in by this very request (register, login, refresh): the response that hands
   * them their tokens may show them their own private fields.
   */
  signedInNow: Set<string>;
}
