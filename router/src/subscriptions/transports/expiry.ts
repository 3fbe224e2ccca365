/** setTimeout holds at most a signed 32-bit delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `expired(item)` at each item's time, on one timer for all of them instead of a timer per
 * item: with thousands of connections open, a Timeout and its closure each are a measurable share
 * of what a subscriber costs the router. Items due at the same millisecond (tokens expire on whole
 * seconds) share one set; the times are kept in a min-heap, and the timer waits for the earliest.
 */
export class ExpiryTimers<T> {
  /** The items due at each time (ms since the epoch). */
  private readonly due = new Map<number, Set<T>>();
  /** The times of `due`, earliest first; a time whose items all left stays until it comes up. */
  private heap: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  /** `expired` must not throw: the items due after it would wait for the next one's time. */
  constructor(
    private readonly expired: (item: T) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Items waiting for their time. */
  get size(): number {
    let size = 0;
    for (const items of this.due.values()) size += items.size;
    return size;
  }

  /** Calls `expired(item)` at `at` (ms since the epoch); at once, on the next turn, if it is past. */
  add(item: T, at: number): void {
    let items = this.due.get(at);
    if (!items) {
      items = new Set();
      this.due.set(at, items);
      this.push(at);
    }
    items.add(item);
    if (at < this.timerAt) this.arm();
  }

  /** `item` left before its time (added with `at`): it is not called. */
  delete(item: T, at: number): void {
    const items = this.due.get(at);
    if (!items?.delete(item) || items.size > 0) return;
    this.due.delete(at);
    if (this.due.size === 0) {
      this.heap = [];
      this.disarm();
    } else if (this.heap.length > 2 * this.due.size + 64) {
      // Times whose items all left: dropped once they outnumber the live ones.
      this.heap = [...this.due.keys()].sort((a, b) => a - b);
    }
  }

  private arm(): void {
    this.disarm();
    const next = this.heap[0];
    if (next === undefined) return;
    this.timerAt = next;
    const delay = Math.min(Math.max(0, next - this.now()), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.fire(), delay);
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    while (this.heap.length > 0 && this.heap[0]! <= now) {
      const at = this.pop();
      const items = this.due.get(at);
      if (!items) continue;
      this.due.delete(at);
      for (const item of items) this.expired(item);
    }
    if (this.due.size === 0) this.heap = [];
    else this.arm();
  }

  private push(at: number): void {
    const heap = this.heap;
    heap.push(at);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= at) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = at;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]! < heap[left]! ? right : left;
        if (heap[child]! >= last) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
