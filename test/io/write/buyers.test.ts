/**
 * The report's `buyers` section (issue 11: the buyer-level bunching test per buyer): which buyers
 * are listed, in which order, how the Markdown report shows them; and the reasons against
 * splitting marked as such in the Markdown and table formats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGAINST_CODES, REASON_CODES } from '../../../src/options/reasons.js';
import { normalizeText } from '../../../src/records/normalize.js';
import type { Finding } from '../../../src/report/finding.js';
import type { BuyerStats } from '../../../src/score/baseline.js';
import type { BunchingTest } from '../../../src/score/bunching.js';
import { formatReport } from '../../../src/io/write/formats.js';
import { buildReport, type ReportBuyer } from '../../../src/io/write/scanReport.js';
import { compareText } from '../../../src/_lib/order.js';
import { runs } from '../../helpers/runs.js';

const finding: Finding = {
  id: 'f1', buyer: 'B', recordIds: ['1', '2'],
  parts: [
    { id: '1', index: 0, date: '2014-11-04', vendor: 'V', amount: '2900', currency: 'CAD', converted: '2900' },
    { id: '2', index: 1, date: '2014-11-04', vendor: 'V', amount: '2800', currency: 'CAD', converted: '2800' },
  ],
  vendors: ['V'], total: '5700.00', currency: 'CAD',
  threshold: { id: 'LIMIT', amount: '3000', currency: 'CAD', procedure: 'a tender', comparison: 'above' },
  start: '2014-11-04', end: '2014-11-04', spanDays: 0, score: 0.6,
  reasons: [
    { code: 'justBelow', value: 1, strength: 1, weight: 2, message: 'all parts just below' },
    { code: 'perPersonCharges', value: 2, strength: 0.8, weight: 1, message: 'one charge per traveller' },
    { code: 'documentLines', value: 0, strength: 0, weight: 1, message: 'no document' },
  ],
  explanation: 'Bought together, 5,700.00 CAD would have required a tender.',
};

const applicable = (threshold: string, p: number): BunchingTest => ({ threshold, sample: 400, observed: 30, below: 40, above: 20, applicable: true, expected: 12.5, ratio: 2.4, z: 3.1, p });
const notApplicable = (threshold: string): BunchingTest => ({ threshold, sample: 20, observed: 1, below: 2, above: 0, applicable: false, why: 'the buyer has 20 purchases in force for this threshold; the test needs at least 200' });

/** Buyer names, some equal as detection compares them (case, spaces). */
const NAMES = ['Parks', 'PARKS ', 'Water', 'water', 'Fire', 'Clerk', '*Audit* | <b>'];

/** Buyers as detection reports them: one per buyer key. */
const buyersArb = fc.uniqueArray(
  fc.record({
    buyer: fc.constantFrom(...NAMES),
    records: fc.nat(5000),
    tests: fc.array(fc.oneof(fc.constantFrom(0, 0.001, 0.5, 1).map((p) => applicable('LIMIT', p)), fc.constant(notApplicable('LIMIT'))), { maxLength: 2 }),
  }),
  { selector: (b) => normalizeText(b.buyer), maxLength: NAMES.length },
).map((list) => list.map((b): BuyerStats => ({ buyer: b.buyer, records: b.records, first: '2014-01-02', last: '2014-12-30', bunching: b.tests })));

const findingsArb = fc.array(fc.constantFrom(...NAMES).map((buyer): Finding => ({ ...finding, buyer })), { maxLength: 8 });

/** The smallest p of a buyer's applicable tests, Infinity without one. */
const minP = (b: BuyerStats): number => Math.min(...b.bunching.map((t) => (t.applicable ? t.p : Infinity)));

