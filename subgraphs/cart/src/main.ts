import { runSubgraph } from "@storefront/platform/define-subgraph";
import { cartSubgraph } from "./server";

await runSubgraph(cartSubgraph);
