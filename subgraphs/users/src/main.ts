import { runSubgraph } from "@storefront/platform/define-subgraph";
import { usersSubgraph } from "./server";

await runSubgraph(usersSubgraph);
