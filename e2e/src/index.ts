export * from "./platform";
export * from "./storefront-process";
export * from "./operations";
