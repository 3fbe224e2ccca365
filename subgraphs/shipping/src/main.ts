import { runSubgraph } from "@storefront/platform/define-subgraph";
import { shippingSubgraph } from "./server";

await runSubgraph(shippingSubgraph);
