export * from "./generator";
export * from "./operations";
export * from "./oracle";
export * from "./platform";
export * from "./random";
export * from "./report";
export * from "./run";
export * from "./values";
