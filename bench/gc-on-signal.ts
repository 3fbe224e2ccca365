/**
 * Preloaded into the router process the subscriptions benchmark starts (`--import`): SIGUSR2 runs
 * a full garbage collection, so heap figures are read after collection rather than at random.
 */
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
process.on("SIGUSR2", () => gc());
