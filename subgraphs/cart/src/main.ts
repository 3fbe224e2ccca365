import { runSubgraph } from "@storefront/platform";
import { cartSubgraph } from "./server";

await runSubgraph(cartSubgraph);
