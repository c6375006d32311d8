import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits } from '../../src/detect.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { fingerprint } from '../../src/report/fingerprint.js';
import { DEFAULT_WEIGHTS, REASON_CODES, isAgainst, type ReasonCode } from '../../src/options/reasons.js';
import { orderReasons } from '../../src/report/explain.js';
import type { Comparison } from '../../src/thresholds/threshold.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import type { Finding } from '../../src/report/finding.js';
import { getPreset } from '../../src/presets/index.js';
import { runs } from '../helpers/runs.js';

/** Three purchases by one buyer from three vendors, 591,500 CNY in all, each under 300,000. */
const LEDGER: PurchaseRecordInput[] = [
  { id: 'A1', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-03', amount: '197000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
  { id: 'A2', buyer: 'Acme City', vendor: 'Light Co', date: '2014-11-10', amount: '198500', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
  { id: 'A3', buyer: 'Acme City', vendor: 'Font Co', date: '2014-11-17', amount: '196000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
];

const options = (comparison: Comparison): DetectSplitsOptions => ({
  thresholds: [{ id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement', comparison }],
  vendor: 'any',
  minScore: 0,
});

function onlyFinding(comparison: Comparison): Finding {
  const { findings } = detectSplits(LEDGER, options(comparison));
  expect(findings).toHaveLength(1);
  return findings[0] as Finding;
}

const CODES = REASON_CODES;

describe('the explanation of a finding', () => {
  it.each<[Comparison, string]>([
    ['atOrAbove', 'reach'],
    ['above', 'exceed'],
  ])('comparison %s: names the records, total, limit, procedure, margin and says "%s"', (comparison, verb) => {
    const f = onlyFinding(comparison);
    expect(f.recordIds).toEqual(['A1', 'A2', 'A3']);
    expect(f.total).toBe('591500.00');
    const text = f.explanation;
    for (const id of ['A1', 'A2', 'A3']) expect(text).toContain(id);
    expect(text).toContain('Acme City');
    expect(text).toContain('591,500.00 CNY');
    expect(text).toContain('300,000.00 CNY');
    expect(text).toContain('decentralised procurement');
    expect(text).toContain('hz-decent');
    expect(text).toContain('by 291,500.00 CNY');
    // A part may equal an `above` limit without exceeding it: the words follow the comparison.
    expect(text).toContain(comparison === 'above' ? 'none exceeded it' : 'each stayed below it');
    expect(text).toContain('2014-11-03');
    expect(text).toContain('2014-11-17');
    expect(text).toMatch(new RegExp(`\\b${verb}\\b`, 'u'));
    expect(text).not.toMatch(new RegExp(`\\b${verb === 'reach' ? 'exceed' : 'reach'}\\b`, 'u'));
  });

  it('shows the threshold in the report currency and in its own when they differ', () => {
    const usd = LEDGER.map((r) => ({ ...r, amount: String(Number(r.amount) / 10), currency: 'USD' }));
    const { findings } = detectSplits(usd, {
      thresholds: [{ id: 'eu-x', amount: '50000', currency: 'EUR', procedure: 'open procedure' }],
      currency: 'USD',
      rates: { EUR: '1.2' },
      minScore: 0,
    });
    // 19,700 + 19,850 + 19,600 = 59,150 USD against 50,000 EUR = 60,000 USD: does not cross.
    expect(findings).toEqual([]);
    const { findings: crossing } = detectSplits(usd, {
      thresholds: [{ id: 'eu-x', amount: '40000', currency: 'EUR', procedure: 'open procedure' }],
      currency: 'USD',
      rates: { EUR: '1.25' },
      minScore: 0,
    });
    // 40,000 EUR × 1.25 = 50,000 USD; 59,150 − 50,000 = 9,150.
    const text = crossing[0]?.explanation ?? '';
    expect(text).toContain('59,150.00 USD');
    expect(text).toContain('50,000.00 USD');
    expect(text).toContain('40,000.00 EUR');
    expect(text).toContain('by 9,150.00 USD');
  });

  it('gives every reason a code, a value, a strength in [0, 1], its weight and a message', () => {
    const f = onlyFinding('atOrAbove');
    expect(f.reasons.map((r) => r.code).sort()).toEqual([...CODES].sort());
    for (const r of f.reasons) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.strength).toBeGreaterThanOrEqual(0);
      expect(r.strength).toBeLessThanOrEqual(1);
      expect(r.message.trim().length).toBeGreaterThan(0);
    }
    // Three purchases are no history: the buyer measures are not applicable, weigh nothing and say why.
    const buyerCodes: ReasonCode[] = ['buyerRate', 'buyerSize', 'buyerVendor', 'buyerBunching'];
    for (const r of f.reasons) {
      expect(r.weight).toBe(buyerCodes.includes(r.code) ? 0 : DEFAULT_WEIGHTS[r.code]);
      if (buyerCodes.includes(r.code)) expect(r.message).toMatch(/^(Not compared|Part sizes not compared|Vendors not compared|Bunching under this limit not tested)/u);
    }
    // Reasons are listed evidence of splitting first, then evidence against; each strongest (strength × weight) first.
    for (let i = 1; i < f.reasons.length; i++) {
      const a = f.reasons[i - 1];
      const b = f.reasons[i];
      if (a && b) expect(Number(isAgainst(a.code))).toBeLessThanOrEqual(Number(isAgainst(b.code)));
      if (a && b && isAgainst(a.code) === isAgainst(b.code)) expect(a.strength * a.weight).toBeGreaterThanOrEqual(b.strength * b.weight);
    }
    // Nothing speaks against this split: the score is the weighted mean of the strengths of the evidence of splitting.
    const of = f.reasons.filter((r) => !isAgainst(r.code));
    for (const r of f.reasons) if (isAgainst(r.code)) expect(r.strength).toBe(0);
    const den = of.reduce((s, r) => s + r.weight, 0);
    const num = of.reduce((s, r) => s + r.weight * r.strength, 0);
    expect(f.score).toBeCloseTo(num / den, 12);
  });

  it('measures the evidence of the hand-built split', () => {
    const f = onlyFinding('atOrAbove');
    const value = (code: ReasonCode) => f.reasons.find((r) => r.code === code)?.value;
    const amounts = [197000, 198500, 196000];
    const mean = amounts.reduce((a, b) => a + b, 0) / 3;
    const cv = Math.sqrt(amounts.reduce((a, b) => a + (b - mean) ** 2, 0) / 3) / mean;
    expect(value('parts')).toBe(3);
    expect(value('span')).toBe(14);
    expect(value('sameDay')).toBe(0);
    expect(value('vendorConcentration')).toBeCloseTo(1 / 3, 12);
    expect(value('subjectSimilarity')).toBeCloseTo(1, 12);
    expect(value('equalAmounts')).toBeCloseTo(cv, 9);
    // 197,000 and 196,000 are whole thousands; 198,500 is not.
    expect(value('roundAmounts')).toBeCloseTo(2 / 3, 12);
    expect(value('consecutiveDocuments')).toBe(0);
    expect(value('totalOverThreshold')).toBeCloseTo(591500 / 300000, 12);
    // Band 10%: just below means 270,000 ≤ part < 300,000; none is.
    expect(value('justBelow')).toBe(0);
  });

  it('says so when the total lands exactly on the limit', () => {
    const ledger = LEDGER.slice(0, 2).map((r) => ({ ...r, amount: '150000' }));
    const { findings } = detectSplits(ledger, options('atOrAbove'));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation).toContain('300,000.00 CNY');
    expect(findings[0]?.explanation).not.toMatch(/by 0\.00/u);
  });
});

describe('fingerprint', () => {
  it('does not depend on the order of the record ids', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 10 }).chain((ids) =>
          fc.tuple(fc.constant(ids), fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })),
        ),
        fc.string({ minLength: 1 }),
        ([ids, shuffled], threshold) => {
          expect(fingerprint(threshold, shuffled)).toBe(fingerprint(threshold, ids));
          expect(fingerprint(threshold, ids)).toMatch(/^F[0-9a-f]{16}$/u);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('differs for different thresholds and for different record sets', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 10 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 12 }),
        (ids, t1, t2) => {
          fc.pre(t1 !== t2);
          expect(fingerprint(t1, ids)).not.toBe(fingerprint(t2, ids));
          expect(fingerprint(t1, ids)).not.toBe(fingerprint(t1, [...ids, `${ids[0] ?? ''}x`]));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('is the id of the finding', () => {
    const f = onlyFinding('atOrAbove');
    expect(f.id).toBe(fingerprint('hz-decent', ['A3', 'A1', 'A2']));
    expect(f.id).not.toBe(fingerprint('hz-open', ['A1', 'A2', 'A3']));
  });
});

