import { runSubgraph } from "@storefront/platform";
import { usersSubgraph } from "./server";

await runSubgraph(usersSubgraph);
