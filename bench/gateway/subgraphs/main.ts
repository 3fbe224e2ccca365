/**
 * One demo subgraph in a process of its own:
 *   node --import tsx bench/gateway/subgraphs/main.ts <accounts|inventory|products|reviews> <port>
 */
import { isSubgraphName, subgraphSchema } from "./index";
import { serveSubgraph } from "./server";

const [name = "", port = ""] = process.argv.slice(2);
if (!isSubgraphName(name) || !Number(port)) {
  process.stderr.write("usage: main.ts <accounts|inventory|products|reviews> <port>\n");
  process.exit(2);
}
await serveSubgraph(subgraphSchema(name), Number(port));
