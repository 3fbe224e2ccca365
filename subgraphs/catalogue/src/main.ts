import { runSubgraph } from "@storefront/platform/define-subgraph";
import { catalogueSubgraph } from "./server";

await runSubgraph(catalogueSubgraph);
