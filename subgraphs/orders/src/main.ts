import { runSubgraph } from "@storefront/platform/define-subgraph";
import { ordersSubgraph } from "./server";

await runSubgraph(ordersSubgraph);
