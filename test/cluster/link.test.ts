import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { components, linkComponents, type LinkPolicy } from '../../src/cluster/link.js';
import type { Item } from '../../src/cluster/item.js';
import { RARE_WEIGHT } from '../../src/similarity/rarity.js';
import { runs } from '../helpers/runs.js';

/** An item with only what linking reads: its date, vendor and subject signals. */
function item(k: number, day: number, vendorKey: string, categoryPrefix: string | undefined, project: string | undefined, tokens: readonly number[], weights: ArrayLike<number> = WEIGHTS): Item {
  return { k, day, vendorKey, value: new Decimal(1), approx: 1, amount: new Decimal(1), categoryKey: undefined, document: undefined, subject: undefined, tokens, weights, categoryPrefix, project };
}

/** Token weights of the test vocabulary (ids 0…7), heaviest first as a vocabulary numbers them; tokens 0–2 are rare. */
const WEIGHTS = [5000, 4500, 4000, 2500, 2000, 1500, 1000, 700];
/** A vocabulary with no rare token. */
const PLAIN = [3000, 3000, 2500, 2000, 1500, 1000, 700, 700];

/** Weighted Jaccard ≥ t, by sets: the weight of the shared tokens over the weight of all of them. */
function similar(t: number, a: Item, b: Item): boolean {
  const all = new Set([...a.tokens, ...b.tokens]);
  const w = (x: number) => a.weights[x] as number;
  const shared = [...all].filter((x) => a.tokens.includes(x) && b.tokens.includes(x)).reduce((s, x) => s + w(x), 0);
  return shared > 0 && shared >= t * [...all].reduce((s, x) => s + w(x), 0);
}

/** A shared token weighing at least RARE_WEIGHT. */
function shareRare(a: Item, b: Item): boolean {
  return a.tokens.some((x) => b.tokens.includes(x) && (a.weights[x] as number) >= RARE_WEIGHT);
}

/** Key tokens: ids in ascending order while the tokens left weigh at least t of the whole. */
function keys(t: number, a: Item): number[] {
  const w = (x: number) => a.weights[x] as number;
  const total = a.tokens.reduce((s, x) => s + w(x), 0);
  const out: number[] = [];
  let left = total;
  for (const x of [...a.tokens].sort((p, q) => p - q)) {
    if (left < t * total) break;
    out.push(x);
    left -= w(x);
  }
  return out;
}

/** Rare tokens: those weighing at least RARE_WEIGHT. */
const rares = (a: Item): number[] => a.tokens.filter((x) => (a.weights[x] as number) >= RARE_WEIGHT);

/** An item's kind for rare links: whether it has a category prefix (signal on), whether a project. */
const kind = (p: LinkPolicy, a: Item) => `${p.useCategory && a.categoryPrefix !== undefined}/${a.project !== undefined}`;

/** A shared rare token may link the two only where no category prefix or project is comparable. */
const rareMayLink = (p: LinkPolicy, a: Item, b: Item) =>
  !(p.useCategory && a.categoryPrefix !== undefined && b.categoryPrefix !== undefined) && !(a.project !== undefined && b.project !== undefined);

/**
 * The text join's budget: a (earlier) and b share a key token that fewer than `textBudget` items
 * strictly between them have among their key tokens, or — where a rare token may link them — a
 * rare token that fewer than `textBudget` items between them of a's kind have among their rare tokens.
 */
function compared(p: LinkPolicy, items: readonly Item[], a: Item, b: Item): boolean {
  const [x, y] = a.k < b.k ? [a, b] : [b, a];
  const between = (has: (c: Item) => boolean) => items.filter((c) => c.k > x.k && c.k < y.k && c.tokens.length > 0 && has(c)).length;
  const byKey = keys(p.minSimilarity, x).some((z) => keys(p.minSimilarity, y).includes(z) && between((c) => keys(p.minSimilarity, c).includes(z)) < p.textBudget);
  const byRare = rareMayLink(p, x, y) && rares(x).some((z) => rares(y).includes(z) && between((c) => rares(c).includes(z) && kind(p, c) === kind(p, x)) < p.textBudget);
  return byKey || byRare;
}

