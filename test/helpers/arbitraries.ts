/**
 * Reusable fast-check generators ("arbitraries") of small, adversarial ledgers: few buyers, vendors
 * and dates so ties are frequent, amounts at, just under and just over the thresholds, several
 * currencies, missing and partial subject data, skipped methods and exemptions.
 */
import fc from 'fast-check';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';

export const BUYERS = ['City Hall', 'city  hall', 'Water Board'];
// Two vendors of one trade in each script ("signs", 标识), beside names that state none.
export const VENDORS = ['Acme Ltd', 'ACME LIMITED', 'Beta GmbH', 'Gamma Co., Ltd.', '杭州标识有限公司', '宁波恒达标识股份有限公司', 'Delta Signs Ltd', 'Omega Signs LLC'];
/** {@link VENDORS} and a placeholder name ("Various": many suppliers, never the same vendor as another record), for the tests that model placeholders. */
export const WITH_PLACEHOLDER = [...VENDORS, 'Various'];
export const SUBJECTS = [
  'road direction signs',
  'direction signs for roads',
  'office chairs',
  'office desks and chairs',
  'landmark billboard tower',
  '道路指示标牌',
  '道路指示标牌制作安装',
  '展示牌亮化及字体',
  'laptop computers',
  'the of and',
];
export const CATEGORIES = ['45233', '4523', '45', '30191', '3019', 'B0701', 'B0702'];
export const PROJECTS = ['P-2014-01', 'p-2014-01', 'P-2014-02', 'P-2014-01 project'];
export const METHODS = ['quotation', 'direct award', 'open', '公开招标', 'Framework call-off'];

/** Amount strings in cents around the thresholds used below (1,000 and 2,500 CNY). */
const amount = fc.oneof(
  fc.constantFrom('1000', '999.99', '1000.01', '2500', '2499.99', '2500.01', '500', '0', '1250'),
  fc.integer({ min: 1, max: 130_000 }).map((c) => (c / 100).toFixed(2)),
);

const START = Date.UTC(2014, 0, 1);
const isoDay = (d: number) => new Date(START + d * 86_400_000).toISOString().slice(0, 10);

/** One record, of one of `vendors`; `id` is assigned by {@link ledgerArb}. */
const recordArb = (vendors: readonly string[]) => fc.record(
  {
    buyer: fc.constantFrom(...BUYERS),
    vendor: fc.constantFrom(...vendors),
    day: fc.integer({ min: 0, max: 100 }),
    amount,
    currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'),
    subject: fc.option(fc.constantFrom(...SUBJECTS), { nil: undefined }),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
    project: fc.option(fc.constantFrom(...PROJECTS), { nil: undefined }),
    method: fc.option(fc.constantFrom(...METHODS), { nil: undefined, freq: 3 }),
    document: fc.option(fc.integer({ min: 100, max: 110 }).map((n) => `INV-${n}`), { nil: undefined }),
  },
  { requiredKeys: ['buyer', 'vendor', 'day', 'amount', 'currency'] },
);

/** A ledger of up to `max` valid records with unique ids, of `vendors` (default {@link VENDORS}). */
export function ledgerArb(max = 60, vendors: readonly string[] = VENDORS): fc.Arbitrary<PurchaseRecordInput[]> {
  return fc
    .array(fc.tuple(recordArb(vendors), fc.integer({ min: 0, max: 19 })), { maxLength: max, size: 'max' })
    .map((rows) =>
      rows.map(([r, roll], i) => {
        const rec: PurchaseRecordInput = {
          id: `R${String(i).padStart(3, '0')}`,
          buyer: r.buyer,
          vendor: r.vendor,
          date: isoDay(r.day),
          amount: r.amount,
          currency: r.currency,
        };
        if (r.subject !== undefined) rec.subject = r.subject;
        if (r.category !== undefined) rec.category = r.category;
        if (r.project !== undefined) rec.project = r.project;
        if (r.method !== undefined) rec.method = r.method;
        if (r.document !== undefined) rec.document = r.document;
        if (roll === 0) rec.exemption = 'budget adjusted';
        return rec;
      }),
    );
}

