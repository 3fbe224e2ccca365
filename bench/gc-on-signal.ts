/**
 * Preloaded into the router process the subscriptions benchmark starts (`--import`): SIGUSR2 runs
 * a full garbage collection, so heap figures are read after collection rather than at random.
 * With HEAP_SNAPSHOT_DIR set, each collection is followed by a heap snapshot written there
 * (`heap-1.heapsnapshot`, `heap-2.heapsnapshot` …), for `bench/heap-diff.ts` to compare.
 */
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const snapshotDir = process.env.HEAP_SNAPSHOT_DIR;
let snapshots = 0;
process.on("SIGUSR2", () => {
  gc();
  if (snapshotDir) v8.writeHeapSnapshot(path.join(snapshotDir, `heap-${++snapshots}.heapsnapshot`));
});
