/**
 * The month-over-month review on the seeds, end to end at the library level (docs/review.md):
 * scan → decide → rescan with one more month → apply the decisions → what changed.
 * The expectations come from the seed design (seeds/README.md), not from a run.
 */
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { buyerCoverage } from '../../src/review/coverage.js';
import { decisionsTemplate, decisionsToCsv, readDecisions } from '../../src/review/decisions.js';
import { diffReports, formatDiff } from '../../src/review/diff.js';
import { flagRates } from '../../src/review/flagRates.js';
import { toHtml } from '../../src/review/html.js';
import { SEED_OPTIONS, scanSeeds } from './_seeds.js';

const SIGNAGE = ['121', '123', '127', '129', '130', '132'];

describe('scan → decide → rescan with one more month → diff, on the seeds', () => {
  const november = scanSeeds(['chengxi-2014.csv']).report;
  const january = scanSeeds(['chengxi-2014.csv', 'chengxi-2015-01.csv']);

  it('the first scan finds the November signage split', () => {
    expect(november.findings.map((f) => f.recordIds)).toEqual([SIGNAGE]);
  });

  it('carries the reviewer\'s decision to the grown finding and shows what changed', () => {
    // The reviewer fills in the template and keeps it as the register (CSV, edited in a spreadsheet).
    const template = decisionsTemplate(november);
    expect(template.map((d) => d.records)).toEqual([SIGNAGE]);
    const register = decisionsToCsv(template.map((d) => ({ ...d, status: 'confirmed' as const, reviewer: '王立', date: '2015-01-12', note: 'one signage requirement, referred to the review panel' })));

    const decided = applyDecisions(january.report, readDecisions(register));
    const signage = decided.findings.find((f) => f.recordIds.includes('121'));
    expect(signage?.recordIds).toEqual([...SIGNAGE, '149']);
    expect(signage?.status).toBe('confirmed');
    expect(signage?.decision).toMatchObject({ link: 'overlap', changed: true, added: ['149'], removed: [], reviewer: '王立', finding: november.findings[0]?.id });
    const plan = decided.findings.find((f) => f.recordIds.includes('152'));
    expect(plan?.recordIds).toEqual(['142', '152']);
    expect(plan?.total).toBe('344000.00');
    expect(plan?.status).toBe('open');
    expect(decided.decisions.counts).toEqual({ open: 1, confirmed: 1, dismissed: 0, exempt: 0 });
    expect(decided.decisions.changed).toBe(1);
    expect(decided.decisions.unmatched).toEqual([]);

    const diff = diffReports(november, decided);
    expect(diff.new.map((f) => f.recordIds)).toEqual([['142', '152']]);
    expect(diff.changed.map((c) => [c.before.recordIds, c.after.recordIds.length, c.added, c.removed])).toEqual([[SIGNAGE, 7, ['149'], []]]);
    expect(diff.gone).toEqual([]);
    expect(diff.persisting).toEqual([]);
    expect(diff.totals.new.amount).toEqual({ CNY: '344000.00' });
    expect(diff.totals.changed.amount).toEqual({ CNY: '1832200.00' });
    expect(formatDiff(diff, 'md')).toContain('| New | 1 | 344,000.00 CNY |');

    // Next month's lines to append to the register: only the finding nobody has decided yet.
    expect(decisionsTemplate(decided).map((d) => d.records)).toEqual([['142', '152']]);

    const html = toHtml(decided, { coverage: buyerCoverage(january.records, SEED_OPTIONS) });
    expect(html).toContain('1 finding changed since the decision (records added or removed, or another total): look again.');
  });

  it('counts as not applicable only the January rows no 2014 window reaches: none is in force in 2015', () => {
    const [zone] = buyerCoverage(january.records, SEED_OPTIONS);
    // A run begun on 2014-12-31 reaches 2015-01-29 in its 30 days (the signage part of 2015-01-06
    // is in a finding): of the 18 rows dated 2015, only the one of 2015-01-30 is judged by no threshold.
    expect(zone?.notApplicable.noThreshold).toBe(1);
    expect(zone?.records).toBe(january.records.length);
    const rates = flagRates(january.report, zone ? [zone] : []);
    expect(rates.buyers[0]?.flagged).toBe(9);
    expect(rates.buyers[0]?.flaggedSpend).toBe('2176200.00');
    expect(rates.warnings).toEqual([]);
  });
});
