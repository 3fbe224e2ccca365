import { runSubgraph } from "@storefront/platform";
import { catalogueSubgraph } from "./server";

await runSubgraph(catalogueSubgraph);
