/**
 * What a router subscriber is made of: compares two V8 heap snapshots (an idle router and the
 * same router holding N subscribers, from `bench/subscriptions.ts --heap-snapshots DIR`) and
 * prints, per kind of object, how many more there are and how many more bytes they take, divided
 * by N, largest first. Objects are grouped by V8's node type and name (a constructor, a closure's
 * function name, "system / Context" …); strings are one group per string type.
 *
 *   npx tsx bench/heap-diff.ts DIR/heap-1.heapsnapshot DIR/heap-2.heapsnapshot 4000 [--top 40]
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const STRING_TYPES = new Set(["string", "concatenated string", "sliced string"]);

/** Count and self size of every group of objects in a snapshot. */
export function groups(snapshot: Snapshot): Map<string, { count: number; bytes: number }> {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length;
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((field) => fields.indexOf(field));
  const result = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeAt!]!]!;
    // A string's name is its text: one group per string type instead.
    const name = STRING_TYPES.has(type) ? "" : snapshot.strings[snapshot.nodes[i + nameAt!]!]!.slice(0, 80);
    const key = `${type} ${name}`.trim();
    const group = result.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += snapshot.nodes[i + sizeAt!]!;
    result.set(key, group);
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [idlePath, loadedPath, heldText] = process.argv.slice(2);
  const held = Number(heldText);
  if (!idlePath || !loadedPath || !(held > 0))
    throw new Error("usage: heap-diff.ts <idle.heapsnapshot> <loaded.heapsnapshot> <subscribers> [--top N]");
  const topIndex = process.argv.indexOf("--top");
  const top = topIndex === -1 ? 40 : Number(process.argv[topIndex + 1]);
  const read = (file: string) => groups(JSON.parse(readFileSync(file, "utf8")) as Snapshot);
  const [idle, loaded] = [read(idlePath), read(loadedPath)];
  const rows = [...loaded].map(([key, { count, bytes }]) => {
    const before = idle.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: (count - before.count) / held, bytes: (bytes - before.bytes) / held };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`heap per subscriber: ${total.toFixed(0)} B (self sizes, loaded minus idle, / ${held})`);
  console.log(`${"B/sub".padStart(8)} ${"objs/sub".padStart(8)}  kind`);
  for (const row of rows.slice(0, top))
    console.log(`${row.bytes.toFixed(1).padStart(8)} ${row.count.toFixed(2).padStart(8)}  ${row.key}`);
}
