export * from "./compare";
export * from "./generator";
export * from "./random";
export * from "./runner";
export * from "./stock-gateway";
