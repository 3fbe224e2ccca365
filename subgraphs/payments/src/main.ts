import { runSubgraph } from "@storefront/platform/define-subgraph";
import { paymentsSubgraph } from "./server";

await runSubgraph(paymentsSubgraph);
