/**
 * Table-driven: for every preset and every threshold in it, two purchases on the same day whose total
 * is one cent under, exactly at and one cent over the amount, on both sides of each validity
 * boundary. Expectations come from test/fixtures/thresholds.csv (../shared/data/thresholds.csv),
 * not from the preset: the amount, dates and comparison of the CSV row the threshold's id names.
 */
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { detectSplits } from '../../src/detect.js';
import { getPreset, presetNames } from '../../src/presets/index.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { type ExpectedThreshold, expectedThresholds } from './_csv.js';

const EXPECTED = new Map(expectedThresholds().map((e) => [e.id, e]));

/** The CSV threshold a preset id stands for; Art. 28 variants' totals compare strictly above (超过). */
function fromCsv(id: string): ExpectedThreshold & { readonly cumulative?: 'above' } {
  const art28 = id.endsWith('-ART28');
  const e = EXPECTED.get(art28 ? id.slice(0, -'-ART28'.length) : id);
  if (!e) throw new Error(`${id} is in no CSV row`);
  return art28 ? { ...e, cumulative: 'above' } : e;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const crosses = (total: Decimal, e: ReturnType<typeof fromCsv>) => ((e.cumulative ?? e.comparison) === 'above' ? total.gt(e.amount) : total.gte(e.amount));

/** A category code the threshold applies to (CPV for EU/UK/UA/US/BR, 品目 for China). */
function probeCategory(t: ThresholdInput): string {
  const chinese = t.currency === 'CNY';
  const first = t.categories?.[0];
  if (first !== undefined) return chinese ? `${first}0201` : first.padEnd(8, '1');
  return chinese ? 'A0201' : '30190000';
}

/** Two same-day purchases totalling `total`, by one buyer from one vendor, same project and category. */
function ledger(date: string, total: Decimal, t: ThresholdInput) {
  const a = total.div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const common = { buyer: 'Buyer', vendor: 'Vendor', date, currency: t.currency, category: probeCategory(t), project: 'P-1', subject: 'office equipment', method: 'direct award' };
  return [
    { id: 'r1', amount: a.toFixed(2), ...common },
    { id: 'r2', amount: total.minus(a).toFixed(2), ...common },
  ];
}

interface Case { preset: string; threshold: string; date: string; inForce: boolean; total: string; expectFinding: boolean }

function casesFor(name: string): Case[] {
  const p = getPreset(name);
  return p.thresholds.flatMap((t) => {
    const e = fromCsv(t.id);
    const dates: [string, boolean][] = [];
    if (e.validFrom) dates.push([addDays(e.validFrom, -1), false], [e.validFrom, true]);
    if (e.validTo) dates.push([e.validTo, true], [addDays(e.validTo, 1), false]);
    if (!e.validFrom && !e.validTo) dates.push(['2020-06-15', true]);
    const amount = new Decimal(e.amount);
    return dates.flatMap(([date, inForce]) =>
      [amount.minus('0.01'), amount, amount.plus('0.01')].map((total) => ({
        preset: name, threshold: t.id, date, inForce, total: total.toFixed(2), expectFinding: inForce && crosses(total, e),
      })),
    );
  });
}

const names = presetNames().filter((n) => n !== 'pcard');
const CASES = names.flatMap(casesFor);

describe('validity boundaries × one cent under / at / over, every threshold of every preset', () => {
  it('has cases for every preset', () => {
    expect(new Set(CASES.map((c) => c.preset))).toEqual(new Set(names));
    expect(CASES.length).toBeGreaterThan(1500);
    for (const n of names) expect(CASES.some((c) => c.preset === n && c.expectFinding), n).toBe(true);
  });

  for (const name of names) {
    const cases = CASES.filter((c) => c.preset === name);
    it(`${name} (${cases.length} cases)`, () => {
      const preset = getPreset(name);
      const byId = new Map(preset.thresholds.map((t) => [t.id, t]));
      const failures: string[] = [];
      for (const c of cases) {
        const t = byId.get(c.threshold) as ThresholdInput;
        // Boundaries of amounts and dates are under test here, not scoring: report every crossing run.
        const { findings, rejects } = detectSplits(ledger(c.date, new Decimal(c.total), t), { ...preset, minScore: 0 });
        if (rejects.length) failures.push(`${c.threshold} ${c.date} ${c.total}: rejects ${rejects.map((r) => r.code).join()}`);
        const cited = findings.some((f) => f.threshold.id === c.threshold);
        if (cited !== c.expectFinding) failures.push(`${c.threshold} on ${c.date} (in force: ${c.inForce}) total ${c.total}: expected ${c.expectFinding ? 'a' : 'no'} finding, got [${findings.map((f) => f.threshold.id).join(', ')}]`);
        for (const f of findings) {
          // Whatever threshold a finding cites must be in force (per the CSV) on its first purchase.
          const e = fromCsv(f.threshold.id);
          if ((e.validFrom && f.start < e.validFrom) || (e.validTo && f.start > e.validTo)) failures.push(`${f.threshold.id} cited on ${f.start}, outside its CSV dates`);
          if (!crosses(new Decimal(f.total), e)) failures.push(`${f.threshold.id} cited for total ${f.total} that does not cross ${e.amount} (${e.comparison})`);
          if (f.rule?.name !== name) failures.push(`finding cites rule ${f.rule?.name}, not ${name}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('a single purchase exactly at a threshold is not a part', () => {
  it.each([
    ['eu', 'EU-2024-CG', '143000.00', '1.00', false], // at or above: 143,000 is not below
    ['us-far', 'US-MPT-4', '10000.00', '1.00', true], // above: 10,000 is still a micro-purchase
    // Art. 28: a purchase at the public-tender limit needed a tender of its own (at or above); only the total must exceed it.
    ['cn-gpl-art28', 'CN-CENTRAL-2020-OPEN-GS-ART28', '2000000.00', '1.00', false],
    ['cn-gpl-art28', 'CN-CENTRAL-2020-OPEN-GS-ART28', '1999999.99', '0.02', true],
  ] as const)('%s %s: part %s + %s → finding %s', (name, id, big, small, expectFinding) => {
    const p = getPreset(name);
    const t = p.thresholds.find((x) => x.id === id) as ThresholdInput;
    const e = fromCsv(id);
    const date = e.validFrom as string;
    const [r1, r2] = ledger(date, new Decimal(2), t) as unknown as [Record<string, unknown>, Record<string, unknown>];
    // A one-unit second part is far under the default smallest part and scores low: count it anyway.
    const { findings } = detectSplits([{ ...r1, amount: big }, { ...r2, amount: small }], { ...p, minPartShare: 0, minScore: 0 });
    expect(findings.some((f) => f.threshold.id === id)).toBe(expectFinding);
  });
});
