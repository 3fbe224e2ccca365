export { startUsersSubgraph, usersModule, JWKS_PATH } from "./server";
export { usersConfigFrom, loadUsersConfig, type UsersConfig } from "./env";
export { ensureSeedReviewers, seedUsers } from "./seed";
export { schema as usersDbSchema } from "./db";