const tierArb = (id: string, amountText: string): fc.Arbitrary<ThresholdInput> =>
  fc
    .record({
      comparison: fc.constantFrom('atOrAbove' as const, 'above' as const),
      // How a total crosses it, where the rule words it apart (China's Art. 28: parts at or above, total above).
      cumulative: fc.constantFrom(undefined, undefined, 'atOrAbove' as const, 'above' as const),
      validity: fc.constantFrom('always', 'from', 'to', 'both'),
      scope: fc.constantFrom('all', 'all', 'works', 'notWorks'),
    })
    .map(({ comparison, cumulative, validity, scope }) => ({
      id,
      amount: amountText,
      currency: 'CNY',
      procedure: `${id} procedure`,
      comparison,
      ...(cumulative !== undefined ? { cumulative } : {}),
      ...(validity === 'from' || validity === 'both' ? { validFrom: '2014-01-20' } : {}),
      ...(validity === 'to' || validity === 'both' ? { validTo: '2014-03-10' } : {}),
      ...(scope === 'works' ? { categories: ['45'] } : scope === 'notWorks' ? { excludeCategories: ['45'] } : {}),
    }));

/** Detection options covering every window kind, vendor rule and subject rule. */
export const optionsArb: fc.Arbitrary<DetectSplitsOptions> = fc
  .record({
    tiers: fc.oneof(
      tierArb('low', '1000').map((t) => [t]),
      fc.tuple(tierArb('low', '1000'), tierArb('high', '2500')).map((ts) => [...ts]),
      // A higher tier far enough up that parts just under the lower one are under a quarter of it.
      fc.tuple(tierArb('low', '1000'), tierArb('top', '4500')).map((ts) => [...ts]),
      // The same procedure with a changed amount: a threshold change mid-ledger.
      fc.constant([
        { id: 'old', amount: '1000', currency: 'CNY', procedure: 'quotation', validTo: '2014-02-14' },
        { id: 'new', amount: '1200', currency: 'CNY', procedure: 'quotation', validFrom: '2014-02-15' },
      ]),
    ),
    window: fc.oneof(
      fc.constantFrom(1, 2, 3, 7).map((days) => ({ days })),
      fc.integer({ min: 1, max: 45 }).map((days) => ({ days })),
      fc.constantFrom({ period: 'day' as const }, { period: 'week' as const }, { period: 'month' as const }, { period: 'quarter' as const }, { period: 'year' as const }),
      fc.integer({ min: 1, max: 12 }).map((m) => ({ period: 'fiscalYear' as const, fiscalYearStart: m })),
    ),
    vendor: fc.constantFrom('same' as const, 'any' as const),
    categoryPrefix: fc.integer({ min: 0, max: 5 }),
    minSimilarity: fc.constantFrom(0, 0.2, 0.3, 0.5, 1),
    sameProject: fc.boolean(),
    sameCategory: fc.boolean(),
    minParts: fc.constantFrom(2, 2, 3),
    // Mostly the default; small caps so that large runs happen.
    maxParts: fc.constantFrom(undefined, undefined, 3, 4, 6),
    runs: fc.constantFrom(undefined, undefined, 'window' as const),
    maxProjectCategories: fc.constantFrom(1, 2, 4, Infinity),
    minPartShare: fc.constantFrom(0, 0, 0.1, 0.25),
    linkSameVendor: fc.boolean(),
  })
  .map((o) => ({
    thresholds: o.tiers,
    window: o.window,
    vendor: o.vendor,
    subject: { categoryPrefix: o.categoryPrefix, minSimilarity: o.minSimilarity, sameProject: o.sameProject && o.categoryPrefix % 2 === 0, sameCategory: o.sameCategory && o.minSimilarity === 0.3 && o.categoryPrefix > 0, maxProjectCategories: o.maxProjectCategories },
    rates: { USD: '6.25' },
    minParts: o.minParts,
    maxParts: o.maxParts,
    runs: o.runs,
    minPartShare: o.minPartShare,
    linkSameVendor: o.linkSameVendor,
    minScore: 0,
  }));
