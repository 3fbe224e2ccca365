/**
 * Stock @apollo/gateway on @apollo/server's standalone (node:http) server, nothing configured
 * beyond the supergraph file: the baseline every other gateway is compared with.
 *   node --import tsx bench/gateway/apollo-gateway.ts <supergraph file> <port>
 */
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

const [supergraphFile = "", port = ""] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, "utf8") });
const server = new ApolloServer({ gateway });
await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
