export {
  attachSubscriptionServer,
  type RunningSubscriptionServer,
  type SubscriptionSettings,
} from "./server";
export { attachHttpSubscriptions } from "./transports/http";
export { SubscriptionPlanning, SupergraphState, type SubscriptionPlan } from "./planner";
export { eventExecutor } from "./execute";
export { makeResumable, RESUME_ALIAS, RESUME_ARGUMENT, RESUME_VARIABLE } from "./resume";
export { SubscriptionErrorCode } from "./errors";
