import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepare } from '../../src/cluster/prepare.js';
import { recordAt, scanRecords } from '../../src/records/table.js';
import { keyTokenCount, rareTokenCount } from '../../src/similarity/rarity.js';
import { resolveOptions, type ResolvedOptions } from '../../src/options/resolve.js';
import type { PurchaseRecord } from '../../src/records/record.js';
import { oracleRecords, periodKey, projectOf } from '../oracle.js';
import { ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { compareText } from '../../src/_lib/order.js';

/** What the policy requires equal, written plainly; a missing required signal counts as a value of its own. */
function partitionKey(o: ResolvedOptions, r: PurchaseRecord): string {
  const s = o.subject;
  return JSON.stringify([
    r.buyerKey,
    o.vendor === 'same' ? r.vendorKey : '',
    s.sameProject ? (projectOf(r) ?? null) : '',
    s.sameCategory ? (r.categoryKey?.slice(0, s.categoryPrefix) ?? null) : '',
    'days' in o.window ? '' : periodKey(o.window, r.day),
  ]);
}

describe('prepare', () => {
  it('orders the records by partition, then date, then id; partitions are the plain keys; days are the records\' days; unlinkable is a missing required signal', () => {
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (records, options) => {
        const o = resolveOptions(options);
        const table = scanRecords(records, { currency: o.currency, rates: o.rates });
        const p = prepare(table, o);
        const recs = Array.from(p.order, (k) => recordAt(table, k));
        expect([...p.order].sort((a, b) => a - b)).toEqual(Array.from({ length: table.size }, (_, k) => k));
        const keys = recs.map((r) => partitionKey(o, r));
        for (let i = 0; i < recs.length; i++) {
          for (let j = i + 1; j < recs.length; j++) expect(p.partition[i] === p.partition[j]).toBe(keys[i] === keys[j]);
          const r = recs[i] as PurchaseRecord;
          const missing = (o.subject.sameProject && r.projectKey === undefined) || (o.subject.sameCategory && r.categoryKey === undefined);
          expect(p.unlinkable[i] === 1).toBe(missing);
          expect(p.days[i]).toBe(r.day);
          const next = recs[i + 1];
          if (next && p.partition[i] === p.partition[i + 1]) expect(r.day < next.day || (r.day === next.day && r.id < next.id)).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('items carry the value, weighed tokens, category prefix and specific project the oracle computes', () => {
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (records, options) => {
        const o = resolveOptions(options);
        const p = prepare(scanRecords(records, { currency: o.currency, rates: o.rates }), o);
        const oracle = new Map(oracleRecords(records, o).map((r) => [r.rec.id, r]));
        for (const k of p.order) {
          const it = p.itemOf(k);
          const r = oracle.get(p.table.id[k] as string);
          if (!r) throw new Error(`no oracle record ${p.table.id[k]}`);
          expect(it.k).toBe(k);
          // The record's own fields the evidence reads, as validation gives them.
          expect(it.day).toBe(r.rec.day);
          expect(it.amount.eq(r.rec.amount)).toBe(true);
          expect(it.vendorKey).toBe(r.rec.vendorKey);
          expect(it.categoryKey).toBe(r.rec.categoryKey);
          expect(it.document).toBe(r.rec.document);
          expect(it.value.eq(r.value)).toBe(true);
          expect(it.approx).toBeCloseTo(r.value.toNumber(), 6);
          expect(it.tokens.length).toBe(r.tokens.length);
          // The same weights, and as many key and rare tokens, as the oracle's rarest-first tokens of the buyer.
          const byNumber = (a: number, b: number) => a - b;
          expect(it.tokens.map((id) => it.weights[id] as number).sort(byNumber)).toEqual(r.tokens.map((t) => r.weights.get(t) as number).sort(byNumber));
          if (it.tokens.length > 0) expect(keyTokenCount(it.tokens, it.weights, o.subject.minSimilarity)).toBe(r.keys.length);
          expect(rareTokenCount(it.tokens, it.weights)).toBe(r.rares.length);
          expect(it.categoryPrefix).toBe(o.subject.categoryPrefix > 0 ? r.rec.categoryKey?.slice(0, o.subject.categoryPrefix) : undefined);
          expect(it.project).toBe(r.linkProject);
          expect(p.valueOf(k)).toBe(it.value);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  /** Day d after 1900-01-01, as an ISO date. */
  const isoDay = (d: number) => new Date(Date.UTC(1900, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

  it('orders by partition, day and id as a comparison sort does, whether the dates span a few days or centuries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ buyer: fc.constantFrom('A', 'B', 'C'), vendor: fc.constantFrom('V', 'W'), id: fc.string({ minLength: 1, maxLength: 3 }) }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 365 * 150 }), { minLength: 60, maxLength: 60 }),
        fc.constantFrom(3, 40, 365 * 150),
        fc.constantFrom<'any' | 'same'>('any', 'same'),
        (rows, days, span, vendor) => {
          const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
          const records = unique.map((r, i) => ({ ...r, date: isoDay((days[i] as number) % span), amount: '1', currency: 'CNY' }));
          const o = resolveOptions({ thresholds: [{ id: 't', amount: '10', currency: 'CNY', procedure: 'p' }], vendor });
          const table = scanRecords(records);
          const p = prepare(table, o);
          const key = (k: number) => [table.buyer.key[k] as number, vendor === 'same' ? (table.vendor.key[k] as number) : 0] as const;
          const want = Array.from({ length: table.size }, (_, k) => k).sort((a, b) => {
            const [ba, va] = key(a);
            const [bb, vb] = key(b);
            return ba - bb || va - vb || (table.day[a] as number) - (table.day[b] as number) || compareText(table.id[a] as string, table.id[b] as string);
          });
          // Partitions are numbered in their own way: compare the order within each and the days and ids.
          const got = Array.from(p.order);
          const group = (ks: number[]) => ks.map((k) => `${key(k).join('/')}:${table.day[k]}:${table.id[k]}`);
          expect(new Set(got.map((k) => key(k).join('/'))).size).toBe(new Set(want.map((k) => key(k).join('/'))).size);
          const within = (ks: number[]) => {
            const by = new Map<string, number[]>();
            for (const k of ks) by.set(key(k).join('/'), [...(by.get(key(k).join('/')) ?? []), k]);
            return [...by.entries()].map(([g, list]) => `${g}=${group(list).join(',')}`).sort();
          };
          // Each partition's records are contiguous in the order.
          const firsts = got.filter((k, i) => i === 0 || key(k).join('/') !== key(got[i - 1] as number).join('/'));
          expect(firsts.length).toBe(within(got).length);
          expect(within(got)).toEqual(within(want));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('numbers the tokens of a single record of the buyer below sharedFrom, and only those', () => {
    let singles = 0;
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (records, options) => {
        const o = resolveOptions(options);
        const table = scanRecords(records, { currency: o.currency, rates: o.rates });
        const p = prepare(table, o);
        // Records of each buyer using each token id (ids are per buyer).
        const users = new Map<string, number>();
        for (const k of p.order) for (const id of p.itemOf(k).tokens) users.set(`${table.buyer.key[k]}:${id}`, (users.get(`${table.buyer.key[k]}:${id}`) ?? 0) + 1);
        for (const k of p.order) {
          const it = p.itemOf(k);
          for (const id of it.tokens) {
            const single = users.get(`${table.buyer.key[k]}:${id}`) === 1;
            expect(id < (it.sharedFrom ?? 0)).toBe(single);
            if (single) singles++;
          }
        }
      }),
      { numRuns: runs(200) },
    );
    expect(singles).toBeGreaterThan(50);
  });
});
