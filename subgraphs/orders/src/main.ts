import { runSubgraph } from "@storefront/platform";
import { ordersSubgraph } from "./server";

await runSubgraph(ordersSubgraph);
