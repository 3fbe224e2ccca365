export { startUsersSubgraph, usersModule, usersSubgraph, JWKS_PATH } from "./server";
export { usersConfigFrom, usersEnvShape, loadUsersConfig, type UsersConfig } from "./env";
export { ensureSeedReviewers, seedUsers } from "./seed";
export { schema as usersDbSchema } from "./db";
