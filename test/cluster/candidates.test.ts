import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { crosses } from '../../src/thresholds/compare.js';
import { candidates } from '../../src/cluster/candidates.js';
import { prepare } from '../../src/cluster/prepare.js';
import { scanRecords } from '../../src/records/table.js';
import { resolveOptions, type ResolvedOptions } from '../../src/options/resolve.js';
import { eligibleFor, oracleRecords, periodKey, projectOf, type OracleRecord } from '../oracle.js';
import { ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { detectSplits } from '../../src/detect.js';

/** The partition a record falls in, written plainly: buyer, and what the policy requires equal. */
function partitionOf(o: ResolvedOptions, r: OracleRecord): string | undefined {
  const s = o.subject;
  const category = r.rec.categoryKey?.slice(0, s.categoryPrefix);
  if ((s.sameProject && r.rec.projectKey === undefined) || (s.sameCategory && category === undefined)) return undefined;
  return JSON.stringify([
    r.rec.buyerKey,
    o.vendor === 'same' ? r.rec.vendorKey : '',
    s.sameProject ? projectOf(r.rec) : '',
    s.sameCategory ? category : '',
    'days' in o.window ? '' : periodKey(o.window, r.rec.day),
  ]);
}

/** Partitions {@link chains} cut in more than one (the property must see some). */
let cut = 0;

/**
 * A partition's candidate parts (in date order) as the groups forTier returns: whole, or, when time
 * alone links (the partition meets a subject requirement, or no category, text, project or vendor
 * is compared), cut where two consecutive parts are more than the window's reach apart.
 */
function chains(o: ResolvedOptions, group: OracleRecord[]): OracleRecord[][] {
  const s = o.subject;
  const alone = s.sameProject || s.sameCategory || (s.categoryPrefix === 0 && s.minSimilarity === 0 && s.maxProjectCategories === 0 && !(o.vendor === 'any' && o.linkSameVendor));
  const reach = 'days' in o.window ? o.window.days - 1 : Infinity;
  if (!alone) return [group];
  const out: OracleRecord[][] = [];
  for (const r of group) {
    const last = out.at(-1)?.at(-1);
    if (last === undefined || r.rec.day - last.rec.day > reach) out.push([r]);
    else out.at(-1)?.push(r);
  }
  if (out.length > 1) cut++;
  return out;
}

const byDateId = (a: OracleRecord, b: OracleRecord) => a.rec.day - b.rec.day || (a.rec.id < b.rec.id ? -1 : 1);

describe('candidates', () => {
  it('are the records the oracle finds eligible, grouped by partition, groups of at least minParts', () => {
    let seen = 0;
    let skipped = 0;
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (records, options) => {
        const o = resolveOptions(options);
        const ledger = prepare(scanRecords(records, { currency: o.currency, rates: o.rates }), o);
        const select = candidates(ledger, o);
        const all = oracleRecords(records, o);
        expect(select.neverParts).toBe(all.filter((r) => r.skipped).length);
        for (const t of o.thresholds) {
          const got = select.forTier(t).map((g) => g.map((it) => ledger.table.id[it.k] as string));
          const groups = new Map<string, OracleRecord[]>();
          for (const r of all) {
            const key = partitionOf(o, r);
            if (key === undefined || !eligibleFor(o, t, r)) continue;
            groups.set(key, [...(groups.get(key) ?? []), r]);
          }
          // Every group of enough parts whose exact total crosses is returned; a group that does
          // not cross may be left out (it holds no run), and no other group is returned.
          const eligible = [...groups.values()].flatMap((g) => chains(o, g.sort(byDateId))).filter((g) => g.length >= o.minParts);
          const crossing = eligible.filter((g) => crosses(g.reduce((s, r) => s.plus(r.value), new Decimal(0)), t.value, t.comparison));
          const ids = (gs: OracleRecord[][]) => gs.map((g) => g.map((r) => r.rec.id));
          const allowed = new Set(ids(eligible).map((g) => g.join()));
          for (const g of got) expect(allowed.has(g.join())).toBe(true);
          const returned = new Set(got.map((g) => g.join()));
          for (const g of ids(crossing)) expect(returned.has(g.join())).toBe(true);
          seen += crossing.length;
          skipped += eligible.length - got.length;
        }
      }),
      { numRuns: runs(300) },
    );
    // Over 30 seeds: crossing groups seen 110–160, groups skipped 55–91; the bounds sit well below.
    expect(seen).toBeGreaterThan(60);
    expect(skipped).toBeGreaterThan(10);
    // Not vacuous: some partitions are cut into chains. Over 30 seeds cut counted 10–43 (median
    // about 23) and one CI run 5, so the bound asks only that the property saw some.
    expect(cut).toBeGreaterThan(0);
  });

  it('keep records already in a finding in their group (they link), and leave out groups with too few others', () => {
    const records = ['2014-03-03', '2014-03-04', '2014-03-05'].map((date, i) => ({ id: `R${i}`, buyer: 'B', vendor: 'V', date, amount: '600', currency: 'CNY' }));
    const o = resolveOptions({ thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }] });
    const ledger = prepare(scanRecords(records), o);
    const select = candidates(ledger, o);
    const tier = o.thresholds[0] as (typeof o.thresholds)[number];
    const [group] = select.forTier(tier);
    expect(group?.map((it) => ledger.table.id[it.k])).toEqual(['R0', 'R1', 'R2']);
    ledger.assign(group?.slice(1, 2) ?? []);
    expect(select.forTier(tier).map((g) => g.map((it) => ledger.table.id[it.k]))).toEqual([['R0', 'R1', 'R2']]);
    ledger.assign(group?.slice(0, 1) ?? []);
    expect(select.forTier(tier)).toEqual([]);
  });

  it('leave out groups whose free parts cannot cross the threshold together, and keep those a hair below it', () => {
    const group = (amounts: string[]) => {
      const records = amounts.map((amount, i) => ({ id: `R${i}`, buyer: 'B', vendor: 'V', date: '2014-03-03', amount, currency: 'CNY' }));
      const o = resolveOptions({ thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }], minPartShare: 0 });
      return candidates(prepare(scanRecords(records), o), o).forTier(o.thresholds[0] as (typeof o.thresholds)[number]).length;
    };
    expect(group(['400', '599.99'])).toBe(0);
    expect(group(['400', '599.9999999999'])).toBe(1); // 1e-10 below: decided exactly later
    expect(group(['400', '600'])).toBe(1);
  });

  it('take a purchase just under a lower limit as a part of a higher one, however small a share of it', () => {
    // A requirement of 270,941.78 USD broken under both limits (FAR 13.003(c)(2)): two parts under
    // the 250,000 limit that do not cross it together, and three kept under the 10,000 one.
    const amounts = ['121570.39', '121570.39', '9100', '9300', '9500', '2000'];
    const records = amounts.map((amount, i) => ({ id: `R${i}`, buyer: 'B', vendor: 'V', date: `2024-06-0${i + 2}`, amount, currency: 'USD', subject: 'software development' }));
    const thresholds = [
      { id: 'micro', amount: '10000', currency: 'USD', procedure: 'micro-purchase', comparison: 'above' as const },
      { id: 'sat', amount: '250000', currency: 'USD', procedure: 'simplified acquisition', comparison: 'above' as const },
    ];
    const o = resolveOptions({ thresholds });
    const sat = o.thresholds.find((t) => t.threshold.id === 'sat') as (typeof o.thresholds)[number];
    const [group] = candidates(prepare(scanRecords(records), o), o).forTier(sat);
    // 9,100–9,500 are under 10% of 250,000 but within the band under 10,000; 2,000 is neither.
    expect(group?.map((it) => it.k)).toEqual([0, 1, 2, 3, 4]);
    const found = detectSplits(records, { thresholds });
    expect(found.findings.map((f) => [f.threshold.id, f.recordIds])).toEqual([['sat', ['R0', 'R1', 'R2', 'R3', 'R4']]]);
  });
});
