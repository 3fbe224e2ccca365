export * from "./platform";
export * from "./storefront-process";