describe('the buyers section', () => {
  it('lists exactly the buyers with findings or an applicable bunching test, with their findings counted, strongest bunching first', () => {
    fc.assert(
      fc.property(buyersArb, findingsArb, (buyers, findings) => {
        const listed = buildReport({ findings, rejects: [], rows: 0, analysed: 0, buyers }).buyers as readonly ReportBuyer[];
        const count = (b: BuyerStats) => findings.filter((f) => normalizeText(f.buyer) === normalizeText(b.buyer)).length;
        const want = buyers.filter((b) => count(b) > 0 || b.bunching.some((t) => t.applicable));
        expect(new Set(listed.map((b) => b.buyer))).toEqual(new Set(want.map((b) => b.buyer)));
        for (const b of listed) expect(b.findings).toBe(count(b));
        for (let i = 1; i < listed.length; i++) {
          const [x, y] = [listed[i - 1] as ReportBuyer, listed[i] as ReportBuyer];
          const inOrder = minP(x) < minP(y) || (minP(x) === minP(y) && (x.findings > y.findings || (x.findings === y.findings && compareText(normalizeText(x.buyer), normalizeText(y.buyer)) < 0)));
          expect(inOrder, `${x.buyer} before ${y.buyer}`).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('does not depend on the order of the buyers or the findings', () => {
    fc.assert(
      fc.property(buyersArb, findingsArb, (buyers, findings) => {
        const a = buildReport({ findings, rejects: [], rows: 0, analysed: 0, buyers }).buyers;
        const b = buildReport({ findings: [...findings].reverse(), rejects: [], rows: 0, analysed: 0, buyers: [...buyers].reverse() }).buyers;
        expect(b).toEqual(a);
      }),
      { numRuns: runs(200) },
    );
  });

  it('is absent unless buyers are given, and shown in Markdown as one row per buyer, its text escaped', () => {
    expect(buildReport({ findings: [finding], rejects: [], rows: 2, analysed: 2 })).not.toHaveProperty('buyers');
    expect(formatReport(buildReport({ findings: [finding], rejects: [], rows: 2, analysed: 2 }), 'md')).not.toContain('## Buyers');
    const buyers: BuyerStats[] = [
      { buyer: '*Audit* | <b>', records: 250, first: '2014-01-02', last: '2014-12-30', bunching: [applicable('LIMIT', 0.0021)] },
      { buyer: 'B', records: 12, first: '2014-03-01', last: '2014-11-04', bunching: [notApplicable('LIMIT')] },
      { buyer: 'Quiet', records: 9, first: '2014-03-01', last: '2014-11-04', bunching: [notApplicable('LIMIT')] },
    ];
    const md = formatReport(buildReport({ findings: [finding], rejects: [], rows: 2, analysed: 2, buyers }), 'md');
    const section = md.slice(md.indexOf('## Buyers'));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| buyer'));
    expect(rows).toEqual([
      '| \\*Audit\\* \\| \\<b\\> | 250 | 2014-01-02 to 2014-12-30 | 0 | LIMIT: 30 in the band, 12.5 expected (ratio 2.40, z 3.10, p 0.0021) |',
      '| B | 12 | 2014-03-01 to 2014-11-04 | 1 | LIMIT: not tested (the buyer has 20 purchases in force for this threshold; the test needs at least 200) |',
    ]);
    expect(formatReport(buildReport({ findings: [], rejects: [], rows: 2, analysed: 2, buyers: [] }), 'md')).toContain('## Buyers\n\nBuyers with findings');
  });
});

describe('reasons against splitting', () => {
  const report = buildReport({ findings: [finding], rejects: [], rows: 2, analysed: 2 });

  it('are marked "against:" in Markdown, and only they', () => {
    const lines = formatReport(report, 'md').split('\n').filter((l) => /^- (against: )?\*\*/u.test(l));
    expect(lines).toHaveLength(finding.reasons.length);
    for (const l of lines) {
      const code = /\*\*(\w+)\*\*/u.exec(l)?.[1] as (typeof REASON_CODES)[number];
      expect(l.startsWith('- against: '), l).toBe((AGAINST_CODES as readonly string[]).includes(code));
    }
  });

  it('are listed in the table under their own heading, after the reasons it looks deliberate', () => {
    const table = formatReport(report, 'table');
    expect(table).toContain(['    why it looks deliberate:', '      - all parts just below (justBelow 1.00 × 2)', '    what speaks against it:', '      - one charge per traveller (perPersonCharges 0.80 × 1)'].join('\n'));
    expect(table).not.toContain('documentLines');
  });
});
