import { runSubgraph } from "@storefront/platform";
import { paymentsSubgraph } from "./server";

await runSubgraph(paymentsSubgraph);
