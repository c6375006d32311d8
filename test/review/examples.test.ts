/**
 * The doc-comment examples of src/review, run: each case quotes its example and expects the value
 * the comment shows after `//=>` (the seed figures come from the ledger itself: 146 data rows, of
 * which 10 were bought by 定点采购, 协议供货 or 公开招标).
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/review/_html.js';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { buyerCoverage } from '../../src/review/coverage.js';
import { decisionsTemplate, decisionsToCsv, readDecisions } from '../../src/review/decisions.js';
import { diffReports } from '../../src/review/diff.js';
import { flagRates } from '../../src/review/flagRates.js';
import { toHtml } from '../../src/review/html.js';
import { makeReport } from './_reports.js';
import { SEED_OPTIONS, readSeeds, scanSeeds } from './_seeds.js';

describe('src/review doc-comment examples', () => {
  it('escapeHtml, decisionsToCsv', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;');
    expect(decisionsToCsv([{ finding: 'F0011223344556677', status: 'open', records: ['121', '123'] }])).toBe(
      'finding_id,status,reviewer,date,note,record_ids,buyer,threshold_id,total,currency\r\nF0011223344556677,open,,,,121; 123,,,,\r\n',
    );
  });

  it('applyDecisions, diffReports, toHtml on the seeds', () => {
    const november = scanSeeds(['chengxi-2014.csv']).report;
    const january = scanSeeds(['chengxi-2014.csv', 'chengxi-2015-01.csv']);
    const csvText = decisionsToCsv(decisionsTemplate(november).map((d) => ({ ...d, status: 'confirmed' as const })));
    const decided = applyDecisions(january.report, readDecisions(csvText));
    expect(decided.decisions.counts).toEqual({ open: 1, confirmed: 1, dismissed: 0, exempt: 0 });
    const diff = diffReports(november, january.report);
    expect([diff.new.length, diff.changed.length, diff.gone.length]).toEqual([1, 1, 0]);
    expect(toHtml(decided, { coverage: buyerCoverage(january.records, SEED_OPTIONS) }).startsWith('<!doctype html>')).toBe(true);
  });

  it('buyerCoverage on the 2014 seed', () => {
    const [zone] = buyerCoverage(readSeeds('chengxi-2014.csv').records, SEED_OPTIONS);
    expect([zone?.records, zone?.assessed, zone?.notApplicable.excluded]).toEqual([146, 136, 10]);
  });

  it('flagRates', () => {
    const report = makeReport([{ recordIds: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], buyer: 'Water Board' }]);
    const coverage = [{ buyer: 'Water Board', currency: 'CNY', records: 30, assessed: 30, assessedSpend: '100000.00', notApplicable: { noThreshold: 0, currency: 0, excluded: 0, tooFewRecords: 0 }, histograms: [] }];
    expect(flagRates(report, coverage).warnings[0]?.message.startsWith('Water Board: findings hold 33% of its 30 assessed purchases (10), above the 25% warning rate: ')).toBe(true);
  });
});