/** The link predicate of the README ("How detection works", step 5), for one pair. */
function linked(p: LinkPolicy, items: readonly Item[], a: Item, b: Item): boolean {
  if (Math.abs(a.day - b.day) > p.reach) return false;
  if (p.required) return true;
  if (p.vendorLinks && a.vendorKey === b.vendorKey) return true;
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
    const same = a.tokens.length === b.tokens.length && a.tokens.every((x) => b.tokens.includes(x));
    // A shared rare token counts only where no category prefix or project is comparable.
    if ((similar(p.minSimilarity, a, b) || (rareMayLink(p, a, b) && shareRare(a, b))) && (same || compared(p, items, a, b))) return true;
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
        if (label[j] === -1 && linked(p, items, items[i] as Item, other)) {
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
    return [...rows].sort((a, b) => a.day - b.day).map((r, k) => item(k, r.day, r.vendor, r.category, r.project, canonical(r.tokens, sets)));
  });

const policyArb: fc.Arbitrary<LinkPolicy> = fc.record({
  reach: fc.oneof(fc.constantFrom(0, 1, 6, 29), fc.constant(Infinity)),
  useCategory: fc.boolean(),
  useText: fc.boolean(),
  minSimilarity: fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1),
  textBudget: fc.constantFrom(1, 2, 3, 64),
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
    const policy: LinkPolicy = { reach: 29, useCategory: true, useText: true, minSimilarity: 0.3, textBudget: 64, required: false, vendorLinks: false };
    expect(linkComponents([a, b], policy).find(0) === linkComponents([a, b], policy).find(1)).toBe(expected);
  });
});

