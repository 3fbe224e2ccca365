export { catalogueModule, startCatalogueSubgraph } from "./server";
export { catalogueConfigFrom, loadCatalogueConfig, type CatalogueConfig } from "./env";
export { schema as catalogueDbSchema } from "./db";
export { seedCatalogue } from "./seed";
