import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { cutRuns, type RunTier } from '../../src/cluster/runs.js';
import type { Item } from '../../src/cluster/item.js';
import type { PurchaseRecord } from '../../src/records/record.js';
import { runs } from '../helpers/runs.js';

function item(k: number, day: number, amount: string): Item {
  const value = new Decimal(amount);
  return { k, rec: { index: k, id: `R${k}`, day } as unknown as PurchaseRecord, value, approx: value.toNumber(), tokens: [], weights: [], categoryPrefix: undefined, project: undefined };
}

/** The rule of the README ("How detection works", step 5), written plainly with exact sums. */
function plainRuns(items: readonly Item[], tier: RunTier, reach: number, minParts: number): number[][] {
  const taken = new Set<number>();
  const out: number[][] = [];
  for (const opener of items) {
    if (taken.has(opener.k) || opener.rec.day > tier.toDay) continue;
    const run = items.filter((it) => !taken.has(it.k) && it.rec.day >= opener.rec.day && it.rec.day - opener.rec.day <= reach);
    const total = run.reduce((s, it) => s.plus(it.value), new Decimal(0));
    const crosses = tier.comparison === 'above' ? total.gt(tier.value) : total.gte(tier.value);
    if (run.length >= minParts && crosses) {
      for (const it of run) taken.add(it.k);
      out.push(run.map((it) => it.k));
    }
  }
  return out;
}

/** Amounts at and around a third, a half and all of the 0.3 and 1000 tiers, where doubles round. */
const amount = fc.oneof(
  fc.constantFrom('0.1', '0.2', '0.15', '333.33', '333.34', '333.333333333333', '500', '499.99', '1000', '0.3', '250'),
  fc.integer({ min: 1, max: 120_000 }).map((c) => (c / 100).toFixed(2)),
);

const itemsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), amount), { maxLength: 20 })
  .map((rows) => rows.sort((a, b) => a[0] - b[0]).map(([day, a], k) => item(k, day, a)));

const tierArb: fc.Arbitrary<RunTier> = fc
  .tuple(fc.constantFrom('0.3', '1000', '999.99'), fc.constantFrom('atOrAbove' as const, 'above' as const), fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 20 })))
  .map(([v, comparison, toDay]) => ({ value: new Decimal(v), approx: Number(v), comparison, toDay }));

describe('cutRuns', () => {
  it('cuts exactly the runs of the rule: earliest untaken record opens, the run crosses or the opener is passed over', () => {
    fc.assert(
      fc.property(itemsArb, tierArb, fc.constantFrom(0, 2, 6, Infinity), fc.constantFrom(2, 3), (items, tier, reach, minParts) => {
        expect(cutRuns(items, tier, reach, minParts).map((r) => r.map((it) => it.k))).toEqual(plainRuns(items, tier, reach, minParts));
      }),
      { numRuns: runs(1000) },
    );
  });

  it.each<[string, [number, string][], string, 'atOrAbove' | 'above', number[][]]>([
    ['0.1 + 0.2 reaches 0.3 exactly (the doubles overshoot)', [[0, '0.1'], [1, '0.2']], '0.3', 'atOrAbove', [[0, 1]]],
    ['0.1 + 0.2 does not exceed 0.3', [[0, '0.1'], [1, '0.2']], '0.3', 'above', []],
    ['a run that does not cross passes its opener over', [[0, '100'], [1, '100'], [7, '600'], [8, '500']], '1000', 'atOrAbove', [[2, 3]]],
    ['a window of 7 days does not reach the 8th', [[0, '600'], [7, '600']], '1000', 'atOrAbove', []],
  ])('%s', (_what, rows, limit, comparison, expected) => {
    const items = rows.map(([day, a], k) => item(k, day, a));
    const tier = { value: new Decimal(limit), approx: Number(limit), comparison, toDay: Infinity };
    expect(cutRuns(items, tier, 6, 2).map((r) => r.map((it) => it.k))).toEqual(expected);
  });

  it('no record dated after the last day in force opens a run', () => {
    const items = [item(0, 3, '600'), item(1, 4, '600')];
    const tier = (toDay: number) => ({ value: new Decimal(1000), approx: 1000, comparison: 'atOrAbove' as const, toDay });
    expect(cutRuns(items, tier(3), 6, 2)).toHaveLength(1);
    expect(cutRuns(items, tier(2), 6, 2)).toHaveLength(0);
  });
});