describe('the text join', () => {
  const textOnly = (minSimilarity: number, textBudget: number): LinkPolicy => ({ reach: 29, useCategory: false, useText: true, minSimilarity, textBudget, required: false, vendorLinks: false });

  /** Items of texts drawn from ids 0…5 (with `first` in every one, when given), on days 0…10, each from its own vendor. */
  const texts = (weights: readonly number[], first?: number) =>
    fc
      .array(fc.record({ day: fc.integer({ min: 0, max: 10 }), tokens: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }) }), { maxLength: 30 })
      .map((rows) => {
        const sets = new Map<string, readonly number[]>();
        const tokensOf = (t: number[]) => (first === undefined ? t : [first, ...t.filter((x) => x !== first)]).sort((a, b) => a - b);
        return [...rows].sort((a, b) => a.day - b.day).map((r, k) => item(k, r.day, `v${k}`, undefined, undefined, canonical(tokensOf(r.tokens), sets), weights));
      });
  const sameComponents = (items: readonly Item[], policy: LinkPolicy) => {
    const uf = linkComponents(items, policy);
    const label = labels(policy, items);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) expect(uf.find(i) === uf.find(j), `${i}, ${j}`).toBe(label[i] === label[j]);
    }
  };

  it('finds the components of the all-pairs graph when texts alone decide and the budget binds', () => {
    // No rare token, a shared first key token and small budgets: the budget decides often.
    fc.assert(
      fc.property(texts(PLAIN, 0), fc.constantFrom(0.2, 0.35, 0.5), fc.constantFrom(1, 2, 3), (items, t, budget) => sameComponents(items, textOnly(t, budget))),
      { numRuns: runs(500) },
    );
  });

  it('finds them when shared rare tokens lie past the key tokens', () => {
    // Tokens 0–2 are rare; at t = 0.5 or 1 a set has one or two key tokens, so rare tokens beyond them must be probed.
    fc.assert(
      fc.property(texts(WEIGHTS), fc.constantFrom(0.5, 1), fc.constantFrom(1, 2, 3, 64), (items, t, budget) => sameComponents(items, textOnly(t, budget))),
      { numRuns: runs(500) },
    );
  });

  it('finds them when items of every kind share rare tokens and the budgets bind', () => {
    // Categories on some items (the category signal on): rare-token lists are per kind, and their budgets too.
    const kinds = fc
      .array(
        fc.record({
          day: fc.integer({ min: 0, max: 10 }),
          tokens: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
          category: fc.option(fc.constantFrom('4523', '3019'), { nil: undefined }),
          project: fc.option(fc.constant('p1'), { nil: undefined, freq: 3 }),
        }),
        { maxLength: 25 },
      )
      .map((rows) => {
        const sets = new Map<string, readonly number[]>();
        return [...rows].sort((a, b) => a.day - b.day).map((r, k) => item(k, r.day, `v${k}`, r.category, r.project, canonical([...r.tokens].sort((a, b) => a - b), sets)));
      });
    fc.assert(
      fc.property(kinds, fc.constantFrom(0.5, 1), fc.constantFrom(1, 2, 3), (items, t, budget) => sameComponents(items, { ...textOnly(t, budget), useCategory: true })),
      { numRuns: runs(500) },
    );
  });

  it('counts a rare-token budget among items of one kind only', () => {
    // a and b may rare-link (b has a category, a none); c, between them, has a category like b, so
    // it cannot. With a budget of 1, c uses up the key-token list, not a's rare-token list.
    const policy = { ...textOnly(1, 1), useCategory: true };
    const uf = linkComponents([item(0, 0, 'x', undefined, undefined, [0, 3]), item(1, 1, 'y', '4523', undefined, [0, 4]), item(2, 2, 'z', '3019', undefined, [0, 5])], policy);
    expect(uf.find(0) === uf.find(2)).toBe(true);
  });

  // With no rare token (PLAIN): a ~ b (3000 shared of 8500 = 0.35); c shares key token 0 with both
  // but is not similar to either (3000 of 11900 and of 11400, under 0.35). a and b are compared only
  // when the budget reaches past c.
  const plain = PLAIN;
  const a = item(0, 0, 'x', undefined, undefined, [0, 1], plain);
  const c = item(1, 1, 'y', undefined, undefined, [0, 3, 4, 5, 6, 7], plain);
  const b = item(2, 2, 'z', undefined, undefined, [0, 2], plain);
  it.each([
    [1, false],
    [2, true],
  ])('with budget %d, a record one dissimilar record apart %s linked', (budget, expected) => {
    const uf = linkComponents([a, c, b], textOnly(0.35, budget));
    expect(uf.find(0) === uf.find(2)).toBe(expected);
    expect(uf.find(0) === uf.find(1)).toBe(false);
  });

  it('links equal token sets within reach whatever the budget', () => {
    const same = [0, 3, 4, 5, 6, 7];
    const uf = linkComponents([item(0, 0, 'x', undefined, undefined, same, plain), c, item(2, 2, 'z', undefined, undefined, same, plain)], textOnly(0.35, 1));
    expect(uf.find(0) === uf.find(2) && uf.find(1) === uf.find(2)).toBe(true);
  });

  // x and y share only token 0: 5000 of 21200 (0.24), not similar at 0.3; token 0 is rare in WEIGHTS
  // (5000 ≥ RARE_WEIGHT), not in `plain` (3000).
  const x = (category?: string, project?: string, weights = WEIGHTS) => item(0, 0, 'v', category, project, [0, 1, 2, 3], weights);
  const y = (category?: string, project?: string, weights = WEIGHTS) => item(1, 3, 'w', category, project, [0, 4, 5, 6, 7], weights);
  it.each([
    ['a shared rare token relates subjects that are not similar', [x(), y()], true, true],
    ['a shared token that is not rare does not', [x(undefined, undefined, plain), y(undefined, undefined, plain)], true, false],
    ['nor does a rare one across different categories', [x('4523'), y('3019')], true, false],
    ['nor across different projects', [x(undefined, 'p1'), y(undefined, 'p2')], true, false],
    ['but it does across categories when the category signal is off', [x('4523'), y('3019')], false, true],
    ['and where only one of the two has a category', [x('4523'), y()], true, true],
  ] as const)('%s', (_what, [p, q], useCategory, expected) => {
    expect(RARE_WEIGHT).toBeLessThanOrEqual(4000); // tokens 0–2 of WEIGHTS are rare
    expect(RARE_WEIGHT).toBeGreaterThan(3000);
    const policy: LinkPolicy = { ...textOnly(0.3, 64), useCategory };
    const uf = linkComponents([p, q], policy);
    expect(uf.find(0) === uf.find(1)).toBe(expected);
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
