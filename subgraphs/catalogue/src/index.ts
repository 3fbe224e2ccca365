export { catalogueModule, catalogueSubgraph, startCatalogueSubgraph } from "./server";
export { catalogueConfigFrom, catalogueEnvShape, loadCatalogueConfig, type CatalogueConfig } from "./env";
export { schema as catalogueDbSchema } from "./db";
export { seedCatalogue } from "./seed";
