import { writeFileSync } from "node:fs";
import { CompositionError, composeSupergraph, readSupergraphConfig, supergraphPath } from "./index";

try {
  const sdl = composeSupergraph(readSupergraphConfig());
  writeFileSync(supergraphPath, sdl);
  console.log(`composed ${supergraphPath}`);
} catch (error) {
  if (error instanceof CompositionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
