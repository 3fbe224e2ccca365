import { runSubgraph } from "@storefront/platform";
import { shippingSubgraph } from "./server";

await runSubgraph(shippingSubgraph);
