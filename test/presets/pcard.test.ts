/**
 * The `pcard` preset does what card programmes' split-transaction rule says: same card, same
 * merchant, same day, each part at or under the single-transaction limit, together over it —
 * whatever the cost centres, however small the parts — with travel and lodging left out.
 *
 * The Toronto files are the City of Toronto's purchasing-card files (Open Government Licence –
 * Toronto), byte for byte as the project's shared data has them (see test/fixtures/io/README.md).
 * Cardholders are not published: `Division` is the buyer, as the reader maps it.
 */
import { Decimal } from 'decimal.js';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../src/detect.js';
import { loadLedger } from '../../src/node.js';
import { DEFAULT_PLACEHOLDER_VENDORS } from '../../src/options/options.js';
import { getPreset } from '../../src/presets/index.js';
import { PCARD_TRAVEL_MCC } from '../../src/presets/policies.js';
import { categoryKey, normalizeText, vendorKey } from '../../src/records/normalize.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';

const LIMIT = '3000';
const real = (name: string) => fileURLToPath(new URL(`../fixtures/io/real/${name}`, import.meta.url));

/** Toronto months the reader reads, with the date pattern the older ones need. */
const TORONTO: readonly [string, string | undefined][] = [
  ['toronto-pcard-2013-01.csv', 'MM-dd-yyyy'],
  ['toronto-pcard-2018-02.csv', undefined],
  ...['2015-12', '2016-12', '2017-12', '2018-07', '2019-12', '2020-05'].map((m): [string, undefined] => [`toronto-pcard-by-year/toronto-pcard-${m}.csv`, undefined]),
];

const placeholders = new Set(DEFAULT_PLACEHOLDER_VENDORS.map(vendorKey));
const isTravel = (r: PurchaseRecordInput) => r.category !== undefined && PCARD_TRAVEL_MCC.some((p) => categoryKey(String(r.category)).startsWith(p));

/**
 * The plain rule, as an auditor writes it in SQL: group by card, merchant and day the transactions
 * at or under the limit; a group of two or more whose sum exceeds the limit is a split. Each group
 * as its sorted record ids, the groups sorted.
 */
function plainRule(records: readonly PurchaseRecordInput[], limit: string): string[][] {
  const groups = new Map<string, PurchaseRecordInput[]>();
  for (const r of records) {
    const amount = new Decimal(String(r.amount));
    if (amount.gt(limit) || placeholders.has(vendorKey(String(r.vendor)))) continue;
    const key = [normalizeText(String(r.buyer)), vendorKey(String(r.vendor)), String(r.date)].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .filter((g) => g.length >= 2 && g.reduce((sum, r) => sum.plus(String(r.amount)), new Decimal(0)).gt(limit))
    .map((g) => g.map((r) => String(r.id)).sort())
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

const found = (records: readonly PurchaseRecordInput[], overrides: object = {}) =>
  detectSplits(records, getPreset('pcard', { limit: LIMIT, currency: 'CAD', ...overrides }))
    .findings.map((f) => [...f.recordIds].sort())
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe('pcard on the Toronto purchasing-card files', () => {
  let groups = 0;
  it.each(TORONTO)('%s: finds exactly the groups of the plain same-card, same-merchant, same-day rule', async (file, dateFormat) => {
    const ledger = await loadLedger(real(file), { currency: 'CAD', ...(dateFormat ? { dateFormat } : {}) });
    expect(ledger.records.length).toBeGreaterThan(2000);
    // Travel included: the rule itself.
    const all = plainRule(ledger.records, LIMIT);
    expect(found(ledger.records, { exclude: { categories: [] } })).toEqual(all);
    // The preset as shipped: travel and lodging left out, everything else as the plain rule.
    const goods = ledger.records.filter((r) => !isTravel(r));
    expect(found(ledger.records)).toEqual(plainRule(goods, LIMIT));
    groups += all.length;
  });

  it('saw enough groups for the comparison to mean something', () => {
    expect(groups).toBeGreaterThan(80);
  });
});

describe('pcard semantics (the cases issue 10 reported on the complete Toronto history)', () => {
  const tx = (id: string, amount: string, extra: Partial<PurchaseRecordInput> = {}): PurchaseRecordInput => ({
    id, buyer: 'PARKS, FORESTRY & RECREATION', vendor: 'BALL HORTICULTURAL', date: '2018-02-08', amount, currency: 'CAD', category: '5193', ...extra,
  });

  it('keeps one order charged to two cost centres together (586.04 + 2,667.86)', () => {
    const records = [tx('a', '586.04', { project: 'P00114' }), tx('b', '2667.86', { project: 'P00987' })];
    expect(found(records)).toEqual([['a', 'b']]);
  });

  it('counts parts of any size (12 × 265.55 to one association on one day)', () => {
    const records = Array.from({ length: 12 }, (_, i) => tx(`m${i}`, '265.55', { vendor: 'ONTARIO RECREATION FACILITIES ASSOC', category: '8641' }));
    expect(found(records)).toEqual([records.map((r) => String(r.id)).sort()]);
  });

  it('leaves per-person lodging apart (11 × 406.04 hotel rooms), unless asked', () => {
    const rooms = Array.from({ length: 11 }, (_, i) => tx(`h${i}`, '406.04', { vendor: 'DELTA HOTELS', category: '7011' }));
    expect(found(rooms)).toEqual([]);
    expect(found(rooms.map((r) => ({ ...r, category: '3501' })))).toEqual([]);
    expect(found(rooms, { exclude: { categories: [] } })).toHaveLength(1);
  });

  it('never joins placeholder merchants, and excludes vendors on request', () => {
    const various = [tx('v1', '1600', { vendor: 'Various' }), tx('v2', '1600', { vendor: 'VARIOUS' })];
    expect(found(various)).toEqual([]);
    expect(found(various, { placeholderVendors: [] })).toEqual([['v1', 'v2']]);
    expect(found([tx('a', '1600'), tx('b', '1600')], { exclude: { vendors: ['Ball Horticultural Ltd.'] } })).toEqual([]);
  });
});

describe("runs: 'window' (the pcard rule counts every charge of the day)", () => {
  // One day of Facilities Management at WWG / Totaline (Toronto, July 2018): the two large charges
  // alone exceed the limit; the card rule's split is the day's four charges.
  const day = ['399.57', '2367.35', '2367.35', '185.77'].map((amount, i): PurchaseRecordInput => ({
    id: `t${i}`, buyer: 'FACILITIES MANAGEMENT', vendor: 'WWG / TOTALINE', date: '2018-07-12', amount, currency: 'CAD', category: '5074',
  }));

  it('reports the whole day under pcard, and the parts that make the split under the default rule', () => {
    expect(found(day)).toEqual([['t0', 't1', 't2', 't3']]);
    expect(found(day, { runs: 'requirement' })).toEqual([['t1', 't2']]);
  });
});
