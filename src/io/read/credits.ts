/**
 * Credits netted against the purchases they refund (`credits: 'net'`), in O((p + c) log p).
 */
import type { Decimal } from 'decimal.js';

/** A purchase or a credit, as the matching sees it. */
export interface NettingItem {
  /** Same buyer, vendor (case-insensitive) and currency. */
  readonly key: string;
  /** Document number, when it is a real one. */
  readonly document: string | undefined;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** File line (order of ties). */
  readonly line: number;
  /** A purchase's amount, a credit's size (both positive). */
  readonly amount: Decimal;
}

/** What {@link matchCredits} returns. */
export interface CreditMatches {
  /** `purchase[i]`: the purchase credit `i` nets against, or -1. */
  readonly purchase: Int32Array;
  /** Each purchase's amount after its credits. */
  readonly left: Decimal[];
}

/**
 * Matches each credit to the purchase it refunds: credits are taken in date order (ties by line),
 * and each nets against the latest purchase (ties: the later line) with the same key, dated on or
 * before it, whose amount left is at least the credit — one with the credit's own document number
 * first, when there is one. A credit with no such purchase matches nothing.
 *
 * Each key's purchases sit in date order in a max-tree of the amounts left, so the latest purchase
 * large enough is found, and its amount lowered, in O(log p).
 *
 * @example
 * const { purchase, left } = matchCredits(
 *   [{ key: 'k', document: undefined, date: '2019-01-02', line: 2, amount: new Decimal('100') }],
 *   [{ key: 'k', document: undefined, date: '2019-01-05', line: 3, amount: new Decimal('30') }])
 * purchase[0]        //=> 0
 * left[0].toFixed()  //=> '70'
 */
export function matchCredits(purchases: readonly NettingItem[], credits: readonly NettingItem[]): CreditMatches {
  const left = purchases.map((p) => p.amount);
  const groups = new Map<string, Group>();
  const group = (key: string): Group => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { members: [] as number[] } as Group));
    return g;
  };
  purchases.forEach((p, i) => {
    group(`k${p.key}`).members.push(i);
    if (p.document !== undefined) group(`d${JSON.stringify([p.key, p.document])}`).members.push(i);
  });
  const order = (a: number, b: number): number => {
    const x = purchases[a] as NettingItem;
    const y = purchases[b] as NettingItem;
    return x.date < y.date ? -1 : x.date > y.date ? 1 : x.line - y.line;
  };
  for (const g of groups.values()) {
    g.members.sort(order);
    g.tree = new MaxTree(g.members.map((i) => left[i] as Decimal));
  }
  const trees = new Map<number, [Group, number][]>();
  for (const g of groups.values()) g.members.forEach((p, at) => trees.set(p, [...(trees.get(p) ?? []), [g, at]]));
  const purchase = new Int32Array(credits.length).fill(-1);
  const byDate = credits.map((_, i) => i).sort((a, b) => {
    const x = credits[a] as NettingItem;
    const y = credits[b] as NettingItem;
    return x.date < y.date ? -1 : x.date > y.date ? 1 : x.line - y.line;
  });
  for (const c of byDate) {
    const credit = credits[c] as NettingItem;
    const find = (key: string): number => {
      const g = groups.get(key);
      if (!g) return -1;
      // The last member dated on or before the credit.
      let lo = 0;
      let hi = g.members.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((purchases[g.members[mid] as number] as NettingItem).date <= credit.date) lo = mid + 1;
        else hi = mid;
      }
      const at = (g.tree as MaxTree).rightmostAtLeast(lo - 1, credit.amount);
      return at < 0 ? -1 : (g.members[at] as number);
    };
    let p = credit.document !== undefined ? find(`d${JSON.stringify([credit.key, credit.document])}`) : -1;
    if (p < 0) p = find(`k${credit.key}`);
    if (p < 0) continue;
    purchase[c] = p;
    const rest = (left[p] as Decimal).minus(credit.amount);
    left[p] = rest;
    for (const [g, at] of trees.get(p) ?? []) (g.tree as MaxTree).set(at, rest);
  }
  return { purchase, left };
}

interface Group {
  members: number[];
  tree?: MaxTree;
}

/** A segment tree of decimals answering "the last position ≤ r holding at least s". */
class MaxTree {
  private readonly size: number;
  private readonly max: (Decimal | undefined)[];

  constructor(values: readonly Decimal[]) {
    let size = 1;
    while (size < values.length) size *= 2;
    this.size = size;
    this.max = new Array<Decimal | undefined>(2 * size).fill(undefined);
    values.forEach((v, i) => (this.max[size + i] = v));
    for (let i = size - 1; i >= 1; i--) this.max[i] = larger(this.max[2 * i], this.max[2 * i + 1]);
  }

  set(i: number, v: Decimal): void {
    let n = this.size + i;
    this.max[n] = v;
    for (n >>= 1; n >= 1; n >>= 1) this.max[n] = larger(this.max[2 * n], this.max[2 * n + 1]);
  }

  /** The largest position ≤ `r` whose value is ≥ `s`, or -1. */
  rightmostAtLeast(r: number, s: Decimal): number {
    if (r < 0) return -1;
    return this.search(1, 0, this.size - 1, r, s);
  }

  private search(node: number, lo: number, hi: number, r: number, s: Decimal): number {
    const m = this.max[node];
    if (lo > r || m === undefined || m.lt(s)) return -1;
    if (lo === hi) return lo;
    const mid = (lo + hi) >> 1;
    const right = this.search(2 * node + 1, mid + 1, hi, r, s);
    return right >= 0 ? right : this.search(2 * node, lo, mid, r, s);
  }
}

function larger(a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.gte(b) ? a : b;
}
