/**
 * A binary heap of numbered slots, each holding at most one entry: the entry that `before` puts
 * first comes out first, and a slot's entry can be replaced or removed in place (so the heap holds
 * only current entries, never stale ones).
 *
 * `set` and `pop` run in O(log n) comparisons for n filled slots.
 *
 * @example
 * const h = new SlotHeap<number>(3, (a, b) => a > b);
 * h.set(0, 3); h.set(1, 5); h.set(2, 4); h.set(1, 1);
 * [h.pop(), h.pop(), h.pop(), h.pop()] //=> [4, 3, 1, undefined]
 */
export class SlotHeap<T> {
  /** Slots in heap order. */
  private readonly order: number[] = [];
  /** Where each slot sits in `order`, −1 when empty. */
  private readonly at: Int32Array;
  private readonly value: (T | undefined)[];

  /** `before(a, b)` is true when `a` must come out before `b`. */
  constructor(slots: number, private readonly before: (a: T, b: T) => boolean) {
    this.at = new Int32Array(slots).fill(-1);
    this.value = new Array<T | undefined>(slots);
  }

  /** Puts `entry` in `slot`, replacing what it held; `undefined` empties the slot. */
  set(slot: number, entry: T | undefined): void {
    const i = this.at[slot] as number;
    if (entry === undefined) {
      if (i < 0) return;
      const last = this.order.pop() as number;
      this.at[slot] = -1;
      this.value[slot] = undefined;
      if (last === slot) return;
      this.order[i] = last;
      this.at[last] = i;
      this.fix(i);
      return;
    }
    this.value[slot] = entry;
    if (i >= 0) this.fix(i);
    else {
      this.order.push(slot);
      this.at[slot] = this.order.length - 1;
      this.up(this.order.length - 1);
    }
  }

  /** Empties the slot whose entry comes first and returns that entry; undefined when all are empty. */
  pop(): T | undefined {
    const slot = this.order[0];
    if (slot === undefined) return undefined;
    const entry = this.value[slot];
    this.set(slot, undefined);
    return entry;
  }

  private first(i: number, j: number): boolean {
    return this.before(this.value[this.order[i] as number] as T, this.value[this.order[j] as number] as T);
  }

  private swap(i: number, j: number): void {
    const a = this.order[i] as number;
    const b = this.order[j] as number;
    this.order[i] = b;
    this.order[j] = a;
    this.at[b] = i;
    this.at[a] = j;
  }

  private fix(i: number): void {
    if (i > 0 && this.first(i, (i - 1) >> 1)) this.up(i);
    else this.down(i);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.first(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.order.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const c = l + 1 < n && this.first(l + 1, l) ? l + 1 : l;
      if (!this.first(c, i)) return;
      this.swap(i, c);
      i = c;
    }
  }
}
