import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { extractRuns, type RunTier } from '../../src/cluster/runs.js';
import type { Item } from '../../src/cluster/item.js';
import { plainRuns } from '../oracle.js';
import { runs } from '../helpers/runs.js';

/** A part; its vendor `V<k>` (one of its own) unless given; `P…` vendors are placeholders. */
function item(k: number, day: number, amount: string, vendor = `V${k}`, project?: string): Item {
  const value = new Decimal(amount);
  return { k, day, value, approx: value.toNumber(), amount: value, vendorKey: vendor, placeholderVendor: vendor.startsWith('P'), categoryKey: undefined, document: undefined, subject: undefined, tokens: [], weights: [], categoryPrefix: undefined, project };
}

/** The oracle's view of the parts: day, value, vendor (none for a placeholder) and project. */
const plainParts = (items: readonly Item[]) => items.map((it) => ({ day: it.day, value: it.value, vendor: it.placeholderVendor ? undefined : it.vendorKey, project: it.project }));

/** Amounts at and around a third, a half and all of the 0.3 and 1000 tiers, where doubles round. */
const amount = fc.oneof(
  fc.constantFrom('0.1', '0.2', '0.15', '333.33', '333.34', '333.333333333333', '500', '499.99', '1000', '0.3', '250', '400', '400'),
  fc.integer({ min: 1, max: 120_000 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: 15_000, max: 70_000 }).map((c) => (c / 100).toFixed(2)),
);

/** A cluster in date order (ties by id, here k), with some parts already taken. */
const clusterArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), amount, fc.integer({ min: 0, max: 5 }), fc.constantFrom('A', 'A', 'B', 'C', 'P1', 'P2'), fc.constantFrom(undefined, undefined, 'X', 'Y', 'Z')), { maxLength: 22, size: 'max' })
  .map((rows) => {
    const sorted = [...rows].sort((a, b) => a[0] - b[0]);
    return { items: sorted.map(([day, a, , v, project], k) => item(k, day, a, v, project)), taken: Uint8Array.from(sorted, ([, , t]) => (t === 0 ? 1 : 0)) };
  });

const tierArb: fc.Arbitrary<RunTier> = fc
  .tuple(fc.constantFrom('0.3', '1000', '999.99'), fc.constantFrom('atOrAbove' as const, 'above' as const), fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 20 })))
  .map(([v, comparison, toDay]) => ({ value: new Decimal(v), approx: Number(v), cumulative: comparison, toDay }));

/**
 * Ranks that make the choices matter: many ties (so the tie-break by position decides), a
 * preference for few parts or tight spans (so the two kinds of proposal compete), and NaN.
 */
const rankArb = fc.constantFrom<[string, (run: readonly Item[]) => number]>(
  ['three levels', (run) => run.reduce((h, it) => (h * 31 + it.k + 7) % 1009, 17) % 3],
  ['fewest parts', (run) => -run.length],
  ['most parts', (run) => run.length],
  ['tightest span', (run) => -((run[run.length - 1] as Item).day - (run[0] as Item).day)],
  ['all equal', () => 0.5],
  ['NaN for odd sizes', (run) => (run.length % 2 ? Number.NaN : -run.length)],
);

const ids = (sets: readonly (readonly Item[])[]) => sets.map((s) => s.map((it) => it.k));

/** Subject relations between a free part and a core's part: none given, all, or some (not symmetric). */
const relatedArb = fc.constantFrom<[string, ((part: Item, corePart: Item) => boolean) | undefined]>(
  ['none given', undefined],
  ['every part', () => true],
  ['by the parts\' numbers', (part, corePart) => (part.k + 2 * corePart.k) % 3 !== 0],
);

