import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { components, linkComponents, type LinkPolicy } from '../../src/cluster/link.js';
import type { Item } from '../../src/cluster/item.js';
import type { PurchaseRecord } from '../../src/records/record.js';
import { runs } from '../helpers/runs.js';

/** An item with only what linking reads: its date, vendor and subject signals. */
function item(k: number, day: number, vendorKey: string, categoryPrefix: string | undefined, project: string | undefined, tokens: readonly number[], weights: ArrayLike<number> = WEIGHTS): Item {
  const rec = { index: k, id: `R${k}`, day, vendorKey } as unknown as PurchaseRecord;
  return { k, rec, value: new Decimal(1), approx: 1, tokens, weights, categoryPrefix, project };
}

/** Token weights of the test vocabulary (ids 0…7). */
const WEIGHTS = [4000, 3000, 2500, 2000, 1500, 1000, 700, 700];

/** Weighted Jaccard ≥ t, by sets: the weight of the shared tokens over the weight of all of them. */
function similar(t: number, a: Item, b: Item): boolean {
  const all = new Set([...a.tokens, ...b.tokens]);
  const w = (x: number) => a.weights[x] as number;
  const shared = [...all].filter((x) => a.tokens.includes(x) && b.tokens.includes(x)).reduce((s, x) => s + w(x), 0);
  return shared > 0 && shared >= t * [...all].reduce((s, x) => s + w(x), 0);
}

/** The link predicate of the README ("How detection works", step 5), for one pair. */
function linked(p: LinkPolicy, a: Item, b: Item): boolean {
  if (Math.abs(a.rec.day - b.rec.day) > p.reach) return false;
  if (p.required) return true;
  if (p.vendorLinks && a.rec.vendorKey === b.rec.vendorKey) return true;
  let comparable = false;
  if (p.useCategory && a.categoryPrefix !== undefined && b.categoryPrefix !== undefined) {
    comparable = true;
    if (a.categoryPrefix === b.categoryPrefix) return true;
  }
  if (a.project !== undefined && b.project !== undefined) {
    comparable = true;
    if (a.project === b.project) return true;
  }
  if (p.useText && a.tokens.length > 0 && b.tokens.length > 0) {
    comparable = true;
    if (similar(p.minSimilarity, a, b)) return true;
  }
  return !comparable;
}

/** Component label of each item, by search over all pairs. */
function labels(p: LinkPolicy, items: readonly Item[]): number[] {
  const label = items.map(() => -1);
  items.forEach((_, start) => {
    if ((label[start] as number) >= 0) return;
    const stack = [start];
    label[start] = start;
    while (stack.length) {
      const i = stack.pop() as number;
      items.forEach((other, j) => {
        if (label[j] === -1 && linked(p, items[i] as Item, other)) {
          label[j] = start;
          stack.push(j);
        }
      });
    }
  });
  return label;
}

const tokenList = fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 5 }).map((t) => t.sort((a, b) => a - b));

/** Items with the same token set share one array, as the vocabulary builds them. */
function canonical(tokens: readonly number[], sets: Map<string, readonly number[]>): readonly number[] {
  const key = tokens.join(',');
  if (!sets.has(key)) sets.set(key, tokens);
  return sets.get(key) as readonly number[];
}

const itemsArb = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 40 }),
      vendor: fc.constantFrom('acme', 'beta', 'gamma'),
      category: fc.option(fc.constantFrom('4523', '4524', '3019'), { nil: undefined }),
      project: fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined, freq: 3 }),
      tokens: fc.oneof(tokenList, fc.constant([])),
    }),
    { maxLength: 30 },
  )
  .map((rows) => {
    const sets = new Map<string, readonly number[]>();
    return rows.sort((a, b) => a.day - b.day).map((r, k) => item(k, r.day, r.vendor, r.category, r.project, canonical(r.tokens, sets)));
  });

const policyArb: fc.Arbitrary<LinkPolicy> = fc.record({
  reach: fc.oneof(fc.constantFrom(0, 1, 6, 29), fc.constant(Infinity)),
  useCategory: fc.boolean(),
  useText: fc.boolean(),
  minSimilarity: fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1),
  required: fc.boolean(),
  vendorLinks: fc.boolean(),
});

describe('linkComponents', () => {
  it('finds the connected components of the all-pairs link graph', () => {
    fc.assert(
      fc.property(itemsArb, policyArb, (items, policy) => {
        const uf = linkComponents(items, policy);
        const label = labels(policy, items);
        for (let i = 0; i < items.length; i++) {
          for (let j = i + 1; j < items.length; j++) expect(uf.find(i) === uf.find(j), `${i}, ${j}`).toBe(label[i] === label[j]);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it.each([
    ['a shared category prefix', item(0, 0, 'a', '4523', undefined, [1]), item(1, 5, 'b', '4523', undefined, [2]), true],
    ['different categories and dissimilar texts', item(0, 0, 'a', '4523', undefined, [1]), item(1, 5, 'b', '3019', undefined, [2]), false],
    ['similar texts despite different categories', item(0, 0, 'a', '4523', undefined, [1, 2]), item(1, 5, 'b', '3019', undefined, [1, 2]), true],
    ['nothing comparable: missing data does not separate', item(0, 0, 'a', '4523', undefined, []), item(1, 5, 'b', undefined, 'p1', [2]), true],
    ['too far apart', item(0, 0, 'a', '4523', undefined, []), item(1, 30, 'b', '4523', undefined, []), false],
  ] as const)('%s', (_what, a, b, expected) => {
    const policy: LinkPolicy = { reach: 29, useCategory: true, useText: true, minSimilarity: 0.3, required: false, vendorLinks: false };
    expect(linkComponents([a, b], policy).find(0) === linkComponents([a, b], policy).find(1)).toBe(expected);
  });
});

describe('components', () => {
  it('are the link components with at least minParts items, each in date order, ordered by first item', () => {
    fc.assert(
      fc.property(itemsArb, policyArb, fc.integer({ min: 1, max: 4 }), (items, policy, minParts) => {
        const label = labels(policy, items);
        const expected = [...new Set(label)].map((l) => items.filter((_, i) => label[i] === l)).filter((c) => c.length >= minParts);
        expect(components(items, policy, minParts).map((c) => c.map((it) => it.k))).toEqual(expected.map((c) => c.map((it) => it.k)));
      }),
      { numRuns: runs(300) },
    );
  });
});
