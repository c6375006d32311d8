import { grow } from './grow.js';

/**
 * Numbers distinct pairs of whole numbers in [0, 2^31) 0, 1, 2 … in the order they are first seen:
 * what a `Map<number, number>` keyed by `a · 2^23 + b` does, without its keys. Such keys pass
 * 2^31, so a Map hashes them as heap numbers; this one keeps the pairs and ids in typed arrays (open
 * addressing, half full at most) and allocates nothing per lookup. Runs in O(1) per lookup, expected.
 *
 * @example
 * const ids = new PairIds()
 * ;[ids.id(3, 9), ids.id(0, 1), ids.id(3, 9)] //=> [0, 1, 0]
 * ids.size //=> 2
 */
export class PairIds {
  /** First and second number of each id's pair. */
  private firsts: Int32Array = new Int32Array(64);
  private seconds: Int32Array = new Int32Array(64);
  /** Id + 1 at each slot, 0 when empty; its length a power of two. */
  private slots: Int32Array = new Int32Array(128);
  private count = 0;

  /** Number of distinct pairs seen. */
  get size(): number {
    return this.count;
  }

  /** The id of the pair (a, b), numbering it when new. */
  id(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let slot = slotOf(a, b, mask);
    for (;;) {
      const at = this.slots[slot] as number;
      if (at === 0) break;
      if (this.firsts[at - 1] === a && this.seconds[at - 1] === b) return at - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id >= this.firsts.length) {
      this.firsts = grow(this.firsts, id + 1);
      this.seconds = grow(this.seconds, id + 1);
    }
    this.firsts[id] = a;
    this.seconds[id] = b;
    if (2 * this.count > this.slots.length) this.rehash();
    else this.slots[slot] = id + 1;
    return id;
  }

  /** Doubles the slots and places every pair again. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = slotOf(this.firsts[id] as number, this.seconds[id] as number, mask);
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** The first slot of the pair (a, b) in slots of `mask + 1` (a power of two). */
const slotOf = (a: number, b: number, mask: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
