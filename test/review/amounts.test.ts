/**
 * A finding whose records stay but whose amounts change (a corrected ledger, another exchange
 * rate): the decision made at the old total asks for a new look, and `diffReports` calls the
 * finding changed, saying what changed. Its id, a fingerprint of threshold and records, does not.
 */
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { decisionsTemplate, type Decision } from '../../src/review/decisions.js';
import { diffReports, formatDiff } from '../../src/review/diff.js';
import { reviewLine } from '../../src/io/write/reviewWords.js';
import { makeReport } from './_reports.js';

const v1 = makeReport([{ recordIds: ['1', '2'], amount: '2550.00', currency: 'EUR' }]);
const v2 = makeReport([{ recordIds: ['1', '2'], amount: '4990.00', currency: 'EUR' }]);

describe('a decision made at another total', () => {
  const [line] = decisionsTemplate(v1) as [Decision];
  const dismissed: Decision = { ...line, status: 'dismissed', reviewer: 'auditor', note: 'marginal: 100 EUR over' };

  it('keeps its status, marks the finding changed with the total then and now, and counts it', () => {
    expect(v2.findings[0]?.id).toBe(v1.findings[0]?.id);
    const decided = applyDecisions(v2, [dismissed]);
    const f = decided.dismissed[0];
    expect(f?.status).toBe('dismissed');
    expect(f?.decision).toMatchObject({ link: 'id', changed: true, added: [], removed: [], totalChange: { before: '5100.00', after: '9980.00', currency: 'EUR' } });
    expect(decided.decisions.changed).toBe(1);
    expect(reviewLine(f ?? {}, (s) => s)).toBe('dismissed by auditor: marginal: 100 EUR over; changed since the decision: total 5,100.00 → 9,980.00 EUR');
  });

  it('is not changed at the same total, written otherwise (5100, 5,100.00, 5100,00), nor without a total', () => {
    for (const total of ['5100', '5100.00', '5,100.00', '5100,00', ' 5100.0 ']) {
      expect(applyDecisions(v1, [{ ...dismissed, total }]).dismissed[0]?.decision?.changed, total).toBe(false);
    }
    const { total: _t, ...noTotal } = dismissed;
    expect(applyDecisions(v2, [noTotal]).dismissed[0]?.decision?.changed).toBe(false);
    // A total that reads two ways (5,100: five thousand, or five point one) is not compared.
    expect(applyDecisions(v2, [{ ...dismissed, total: '5,100' }]).dismissed[0]?.decision?.totalChange).toBeUndefined();
  });

  it('in another currency is changed, naming both currencies', () => {
    const d = applyDecisions(v1, [{ ...dismissed, currency: 'USD' }]).dismissed[0]?.decision;
    expect(d?.totalChange).toEqual({ before: '5100.00', after: '5100.00', currency: 'EUR', currencyBefore: 'USD' });
    expect(reviewLine({ status: 'dismissed', ...(d ? { decision: d } : {}) }, (s) => s)).toContain('total 5,100.00 USD → 5,100.00 EUR');
  });

  it('goes with records that changed too: added, and the total', () => {
    const grown = makeReport([{ recordIds: ['1', '2', '3'], amount: '2550.00', currency: 'EUR' }]);
    const f = applyDecisions(grown, [{ ...line, status: 'confirmed' }]).findings[0];
    expect(reviewLine(f ?? {}, (s) => s)).toBe('confirmed; changed since the decision: added 3, total 5,100.00 → 7,650.00 EUR');
  });
});

describe('diffReports of a finding at other amounts', () => {
  it('is changed, not persisting: the total before and after and each record whose amount changed', () => {
    const diff = diffReports(v1, v2);
    expect(diff.persisting).toEqual([]);
    expect(diff.changed).toHaveLength(1);
    const c = diff.changed[0];
    expect([c?.before.total, c?.after.total, c?.added, c?.removed]).toEqual(['5100.00', '9980.00', [], []]);
    expect(c?.amounts).toEqual([
      { id: '1', before: '2550.00', after: '4990.00', currency: 'EUR' },
      { id: '2', before: '2550.00', after: '4990.00', currency: 'EUR' },
    ]);
    expect(diff.totals.changed).toEqual({ findings: 1, amount: { EUR: '9980.00' } });
    const md = formatDiff(diff, 'md');
    expect(md).toContain('| Persisting | 0 | – |');
    expect(md).toContain('| 5,100.00 → 9,980.00 EUR |  |  | 1: 2,550.00 → 4,990.00 EUR; 2: 2,550.00 → 4,990.00 EUR |');
    expect(formatDiff(diff, 'html')).toContain('<td>1: 2,550.00 → 4,990.00 EUR; 2: 2,550.00 → 4,990.00 EUR</td>');
    // The same amounts: persisting.
    expect(diffReports(v2, v2).persisting).toHaveLength(1);
  });

  it('shows a decided finding as changed since its decision', () => {
    const decided = applyDecisions(v2, [{ ...(decisionsTemplate(v1)[0] as Decision), status: 'dismissed' }]);
    expect(formatDiff(diffReports(v1, decided), 'md')).toContain('dismissed (changed since decision)');
  });
});
