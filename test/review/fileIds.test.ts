/**
 * Record ids prefixed with their file when another file read in the same run has the same ids
 * (`1` alone, `jan.csv:1` with `feb.csv`): decisions and diffs recognise the same purchases, when
 * only one record can be meant, and say so; when several can, they match none and say why.
 */
import { describe, expect, it } from 'vitest';
import type { ReportFinding, ScanReport } from '../../src/io/write/scanReport.js';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { decisionsTemplate, type Decision } from '../../src/review/decisions.js';
import { diffReports } from '../../src/review/diff.js';
import { makeFinding, makeReport } from './_reports.js';

/** A report of findings read from `files` (its provenance's inputs), each part in the file given. */
function filed(files: readonly string[], findings: readonly { ids: readonly string[]; file?: string; amount?: string }[]): ScanReport {
  const made = findings.map((f, i): ReportFinding => {
    const base = makeFinding({ recordIds: f.ids, currency: 'EUR', ...(f.amount !== undefined ? { amount: f.amount } : {}) }, i + 1);
    return { ...base, parts: base.parts.map((p) => ({ ...p, ...(f.file !== undefined ? { file: f.file } : {}) })) };
  });
  return makeReport([], { findings: made, summary: { ...makeReport([]).summary, findings: made.length, shown: made.length }, provenance: { inputs: files.map((file) => ({ file })) } as unknown as NonNullable<ScanReport['provenance']> });
}

const jan = filed(['data/jan.csv'], [{ ids: ['1', '2'] }]);
const janFeb = filed(['data/jan.csv', 'data/feb.csv'], [{ ids: ['jan.csv:1', 'jan.csv:2'], file: 'data/jan.csv' }]);
const confirmed: Decision = { ...(decisionsTemplate(jan)[0] as Decision), status: 'confirmed' };

describe('applyDecisions, when a file read with others prefixes the ids', () => {
  it('applies the decision to the same purchases, unchanged, naming the ids it read otherwise', () => {
    const decided = applyDecisions(janFeb, [confirmed]);
    expect(decided.decisions.unmatched).toEqual([]);
    expect(decided.findings[0]?.status).toBe('confirmed');
    expect(decided.findings[0]?.decision).toMatchObject({ link: 'overlap', changed: false, added: [], removed: [], renamed: [{ from: '1', to: 'jan.csv:1' }, { from: '2', to: 'jan.csv:2' }] });
  });

  it('and back: a decision written with prefixed ids applies to a run of its file alone', () => {
    const decided = applyDecisions(jan, [{ ...(decisionsTemplate(janFeb)[0] as Decision), status: 'exempt' }]);
    expect(decided.findings[0]?.decision).toMatchObject({ status: 'exempt', changed: false, renamed: [{ from: 'jan.csv:1', to: '1' }, { from: 'jan.csv:2', to: '2' }] });
  });

  it('matches no finding when the ids are in several files of the run, and says which', () => {
    const both = filed(['jan.csv', 'feb.csv'], [{ ids: ['jan.csv:1', 'jan.csv:2'], file: 'jan.csv' }, { ids: ['feb.csv:1', 'feb.csv:2'], file: 'feb.csv' }]);
    const decided = applyDecisions(both, [confirmed]);
    expect(decided.decisions.counts.confirmed).toBe(0);
    expect(decided.decisions.unmatched).toEqual([
      { decision: confirmed, reason: 'gone', ambiguous: [{ record: '1', candidates: ['feb.csv:1', 'jan.csv:1'] }, { record: '2', candidates: ['feb.csv:2', 'jan.csv:2'] }] },
    ]);
    // Written with its file, it applies.
    expect(applyDecisions(both, [{ ...confirmed, records: ['jan.csv:1', 'jan.csv:2'] }]).findings.find((f) => f.status === 'confirmed')?.recordIds).toEqual(['jan.csv:1', 'jan.csv:2']);
  });

  it('leaves ids that merely contain a colon as they are', () => {
    const colon = filed(['a.csv'], [{ ids: ['x:1', 'x:2'] }]);
    const d = applyDecisions(colon, [{ finding: 'OLD', status: 'confirmed', records: ['1', '2'] }]);
    expect(d.decisions.unmatched.map((u) => u.reason)).toEqual(['gone']);
  });
});

describe('diffReports, when a file read with others prefixes the ids', () => {
  it('finds the same finding persisting, with a renamed_ids warning', () => {
    const diff = diffReports(jan, janFeb);
    expect([diff.new.length, diff.changed.length, diff.gone.length, diff.persisting.length]).toEqual([0, 0, 0, 1]);
    expect(diff.warnings.map((w) => w.code)).toEqual(['renamed_ids']);
    expect(diff.warnings[0]?.message).toContain('1 → jan.csv:1, 2 → jan.csv:2');
  });

  it('tells the files apart: another file\'s records with the same own ids are not the same purchases', () => {
    const feb = filed(['data/jan.csv', 'data/feb.csv'], [{ ids: ['feb.csv:1', 'feb.csv:2'], file: 'data/feb.csv' }]);
    const diff = diffReports(jan, feb);
    expect([diff.new.length, diff.changed.length, diff.gone.length, diff.persisting.length]).toEqual([1, 0, 1, 0]);
    expect(diff.warnings).toEqual([]);
  });

  it('says nothing when no id changed form', () => {
    expect(diffReports(jan, jan).warnings).toEqual([]);
  });
});