describe('extractRuns', () => {
  it('takes exactly the runs and large runs of the rule, written plainly (test/oracle.ts plainRuns)', () => {
    let chosen = 0;
    let large = 0;
    fc.assert(
      fc.property(clusterArb, tierArb, fc.constantFrom(0, 2, 6, Infinity), fc.constantFrom(2, 3), fc.constantFrom(3, 4, 50), rankArb, fc.boolean(), relatedArb, ({ items, taken }, tier, reach, minParts, maxParts, [, rank], whole, [, related]) => {
        const got = extractRuns(items, tier, { reach, minParts, maxParts, whole, taken, rank, related });
        const want = plainRuns(
          plainParts(items),
          items.map((it) => !taken[it.k]),
          {
            value: tier.value,
            comparison: tier.cumulative,
            toDay: tier.toDay,
            sameWindow: (a, b) => Math.abs(a - b) <= reach,
            minParts,
            maxParts,
            whole,
            // An unbounded reach is a calendar window's: the cluster lies in one period.
            period: reach === Infinity,
            rank: (ps) => rank(ps.map((i) => items[i] as Item)),
            ...(related ? { related: (i: number, j: number) => related(items[i] as Item, items[j] as Item) } : {}),
          },
        );
        expect(ids(got.largeRuns)).toEqual(want.largeRuns);
        expect(ids(got.runs)).toEqual(want.runs);
        // Each run fits one window.
        for (const run of got.runs) expect((run[run.length - 1] as Item).day - (run[0] as Item).day).toBeLessThanOrEqual(reach);
        chosen += got.runs.length;
        large += got.largeRuns.length;
      }),
      { numRuns: runs(1500) },
    );

    // Not vacuous: clusters give several runs and some large runs (about 1,050–1,100 and 440–480 in
    // 1,500 cases on four seeds; one seed gave 996 runs, so the bounds sit well below).
    expect(chosen).toBeGreaterThan(700);
    expect(large).toBeGreaterThan(200);
  });

  it('takes the runs of the rule in busy stretches: windows of more than maxParts parts propose their main vendor\'s', () => {
    // Up to 40 parts over a week, at most 3 or 4 parts a run: most windows hold more than maxParts
    // and propose only their main vendor's parts; what stays busy and crosses becomes a large run.
    const busyArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 6 }), amount, fc.integer({ min: 0, max: 9 }), fc.constantFrom('A', 'A', 'B', 'C', 'P1')), { minLength: 6, maxLength: 40 })
      .map((rows) => {
        const sorted = [...rows].sort((a, b) => a[0] - b[0]);
        return { items: sorted.map(([day, a, , v], k) => item(k, day, a, v)), taken: Uint8Array.from(sorted, ([, , t]) => (t === 0 ? 1 : 0)) };
      });
    let busy = 0;
    let mixed = 0;
    fc.assert(
      fc.property(busyArb, tierArb, fc.constantFrom(2, 6, Infinity), fc.constantFrom(3, 4), rankArb, ({ items, taken }, tier, reach, maxParts, [, rank]) => {
        const got = extractRuns(items, tier, { reach, minParts: 2, maxParts, taken, rank });
        const want = plainRuns(
          plainParts(items),
          items.map((it) => !taken[it.k]),
          { value: tier.value, comparison: tier.cumulative, toDay: tier.toDay, sameWindow: (a, b) => Math.abs(a - b) <= reach, minParts: 2, maxParts, whole: false, rank: (ps) => rank(ps.map((i) => items[i] as Item)) },
        );
        expect(ids(got.largeRuns)).toEqual(want.largeRuns);
        expect(ids(got.runs)).toEqual(want.runs);
        // A run of one vendor where the first window held more than maxParts free parts.
        const free = items.filter((it) => !taken[it.k]);
        const first = free[0];
        if (first && free.filter((it) => it.day - first.day <= reach).length > maxParts && got.runs.some((r) => r.every((it) => it.vendorKey === (r[0] as Item).vendorKey))) busy++;
        if (got.runs.length > 0 && got.largeRuns.length > 0) mixed++;
      }),
      { numRuns: runs(600) },
    );
    // Not vacuous (243–260 and 87–95 in 600 cases on four seeds).
    expect(busy).toBeGreaterThan(150);
    expect(mixed).toBeGreaterThan(50);
  });

  it('takes the runs of the rule from a cluster on one day whose windows propose their whole content (pcard)', () => {
    let chosen = 0;
    let large = 0;
    fc.assert(
      fc.property(clusterArb, tierArb, fc.constantFrom(0, 2, Infinity), fc.constantFrom(2, 3), fc.constantFrom(3, 4, 50), rankArb, fc.integer({ min: 0, max: 20 }), ({ items: spread, taken }, tier, reach, minParts, maxParts, [, rank], day) => {
        const items = spread.map((it) => item(it.k, day, it.value.toString(), it.vendorKey));
        const got = extractRuns(items, tier, { reach, minParts, maxParts, whole: true, taken, rank });
        const want = plainRuns(
          plainParts(items),
          items.map((it) => !taken[it.k]),
          { value: tier.value, comparison: tier.cumulative, toDay: tier.toDay, sameWindow: (a, b) => Math.abs(a - b) <= reach, minParts, maxParts, whole: true, rank: (ps) => rank(ps.map((i) => items[i] as Item)) },
        );
        expect(ids(got.largeRuns)).toEqual(want.largeRuns);
        expect(ids(got.runs)).toEqual(want.runs);
        chosen += got.runs.length;
        large += got.largeRuns.length;
      }),
      { numRuns: runs(800) },
    );
    // Not vacuous: both outcomes occur.
    expect(chosen).toBeGreaterThan(50);
    expect(large).toBeGreaterThan(20);
  });

  it.each<[string, [number, string][], string, 'atOrAbove' | 'above', number[][]]>([
    ['0.1 + 0.2 reaches 0.3 exactly (the doubles overshoot)', [[0, '0.1'], [1, '0.2']], '0.3', 'atOrAbove', [[0, 1]]],
    ['0.1 + 0.2 does not exceed 0.3', [[0, '0.1'], [1, '0.2']], '0.3', 'above', []],
    ['a window of 7 days does not reach the 8th', [[0, '600'], [7, '600']], '1000', 'atOrAbove', []],
    ['a small first part adds nothing: the two large ones are the run', [[0, '100'], [1, '600'], [2, '500']], '1000', 'atOrAbove', [[1, 2]]],
  ])('%s', (_what, rows, limit, comparison, expected) => {
    const items = rows.map(([day, a], k) => item(k, day, a));
    const tier = { value: new Decimal(limit), approx: Number(limit), cumulative: comparison, toDay: Infinity };
    const out = extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: (run) => -run.length });
    expect(ids(out.runs)).toEqual(expected);
  });

  it('a run takes the parts alike to it and as close in time, while it fits one window', () => {
    // Days 0 (300), 2 (500), 5 (510), 6 (300), 7 (300), 8 (100), a 1,000 limit, a 7-day window.
    // From day 2, the largest parts are days 2 + 5 (gap 3); day 6 (1 day on), then day 7 join;
    // day 0 (2 days before) would make the run 8 days long; day 8 is less than half of 500.
    const items = [item(0, 0, '300'), item(1, 2, '500'), item(2, 5, '510'), item(3, 6, '300'), item(4, 7, '300'), item(5, 8, '100')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const out = extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: (run) => (run[0]?.k === 1 ? 1 : 0) });
    expect(ids(out.runs)).toEqual([[1, 2, 3, 4]]);
  });

  it("a window's main vendor proposes its own parts: one supplier's pieces beat a mix by amount or time", () => {
    // A 1,000 limit. Vendor A: days 1, 3, 5 (350, 360, 340); vendor B: days 0 (450) and 2 (500). The
    // largest parts (500 + 450 + 360) and the tightest runs mix the two vendors; a rank that prefers
    // one vendor takes A's three parts, which only the main vendor's proposal offers (A's total,
    // 1,050, is the larger).
    const items = [item(0, 0, '450', 'B'), item(1, 1, '350', 'A'), item(2, 2, '500', 'B'), item(3, 3, '360', 'A'), item(4, 5, '340', 'A')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const oneVendor = (run: readonly Item[]) => (new Set(run.map((it) => it.vendorKey)).size === 1 ? 1 : 0);
    const out = extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: oneVendor });
    expect(ids(out.runs)).toEqual([[1, 3, 4]]);
    // Placeholder vendors are no vendor: their parts make no proposal of their own.
    const placeholders = items.map((it) => item(it.k, it.day, it.value.toString(), it.vendorKey === 'A' ? 'P1' : 'B'));
    const none = extractRuns(placeholders, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: oneVendor });
    expect(none.runs.every((run) => oneVendor(run) === 0)).toBe(true);
  });

  it("a window's parts of one amount are proposed as they are: equal pieces among a supplier's routine purchases", () => {
    // A 1,000 limit, one supplier: 450 (day 0), 300 (1), 300 (2), 460 (3), 300 (4), 300 (5). The
    // largest parts (460 + 450 + 300) and the tightest runs mix the amounts; the four pieces of 300
    // (1,200) are offered only as the parts of one amount, and a rank that prefers one amount takes
    // them; 450 + 460 left do not cross.
    const items = [item(0, 0, '450', 'A'), item(1, 1, '300', 'A'), item(2, 2, '300', 'A'), item(3, 3, '460', 'A'), item(4, 4, '300', 'A'), item(5, 5, '300', 'A')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const oneAmount = (run: readonly Item[]) => (new Set(run.map((it) => it.value.toString())).size === 1 ? 1 : 0);
    expect(ids(extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: oneAmount }).runs)).toEqual([[1, 2, 4, 5]]);
    // A busy window (more than maxParts parts) still offers them when they are at most maxParts.
    expect(ids(extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 4, taken: new Uint8Array(items.length), rank: oneAmount }).runs)).toEqual([[1, 2, 4, 5]]);
  });

  it("a window's main project proposes its parts, whatever their vendors: one requirement, one budget line", () => {
    // A 1,000 limit. Project X: design (day 0, 400, vendor D) and works (day 4, 650, vendor W);
    // project Y: 520 (day 1) and 480 (day 3) from two other vendors. X's total (1,050) is the larger;
    // its two parts are proposed together, which no cut by size, time or vendor offers.
    const items = [item(0, 0, '400', 'D', 'X'), item(1, 1, '520', 'E', 'Y'), item(2, 3, '480', 'F', 'Y'), item(3, 4, '650', 'W', 'X')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const oneProject = (run: readonly Item[]) => (new Set(run.map((it) => it.project)).size === 1 ? 1 : 0);
    expect(ids(extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: oneProject }).runs)[0]).toEqual([0, 3]);
    // Without a second project or a part without one, the project proposes nothing of its own.
    const single = items.map((it) => item(it.k, it.day, it.value.toString(), it.vendorKey, 'X'));
    const out = extractRuns(single, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: (run) => (run.length === 2 && run[0]?.k === 0 && run[1]?.k === 3 ? 1 : 0) });
    expect(ids(out.runs)).not.toContainEqual([0, 3]);
  });

  it("a window's round parts are proposed as they are: made-up figures among a supplier's priced purchases", () => {
    // A 1,000 limit, one supplier: 455.20 (day 0), 400 (1), 467.81 (2), 300 (3), 450.37 (4), 350 (5). The
    // largest parts and the tightest runs mix priced and round amounts; the round ones (400 + 300 +
    // 350 = 1,050) are offered only as the round parts, and a rank that prefers round figures takes them.
    const items = [item(0, 0, '455.20', 'A'), item(1, 1, '400', 'A'), item(2, 2, '467.81', 'A'), item(3, 3, '300', 'A'), item(4, 4, '450.37', 'A'), item(5, 5, '350', 'A')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const allRound = (run: readonly Item[]) => (run.every((it) => it.value.isInteger()) ? 1 : 0);
    expect(ids(extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: allRound }).runs)[0]).toEqual([1, 3, 5]);
    // A busy window (more than maxParts parts) still offers them when they are at most maxParts.
    expect(ids(extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 4, taken: new Uint8Array(items.length), rank: allRound }).runs)[0]).toEqual([1, 3, 5]);
  });

  it('a run takes no part of another subject: a purchase of something else between a requirement\'s pieces stays out', () => {
    // North Depot renovation from A (690) and B (510) 20 days apart; between them A's office supplies
    // (310): alike in size and time, but of another subject. The rank prefers runs with part 2 and
    // without part 1, so the choice shows which proposals were made.
    const items = [item(0, 0, '690', 'A'), item(1, 7, '310', 'A'), item(2, 20, '510', 'B')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const rank = (run: readonly Item[]) => (run.some((it) => it.k === 2) ? 1 : 0) - (run.some((it) => it.k === 1) ? 0.5 : 0);
    const cut = (related?: (part: Item, corePart: Item) => boolean) => ids(extractRuns(items, tier, { reach: 29, minParts: 2, maxParts: 50, taken: new Uint8Array(3), rank, related }).runs);
    // Without a subject relation the two largest parts take the office supplies along.
    expect(cut()).toEqual([[0, 1, 2]]);
    // Related only to the renovation's parts, they stay out of its run.
    expect(cut((part, corePart) => part.k !== 1 && corePart.k !== 1)).toEqual([[0, 2]]);
  });

  it('a run starts while the tier is in force; the parts after it may follow', () => {
    const items = [item(0, 3, '600'), item(1, 4, '600')];
    const tier = (toDay: number) => ({ value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay });
    const cut = (toDay: number) => extractRuns(items, tier(toDay), { reach: 6, minParts: 2, maxParts: 50, taken: new Uint8Array(2), rank: () => 1 }).runs;
    expect(ids(cut(3))).toEqual([[0, 1]]);
    expect(cut(2)).toEqual([]);
  });

  it('parts already taken link but are no parts', () => {
    const items = [item(0, 0, '600'), item(1, 1, '600'), item(2, 2, '600')];
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const out = extractRuns(items, tier, { reach: 6, minParts: 2, maxParts: 50, taken: Uint8Array.of(0, 1, 0), rank: () => 1 });
    expect(ids(out.runs)).toEqual([[0, 2]]);
  });

  it('a window of more than maxParts crossing parts is one large run, taken whole; fewer are cut into runs', () => {
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const day = Array.from({ length: 12 }, (_, k) => item(k, 5, '400'));
    const options = (maxParts: number) => ({ reach: 29, minParts: 2, maxParts, taken: new Uint8Array(12), rank: () => 1 });
    const large = extractRuns(day, tier, options(11));
    expect(ids(large.largeRuns)).toEqual([day.map((it) => it.k)]);
    expect(large.runs).toEqual([]);
    // Under the cap: three parts of 400 cross (1,200), and the nine others, equal and on the same
    // day, belong with them: one run of twelve.
    expect(ids(extractRuns(day, tier, options(12)).runs)).toEqual([day.map((it) => it.k)]);
  });

  it("a busy window proposes its main vendor's pieces; what stays busy is one large run", () => {
    // One day of 16 purchases of 400 against a 1,000 limit, at most 11 parts a run: three from A,
    // one from each of 13 other vendors. A's three (1,200) are proposed on their own and become a
    // run; the 13 left still hold more than 11 parts and cross, so they are one large run.
    const tier = { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const parts = Array.from({ length: 16 }, (_, k) => item(k, 5, '400', k < 3 ? 'A' : `V${k}`));
    const out = extractRuns(parts, tier, { reach: 29, minParts: 2, maxParts: 11, taken: new Uint8Array(16), rank: () => 1 });
    expect(ids(out.runs)).toEqual([[0, 1, 2]]);
    expect(ids(out.largeRuns)).toEqual([parts.slice(3).map((it) => it.k)]);
    // More than BUSY × maxParts parts are a large run at once, before any run: nothing is mined.
    const crowd = extractRuns(parts, tier, { reach: 29, minParts: 2, maxParts: 3, taken: new Uint8Array(16), rank: () => 1 });
    expect(ids(crowd.largeRuns)).toEqual([parts.map((it) => it.k)]);
    expect(crowd.runs).toEqual([]);
  });

  // How the time grows is measured in `npm run bench` (the oneDay and busyMonth worst cases), not
  // timed here: a timed test fails on a loaded machine. This checks what those shapes give.
  it('on one day of 100,000 parts gives one large run, and on a busy stretch under the cap many runs', () => {
    const tier = { value: new Decimal(300000), approx: 300000, cumulative: 'atOrAbove' as const, toDay: Infinity };
    const extract = (items: Item[]) => extractRuns(items, tier, { reach: 29, minParts: 2, maxParts: 50, taken: new Uint8Array(items.length), rank: (run) => -run.length });
    const oneDay = Array.from({ length: 100_000 }, (_, k) => item(k, 0, String(30000 + ((k * 7919) % 260000))));
    const big = extract(oneDay);
    expect(big.largeRuns).toHaveLength(1);
    expect(big.largeRuns[0]).toHaveLength(100_000);
    // One part a day, 30 to a window (under the cap): every window crosses many times over.
    const daily = Array.from({ length: 20_000 }, (_, k) => item(k, k, String(30000 + ((k * 7919) % 260000))));
    const decade = extract(daily);
    expect(decade.largeRuns).toHaveLength(0);
    expect(decade.runs.length).toBeGreaterThan(1_000);
  });
});
