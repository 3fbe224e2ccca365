export * from "./env";
export * from "./database";
export * from "./subgraph";
export * from "./router";
export * from "./execute";
export * from "./proxy";
export * from "./accounts";
