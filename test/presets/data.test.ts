/**
 * The typed tables against their source, test/fixtures/thresholds.csv (a copy of
 * ../shared/data/thresholds.csv, the project's sourced table): every row is in some preset with the
 * same amount, currency, dates, VAT basis and verification status, and the comparison its trigger
 * text states.
 */
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { getPreset, presetNames } from '../../src/presets/index.js';
import { parseThresholds } from '../../src/thresholds/schema.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { REPAIRED_ROWS, amountVerified, expectedThresholds, readCsv } from './_csv.js';

const tableNames = presetNames().filter((n) => n !== 'pcard');
const all = new Map<string, { t: ThresholdInput; presets: string[] }>();
for (const name of tableNames) {
  for (const t of getPreset(name).thresholds) {
    const seen = all.get(t.id);
    if (seen) {
      // The same id must mean the same threshold in every preset that carries it.
      expect(t, `${t.id} differs between ${seen.presets[0]} and ${name}`).toEqual(seen.t);
      seen.presets.push(name);
    } else all.set(t.id, { t, presets: [name] });
  }
}
const expected = expectedThresholds();

describe('thresholds.csv fixture', () => {
  it('has the 87 sourced rows, and only the one known row needs its quoting repaired', () => {
    expect(readCsv()).toHaveLength(87);
    expect([...REPAIRED_ROWS]).toEqual(['CN-CENTRAL-2020-OPEN-GS']);
  });
});

describe('every CSV threshold appears in some preset', () => {
  it.each(expected.map((e) => [e.id, e] as const))('%s', (id, e) => {
    const found = all.get(id);
    expect(found, `no preset carries ${id}`).toBeDefined();
    const t = found?.t as ThresholdInput;
    expect(new Decimal(String(t.amount)).eq(new Decimal(e.amount)), `${id} amount ${t.amount} ≠ ${e.amount}`).toBe(true);
    expect(t.currency).toBe(e.currency);
    expect(t.validFrom).toBe(e.validFrom);
    expect(t.validTo).toBe(e.validTo);
    expect(t.comparison).toBe(e.comparison);
    expect(t.vat).toBe(e.vat);
    expect(t.status ?? 'verified').toBe(e.status);
    expect(t.source, `${id} has no source`).toBeTruthy();
  });

  it('covers every row with a verified amount (the issue’s criterion) and keeps partial rows partial', () => {
    const rows = readCsv();
    const verified = rows.filter(amountVerified);
    expect(verified.length).toBeGreaterThan(75);
    for (const r of rows) {
      const pieces = expected.filter((e) => e.csv.id === r.id);
      expect(pieces.length, r.id).toBeGreaterThan(0);
      for (const p of pieces) {
        expect(all.has(p.id), p.id).toBe(true);
        if (/partial/iu.test(r.verified)) expect(all.get(p.id)?.t.status, p.id).toBe('partial');
      }
    }
  });

  it('carries no threshold the CSV does not define, except the Art. 28 cumulative variants', () => {
    const ids = new Set(expected.map((e) => e.id));
    const extra = [...all.keys()].filter((id) => !ids.has(id));
    expect(extra.every((id) => id.endsWith('-ART28') && ids.has(id.slice(0, -'-ART28'.length)))).toBe(true);
    expect(extra.sort()).toEqual(['CN-CENTRAL-2015-OPEN-GS-ART28', 'CN-CENTRAL-2017-OPEN-GS-ART28', 'CN-CENTRAL-2020-OPEN-GS-ART28']);
  });
});

describe('each preset is valid detectSplits input', () => {
  it.each(tableNames)('%s', (name) => {
    const p = getPreset(name);
    expect(() => parseThresholds(p.thresholds, 'test')).not.toThrow();
    expect(new Set(p.thresholds.map((t) => t.id)).size).toBe(p.thresholds.length);
    expect(p.name).toBe(name);
    expect(p.description.length).toBeGreaterThan(80);
    expect(p.citation.length).toBeGreaterThan(5);
    expect(p.currency).toBe(p.thresholds[0]?.currency);
    expect(new Set(p.thresholds.map((t) => t.currency)).size).toBe(1);
  });
});

describe('successive rows of one series never overlap in time', () => {
  // A series is what stays of an id once its year is removed (EU-2016-W and EU-2018-W are EU-W).
  const series = new Map<string, ThresholdInput[]>();
  for (const { t } of all.values()) {
    const key = `${t.id.replace(/-(19|20)\d\d(?=-|$)/u, '')}`;
    series.set(key, [...(series.get(key) ?? []), t]);
  }
  it.each([...series.entries()].filter(([, ts]) => ts.length > 1))('%s', (_key, ts) => {
    const sorted = [...ts].sort((a, b) => (a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as ThresholdInput;
      const cur = sorted[i] as ThresholdInput;
      expect(prev.validTo, `${prev.id} is open-ended but ${cur.id} follows it`).toBeDefined();
      expect((prev.validTo as string) < (cur.validFrom as string), `${prev.id} overlaps ${cur.id}`).toBe(true);
    }
  });
});
