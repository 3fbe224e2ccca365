/**
 * Calls `each` for every item, `size` at a time, yielding to the event loop between slices. A
 * sweep over every open connection (keep-alive pings, heartbeats) is a write per connection; at
 * tens of thousands of connections, done in one go it holds the process for hundreds of
 * milliseconds, and an event arriving meanwhile waits for all of it. In slices, an event waits
 * for one slice at most. The items are those present when the sweep starts.
 */
export function inSlices<T>(items: Iterable<T>, each: (item: T) => void, size = 500): Promise<void> {
  const all = [...items];
  return new Promise((resolve) => {
    let next = 0;
    const slice = () => {
      const end = Math.min(all.length, next + size);
      for (; next < end; next++) each(all[next]!);
      if (next < all.length) setImmediate(slice);
      else resolve();
    };
    slice();
  });
}
