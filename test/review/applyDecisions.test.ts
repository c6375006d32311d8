import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../src/errors.js';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { DECISION_STATUSES, type Decision } from '../../src/review/decisions.js';
import { runs } from '../helpers/runs.js';
import { makeReport } from './_reports.js';

const report = makeReport([
  { id: 'FA', recordIds: ['1', '2', '3'] },
  { id: 'FB', recordIds: ['4', '5'] },
  { id: 'FC', recordIds: ['6', '7'] },
  { id: 'FD', recordIds: ['8', '9'] },
]);

describe('applyDecisions', () => {
  it('carries decisions by id, follows a changed finding by its records, keeps dismissed apart and counts', () => {
    const decided = applyDecisions(report, [
      { finding: 'FA', status: 'confirmed', records: ['1', '2', '3'], reviewer: 'Wang', date: '2015-01-12' },
      { finding: 'OLD-B', status: 'dismissed', records: ['4'], reviewer: 'Li', note: 'pool call-off' },
      { finding: 'FC', status: 'exempt', records: ['6', '7'] },
      { finding: 'GONE', status: 'confirmed', records: ['99'] },
    ]);
    expect(decided.findings.map((f) => [f.id, f.status])).toEqual([
      ['FA', 'confirmed'],
      ['FC', 'exempt'],
      ['FD', 'open'],
    ]);
    expect(decided.dismissed.map((f) => f.id)).toEqual(['FB']);
    const b = decided.dismissed[0];
    expect(b?.decision).toEqual({ finding: 'OLD-B', status: 'dismissed', records: ['4'], reviewer: 'Li', note: 'pool call-off', link: 'overlap', changed: true, added: ['5'], removed: [] });
    expect(decided.findings[0]?.decision?.changed).toBe(false);
    expect(decided.findings[2]?.decision).toBeUndefined();
    expect(decided.decisions.counts).toEqual({ open: 1, confirmed: 1, dismissed: 1, exempt: 1 });
    expect(decided.decisions.undecided).toBe(1);
    expect(decided.decisions.changed).toBe(1);
    expect(decided.decisions.unmatched).toEqual([{ decision: { finding: 'GONE', status: 'confirmed', records: ['99'] }, reason: 'gone' }]);
    expect(decided.decisions.partial).toBe(false);
    // The rest of the report is untouched.
    expect(decided.summary).toEqual(report.summary);
  });

  describe('decisions about findings that merged into one', () => {
    // Two findings decided apart (records 1, 2 and 3, 4) are one finding now (a wider window).
    const merged = makeReport([{ id: 'FM', recordIds: ['1', '2', '3', '4'] }]);
    const earlier = (a: Decision['status'], b: Decision['status']): Decision[] => [
      { finding: 'F12', status: a, records: ['1', '2'], reviewer: 'Wang' },
      { finding: 'F34', status: b, records: ['3', '4'], reviewer: 'Li' },
    ];

    it('show the finding open, naming both, when they disagree: a confirmed split never hides as dismissed', () => {
      for (const [a, b] of [['dismissed', 'confirmed'], ['confirmed', 'dismissed'], ['exempt', 'dismissed']] as const) {
        const decided = applyDecisions(merged, earlier(a, b));
        expect(decided.dismissed).toEqual([]);
        const f = decided.findings[0];
        expect(f?.status).toBe('open');
        expect(f?.decision).toBeUndefined();
        expect(f?.conflict?.map((d) => [d.finding, d.status, d.link, d.added])).toEqual([
          ['F12', a, 'overlap', ['3', '4']],
          ['F34', b, 'overlap', ['1', '2']],
        ]);
        expect(decided.decisions).toMatchObject({ counts: { open: 1, confirmed: 0, dismissed: 0, exempt: 0 }, conflicts: 1, undecided: 0, unmatched: [] });
      }
    });

    it('give the finding their status when they agree, the other decision listed with it, none unmatched', () => {
      const decided = applyDecisions(merged, earlier('dismissed', 'dismissed'));
      const f = decided.dismissed[0];
      expect(f?.status).toBe('dismissed');
      expect(f?.conflict).toBeUndefined();
      expect([f?.decision?.finding, ...(f?.merged ?? []).map((d) => d.finding)]).toEqual(['F12', 'F34']);
      expect(decided.decisions).toMatchObject({ conflicts: 0, changed: 1, unmatched: [] });
      // An open decision beside a concluded one is no disagreement.
      expect(applyDecisions(merged, earlier('open', 'confirmed')).findings[0]).toMatchObject({ status: 'confirmed', decision: { finding: 'F34' } });
    });

    it('give way to a decision made about the finding under its own id, once it concludes', () => {
      const own = (status: Decision['status']): Decision => ({ finding: 'FM', status, records: ['1', '2', '3', '4'] });
      const resolved = applyDecisions(merged, [...earlier('dismissed', 'confirmed'), own('confirmed')]);
      expect(resolved.findings[0]).toMatchObject({ status: 'confirmed', decision: { finding: 'FM', link: 'id', changed: false } });
      expect(resolved.findings[0]?.merged?.map((d) => d.finding)).toEqual(['F12', 'F34']);
      expect(resolved.decisions.conflicts).toBe(0);
      // Its line still open (the template's): the disagreement stands, and the finding keeps that line.
      const pending = applyDecisions(merged, [...earlier('dismissed', 'confirmed'), own('open')]);
      expect(pending.findings[0]).toMatchObject({ status: 'open', decision: { finding: 'FM', status: 'open' } });
      expect(pending.findings[0]?.conflict?.map((d) => d.finding)).toEqual(['F12', 'F34']);
    });
  });

  it('never applies a decision to a finding of another buyer than the one it names', () => {
    const two = makeReport([
      { id: 'FP', recordIds: ['1', '2'], buyer: 'Parks' },
      { id: 'FR', recordIds: ['3', '4'], buyer: 'Roads' },
    ]);
    const decided = applyDecisions(two, [
      // Record 3 is now a Roads purchase: the Parks decision is about another purchase that had its id.
      { finding: 'OLD', status: 'dismissed', records: ['2', '3', '9'], buyer: 'Parks' },
      { finding: 'FR', status: 'confirmed', records: ['3', '4'], buyer: 'Parks' },
    ]);
    expect(decided.findings.map((f) => [f.id, f.status, f.decision?.finding])).toEqual([['FR', 'open', undefined]]);
    expect(decided.dismissed.map((f) => [f.id, f.decision?.finding, f.decision?.link])).toEqual([['FP', 'OLD', 'overlap']]);
    expect(decided.decisions.unmatched.map((u) => [u.decision.finding, u.reason])).toEqual([['FR', 'gone']]);
  });

  it('gives the same result for decisions in any order, and again when applied to its own result', () => {
    const decisionArb = fc.record({
      finding: fc.constantFrom('FA', 'FB', 'FC', 'X1', 'X2', 'X3'),
      status: fc.constantFrom(...DECISION_STATUSES),
      records: fc.uniqueArray(fc.integer({ min: 1, max: 11 }).map(String), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(decisionArb, { selector: (d) => d.finding, maxLength: 6 }), (decisions: Decision[]) => {
        const a = applyDecisions(report, decisions);
        const b = applyDecisions(report, [...decisions].reverse());
        expect(b).toEqual(a);
        expect(applyDecisions(a, decisions)).toEqual(a);
        const all = [...a.findings, ...a.dismissed];
        expect(all).toHaveLength(report.findings.length);
        expect(Object.values(a.decisions.counts).reduce((x, y) => x + y, 0)).toBe(report.findings.length);
        // Every decision is in one place: a finding's own, merged into it, in its conflict, or unmatched.
        const placed = all.flatMap((f) => [...(f.decision ? [f.decision.finding] : []), ...(f.merged ?? []).map((d) => d.finding), ...(f.conflict ?? []).map((d) => d.finding)]);
        expect([...placed, ...a.decisions.unmatched.map((u) => u.decision.finding)].sort()).toEqual(decisions.map((d) => d.finding).sort());
        for (const f of all) {
          if (f.decision) expect(f.status).toBe(f.conflict ? 'open' : f.decision.status);
          // Dismissed only by a dismissal under its own id, or when no concluded decision about it says otherwise.
          const concluded = [f.decision, ...(f.merged ?? []), ...(f.conflict ?? [])].filter((d) => d !== undefined && d.status !== 'open');
          if (f.status === 'dismissed') expect(f.decision?.link === 'id' || concluded.every((d) => d?.status === 'dismissed')).toBe(true);
          if (f.conflict) expect(new Set(f.conflict.map((d) => d.status)).size).toBeGreaterThan(1);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('tells decisions about findings the report does not show (cut by top, under minScore) from gone ones', () => {
    const hidden = [
      { id: 'FE', buyer: 'City Hall', recordIds: ['10', '11'], score: 0.4, rank: 5, why: 'top' as const },
      { id: 'FL', buyer: 'City Hall', recordIds: ['12', '13', '14'], score: 0.1, why: 'minScore' as const },
    ];
    const decided = applyDecisions(
      report,
      [
        { finding: 'FE', status: 'confirmed', records: ['10', '11'] },
        // Shares a record with a finding shown, and more with one not shown: it is the one not shown.
        { finding: 'OLD-L', status: 'dismissed', records: ['9', '12', '13'] },
        { finding: 'GONE', status: 'exempt', records: ['99'] },
      ],
      { notShown: hidden },
    );
    expect(decided.decisions.unmatched).toEqual([
      { decision: { finding: 'FE', status: 'confirmed', records: ['10', '11'] }, reason: 'top', finding: 'FE', rank: 5 },
      { decision: { finding: 'GONE', status: 'exempt', records: ['99'] }, reason: 'gone' },
      { decision: { finding: 'OLD-L', status: 'dismissed', records: ['9', '12', '13'] }, reason: 'minScore', finding: 'FL', score: 0.1 },
    ]);
    expect(decided.findings.find((f) => f.id === 'FD')?.decision).toBeUndefined();
    expect(decided.decisions.partial).toBe(false);
  });

  it('marks the decisions of a report cut by top as partial', () => {
    const cut = { ...report, summary: { ...report.summary, findings: 10 } };
    expect(applyDecisions(cut, []).decisions.partial).toBe(true);
  });

  it('throws an OptionsError for an invalid decision or two decisions about one finding', () => {
    expect(() => applyDecisions(report, [{ finding: 'FA', status: 'maybe' as never, records: ['1'] }])).toThrow(OptionsError);
    expect(() => applyDecisions(report, [{ finding: 'FA', status: 'open', records: [] }])).toThrow(/options\.decisions\.0\.records/u);
    expect(() =>
      applyDecisions(report, [
        { finding: 'FA', status: 'open', records: ['1'] },
        { finding: 'FA', status: 'confirmed', records: ['1'] },
      ]),
    ).toThrow(/decisions 0 and 1 both decide finding FA/u);
  });
});
