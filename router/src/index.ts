export { startRouter, type RunningRouter, CORS_ALLOW_HEADERS } from "./server";
export {
  loadRouterConfig,
  routerConfigFrom,
  routerEnvShape,
  parseSubgraphUrls,
  type RouterConfig,
} from "./env";
export { API_KEY_HEADER, createClientRegistry, type RouterClient, type ClientRegistry } from "./clients";
export { RouterErrorCode, routerClientFacingCodes } from "./errors";
export { createProtection, type Protection } from "./protection";
export {
  checkOperation,
  measureOperation,
  parseOperation,
  type OperationLimits,
  type OperationMeasure,
} from "./protection/limits";
export { resolvePersistedOperation, withManifestText, type OperationRequest } from "./persisted/resolve";
export { apiSchemaFromSupergraph, validateManifest, type PersistedManifest } from "./persisted/manifest";
export { withDeadline, operationTimeoutError } from "./protection/timeout";