describe('orderReasons', () => {
  it('lists reasons by weighted strength, strongest first; equally strong ones with the more telling first', () => {
    const reason = (code: ReasonCode, strength: number, weight = 1) => ({ code, strength, weight });
    expect(orderReasons([reason('parts', 1), reason('span', 0.5, 3), reason('justBelow', 0.2, 3)]).map((r) => r.code)).toEqual(['span', 'parts', 'justBelow']);
    // All equal: parts just below a limit, consecutive documents and a short span tell most; the
    // number of parts and how far the total passes the limit least.
    const tied = orderReasons(REASON_CODES.map((code) => reason(code, 1))).map((r) => r.code);
    expect(tied.slice(0, 3)).toEqual(['justBelow', 'consecutiveDocuments', 'span']);
    // The evidence against splitting comes after all of it, however strong.
    expect(tied.slice(-6)).toEqual(['parts', 'totalOverThreshold', 'perPersonCharges', 'documentLines', 'sameDayVendors', 'manyParts']);
    expect(orderReasons([reason('parts', 0.1), reason('documentLines', 1, 3)]).map((r) => r.code)).toEqual(['parts', 'documentLines']);
  });

  it('does not depend on the order reasons come in', () => {
    const codes = fc.constantFrom(...REASON_CODES);
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ code: codes, strength: fc.constantFrom(0, 0.5, 1), weight: fc.constantFrom(0, 1, 3) }), { selector: (r) => r.code }), (reasons) => {
        const a = orderReasons([...reasons]).map((r) => r.code);
        const b = orderReasons([...reasons].reverse()).map((r) => r.code);
        expect(b).toEqual(a);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('sentences that used to say false things (issue 10 item 7)', () => {
  const reason = (f: Finding, code: ReasonCode) => f.reasons.find((r) => r.code === code)?.message ?? '';

  it('a part equal to an "above" limit is not said to be below it', () => {
    const { findings } = detectSplits(
      [
        { id: 'E1', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-03', amount: '300000', currency: 'CNY', category: 'B0701' },
        { id: 'E2', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-04', amount: '100000', currency: 'CNY', category: 'B0701' },
      ],
      options('above'),
    );
    const f = findings[0] as Finding;
    expect(f.recordIds).toEqual(['E1', 'E2']);
    expect(f.explanation).not.toContain('each stayed below it');
    expect(f.explanation).toContain('none exceeded it');
    expect(reason(f, 'justBelow')).toBe('1 of 2 parts lies within 10% at or below the limit; one part alone near a limit is no sign of splitting.');
  });

  it('under the pcard preset, which compares no subject signal, the subject reason claims no comparison and weighs nothing', () => {
    const card = (id: string, amount: string, project: string) => ({ id, buyer: 'Card 0042', vendor: 'Office Depot', date: '2019-05-06', amount, currency: 'USD', category: '5943', subject: 'toner cartridges', project });
    const pcard = getPreset('pcard', { limit: '3000', currency: 'USD' });
    expect(pcard.subject).toMatchObject({ categoryPrefix: 0, minSimilarity: 0, maxProjectCategories: 0 });
    // The same text, category and project, and then different projects: neither is a claim.
    for (const projects of [['P-7', 'P-7'], ['P-7', 'P-9']]) {
      const { findings } = detectSplits([card('C1', '2400', projects[0] as string), card('C2', '1900', projects[1] as string)], pcard);
      const f = findings[0] as Finding;
      expect(f.recordIds).toEqual(['C1', 'C2']);
      expect(f.reasons.find((r) => r.code === 'subjectSimilarity')).toEqual({
        code: 'subjectSimilarity',
        value: 0,
        strength: 0,
        weight: 0,
        message: 'Subjects not compared: the policy compares no subject text, category code or project.',
      });
      expect(f.explanation).not.toMatch(/subjects agree|text|categor|project/iu);
      // The threshold's procedure says what the limit is for, not the limit again.
      expect(f.explanation).not.toMatch(/limit for a purchase above the single-transaction limit/u);
      expect(f.explanation).toContain('exceed the 3,000.00 USD limit for normal procurement instead of the card, unless the limit was raised');
    }
  });

  it('under a policy that compares only projects, the subject reason names only projects', () => {
    const row = (id: string, amount: string, project?: string) => ({ id, buyer: 'Card 0042', vendor: 'Office Depot', date: '2019-05-06', amount, currency: 'USD', category: '5943', subject: 'toner cartridges', ...(project ? { project } : {}) });
    const policy = { ...getPreset('pcard', { limit: '3000', currency: 'USD' }), subject: { categoryPrefix: 0, minSimilarity: 0, maxProjectCategories: 4 } };
    const f = detectSplits([row('C1', '2400', 'P-7'), row('C2', '1900', 'P-7')], policy).findings[0] as Finding;
    expect(reason(f, 'subjectSimilarity')).toBe("Consecutive parts' subjects agree 100% on average, each pair by its closest signal: the same project in 1 of 1 pair.");
    const without = detectSplits([row('C1', '2400'), row('C2', '1900')], policy).findings[0] as Finding;
    expect(without.reasons.find((r) => r.code === 'subjectSimilarity')).toMatchObject({ weight: 0, message: 'Subjects not compared: no two consecutive parts both carry a specific project.' });
  });

  it('names the signals a policy compares when the parts carry none of them', () => {
    const rows = [
      { id: 'N1', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-03', amount: '160000', currency: 'CNY' },
      { id: 'N2', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-05', amount: '170000', currency: 'CNY' },
    ];
    const f = detectSplits(rows, { ...options('atOrAbove'), linkSameVendor: true }).findings[0] as Finding;
    expect(f.recordIds).toEqual(['N1', 'N2']);
    expect(reason(f, 'subjectSimilarity')).toBe('Subjects not compared: no two consecutive parts both carry a subject text with words to compare, a category code or a specific project.');
    expect(f.reasons.find((r) => r.code === 'subjectSimilarity')?.weight).toBe(0);
  });

  it('parts under different projects are not said to agree on the project', () => {
    const { findings } = detectSplits(
      [
        { id: 'P1', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-03', amount: '160000', currency: 'CNY', category: 'B0701', subject: 'road signs', project: 'Roads 2014' },
        { id: 'P2', buyer: 'Acme City', vendor: 'Sign Co', date: '2014-11-05', amount: '170000', currency: 'CNY', category: 'B0701', subject: 'road signs', project: 'Parks 2014' },
      ],
      options('atOrAbove'),
    );
    const subject = reason(findings[0] as Finding, 'subjectSimilarity');
    expect(subject).toContain('the same project in 0 of 1 pair');
    expect(subject).toContain('category codes 100% (1 pair)');
    expect(subject).toContain('texts 100% (1 pair)');
  });

  it('states the band as given, not rounded to a whole percent', () => {
    const ledger = LEDGER.map((r, i) => ({ ...r, amount: ['290000', '100000', '100000'][i] as string }));
    const { findings } = detectSplits(ledger, { ...options('atOrAbove'), band: 0.125 });
    expect(reason(findings[0] as Finding, 'justBelow')).toBe('1 of 3 parts lies within 12.5% below the limit; one part alone near a limit is no sign of splitting.');
  });
});

describe('sentences read the way an auditor checks them', () => {
  const reason = (f: Finding, code: ReasonCode) => f.reasons.find((r) => r.code === code)?.message ?? '';
  const TIERS = [
    { id: 'hz-open', amount: '1000000', currency: 'CNY', procedure: 'public tender' },
    { id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' },
  ];

  it('names the limit the parts lie near when it is not the one the finding crosses', () => {
    // Chengxi's shape: pieces kept under 300,000 whose total crosses 1,000,000.
    const records = ['286500', '279800', '296000', '289000'].map((amount, i) => ({ id: `C${i}`, buyer: 'Acme City', vendor: `V${i}`, date: `2014-11-0${i + 3}`, amount, currency: 'CNY', category: 'C2101' }));
    const [f] = detectSplits(records, { thresholds: TIERS, minScore: 0 }).findings;
    expect(f?.threshold.id).toBe('hz-open');
    expect(reason(f as Finding, 'justBelow')).toBe('4 of 4 parts lie within 10% below the 300,000.00 CNY limit of threshold hz-decent.');
    expect(reason(f as Finding, 'equalAmounts')).toBe(
      'All parts lie within 10% below the 300,000.00 CNY limit of threshold hz-decent, so the spread of their amounts (279,800.00 to 296,000.00 CNY; coefficient of variation 0.02) is not counted as evidence of its own.',
    );
  });

  it('says "at or below" for parts exactly at a limit compared "above", and gives the amounts', () => {
    // Toronto's licence stickers: two charges of exactly the 3,000 card limit, breached only above it.
    const card = getPreset('pcard', { limit: '3000', currency: 'CAD' });
    const records = ['1', '2'].map((n) => ({ id: `S${n}`, buyer: 'FIRE SERVICES', vendor: 'MTO', date: '2016-12-02', amount: '3000.00', currency: 'CAD' }));
    const [f] = detectSplits(records, card).findings;
    expect(reason(f as Finding, 'equalAmounts')).toBe(
      'All parts lie within 10% at or below the limit, so the spread of their amounts (all 3,000.00 CAD; coefficient of variation 0.00) is not counted as evidence of its own; 2 of 2 parts have the same amount as another part, to the cent, which counts.',
    );
  });

  it('counts parts from a placeholder vendor as vendors of their own, and says so', () => {
    const history = Array.from({ length: 12 }, (_, i) => ({ id: `H${i}`, buyer: 'Direct Services', vendor: i % 2 ? 'Redacted, personal data' : 'Acme Ltd', date: `2015-0${(i % 9) + 1}-10`, amount: '1200', currency: 'GBP' }));
    const records = [
      ...history,
      { id: 'R1', buyer: 'Direct Services', vendor: 'Redacted, personal data', date: '2015-10-01', amount: '4900', currency: 'GBP' },
      { id: 'R2', buyer: 'Direct Services', vendor: 'Redacted, personal data', date: '2015-10-01', amount: '4900', currency: 'GBP' },
    ];
    const [f] = detectSplits(records, { thresholds: [{ id: 'quotes', amount: '5000', currency: 'GBP', procedure: 'three written quotes' }], minScore: 0 }).findings.filter((x) => x.recordIds.includes('R1'));
    expect(f?.recordIds).toEqual(['R1', 'R2']);
    expect(reason(f as Finding, 'vendorConcentration')).toBe(
      'The most frequent vendor received 1 of 2 parts; 2 vendors in all, counting each of the 2 parts with a placeholder vendor name as a vendor of its own: such a name (a redacted one, "Various") stands for suppliers that cannot be told apart.',
    );
    expect(reason(f as Finding, 'buyerVendor')).toBe(
      "0 of the buyer's 12 other purchases went to these parts' vendors; every part carries a placeholder vendor name (a redacted one, \"Various\"), which no other purchase is counted as going to.",
    );
    expect(reason(f as Finding, 'sameDayVendors')).toMatch(/^1 of 2 parts came from another vendor than a part bought the same day \(a part with a placeholder vendor name counted as a vendor of its own\): /u);
  });

  it("lists the finding's vendors as its reasons count them: a placeholder once per part, one name per vendor key", () => {
    const history = Array.from({ length: 12 }, (_, i) => ({ id: `H${i}`, buyer: 'Direct Services', vendor: i % 2 ? 'Redacted, personal data' : 'Acme Ltd', date: `2015-0${(i % 9) + 1}-10`, amount: '1200', currency: 'GBP' }));
    const quotes = { thresholds: [{ id: 'quotes', amount: '5000', currency: 'GBP', procedure: 'three written quotes' }], minScore: 0 };
    const redacted = ['R1', 'R2'].map((id) => ({ id, buyer: 'Direct Services', vendor: 'Redacted, personal data', date: '2015-10-01', amount: '4900', currency: 'GBP' }));
    const [f] = detectSplits([...history, ...redacted], quotes).findings.filter((x) => x.recordIds.includes('R1'));
    expect(f?.vendors).toEqual(['Redacted, personal data', 'Redacted, personal data']);
    expect(reason(f as Finding, 'vendorConcentration')).toMatch(/; 2 vendors in all, counting each/u);
    // Two spellings of one vendor are one vendor, named as first written.
    const spelled = [
      { id: 'S1', buyer: 'Direct Services', vendor: 'ACME LTD', date: '2015-11-02', amount: '2600', currency: 'GBP' },
      { id: 'S2', buyer: 'Direct Services', vendor: 'Acme Limited', date: '2015-11-03', amount: '2600', currency: 'GBP' },
    ];
    const [g] = detectSplits([...history, ...spelled], quotes).findings.filter((x) => x.recordIds.includes('S1'));
    expect(g?.vendors).toEqual(['ACME LTD']);
    expect(reason(g as Finding, 'vendorConcentration')).toBe('All parts went to the same vendor.');
  });

  it("leaves the ledger's gaps out of the buyer's rate, and says so", () => {
    // One March a year, as a folder of one monthly extract per year gives.
    const month = (year: number) => Array.from({ length: 40 }, (_, i) => ({ id: `${year}-${i}`, buyer: 'Water', vendor: `V${i % 9}`, date: `${year}-03-${String((i % 28) + 1).padStart(2, '0')}`, amount: String(500 + 37 * i), currency: 'CAD' }));
    const records = [...month(2011), ...month(2012), ...month(2013), ...month(2014), { id: 'P1', buyer: 'Water', vendor: 'Pumps Inc', date: '2014-03-30', amount: '2900', currency: 'CAD' }, { id: 'P2', buyer: 'Water', vendor: 'Pumps Inc', date: '2014-03-30', amount: '2950', currency: 'CAD' }];
    const card = getPreset('pcard', { limit: '3000', currency: 'CAD' });
    const f = detectSplits(records, card).findings.find((x) => x.recordIds.includes('P1')) as Finding;
    // 2011-03-01 to 2014-03-30 is 1,126 days, of which the 3 × 337 + 1 = 1,012 days from a March 29
    // to the next March 1 hold no record: 114 days covered, 160 purchases in them.
    expect(reason(f, 'buyerRate')).toMatch(/^Besides these parts, the buyer made 160 purchases of a part's size \(up to 3,000\.00 CAD\) in the 114 days that the ledger covers from its first purchase to its last \(1,012 days between them hold no record of any buyer and are left out\): at that rate about 1\.4 fall within 1 day/u);
  });

  it("says which of a rate's minimums the buyer falls short of", () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ id: `R${i}`, buyer: 'Parks', vendor: `V${i}`, date: `2014-11-${String((i % 28) + 1).padStart(2, '0')}`, amount: String(1000 + i), currency: 'CNY' }));
    records.push({ id: 'P1', buyer: 'Parks', vendor: 'Sign Co', date: '2014-11-29', amount: '190000', currency: 'CNY' }, { id: 'P2', buyer: 'Parks', vendor: 'Sign Co', date: '2014-11-30', amount: '195000', currency: 'CNY' });
    const f = detectSplits(records, options('atOrAbove')).findings.find((x) => x.recordIds.includes('P1')) as Finding;
    expect(reason(f, 'buyerRate')).toBe("Not compared with the buyer's own purchase rate: its purchases span only 30 days (a rate needs at least 30 other purchases over at least 90 days).");
  });
});

describe("the buyer's bunching in a finding's reasons", () => {
  it('reports the test of the buyer at the threshold the finding crosses, in the words of its comparison', () => {
    // 600 purchases spread evenly on the log scale from 400 to 2,500, then 60 more just under 1,000.
    const records: PurchaseRecordInput[] = [];
    for (let i = 0; i < 600; i++) {
      const amount = (400 * Math.exp((Math.log(2500 / 400) * (i + 0.5)) / 600)).toFixed(2);
      records.push({ id: `R${i}`, buyer: 'Bunched Office', vendor: `V${i % 7}`, date: `2014-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`, amount, currency: 'CNY' });
    }
    for (let i = 0; i < 60; i++) records.push({ id: `X${i}`, buyer: 'Bunched Office', vendor: 'Only Co', date: '2014-06-30', amount: String(950 + i), currency: 'CNY' });
    for (const comparison of ['atOrAbove', 'above'] as const) {
      const result = detectSplits(records, { thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation', comparison }], minScore: 0, maxParts: 100 });
      const test = result.buyers[0]?.bunching[0];
      expect(test?.applicable && test.z > 3).toBe(true);
      if (!test?.applicable) continue;
      // The 60 purchases of one day are one cluster (maxParts raised so it is no large run); its runs hold some of them.
      const f = result.findings.find((x) => x.recordIds.some((id) => id.startsWith('X'))) as Finding;
      const r = f.reasons.find((x) => x.code === 'buyerBunching');
      expect(r?.value).toBe(test.z);
      expect(r?.strength).toBe(1);
      expect(r?.weight).toBe(DEFAULT_WEIGHTS.buyerBunching);
      expect(r?.message).toBe(
        `Across its ledger, the buyer's purchases bunch under this limit: ${test.observed} of its ${test.sample} purchases in force for the limit lie within 10% ${comparison === 'above' ? 'at or below' : 'below'} it, ` +
          `where the rest of its amounts predict ${test.expected.toFixed(1)} (z = ${test.z.toFixed(1)}, one-sided p < 0.001).`,
      );
    }
  });
});
