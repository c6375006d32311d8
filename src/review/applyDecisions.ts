/**
 * Carrying reviewers' decisions into a report: each finding gets the decision about it (by id, or
 * by shared records when it changed since), dismissed findings are kept apart, statuses counted.
 */
import { OptionsError } from '../errors.js';
import { optionIssues } from '../_lib/issues.js';
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';
import { allFindings, isPartial } from './_findings.js';
import { matchRecordSets } from './_match.js';
import { DECISION_STATUSES, decisionSchema, type Decision, type DecisionStatus, type DecisionsRead } from './decisions.js';

/** A decision as it applies to a finding of this run. */
export interface FindingDecision extends Decision {
  /** `id`: the finding still has the id it was decided under; `overlap`: it shares records with it. */
  readonly link: 'id' | 'overlap';
  /** True when the finding's records are no longer the ones decided on: it needs a second look. */
  readonly changed: boolean;
  /** Record ids the finding gained since the decision, sorted. */
  readonly added: readonly string[];
  /** Record ids it lost since the decision, sorted. */
  readonly removed: readonly string[];
}

/** A finding with its review status. */
export interface DecidedFinding extends ReportFinding {
  /** The decision's status, or `open` when the finding has none. */
  readonly status: DecisionStatus;
  readonly decision?: FindingDecision;
}

/** A decision that applies to no finding of the report. */
export interface UnmatchedDecision {
  readonly decision: Decision;
  /**
   * `replaced`: its records are in a finding that a newer decision (under the finding's current id)
   * covers; `gone`: none of its records is in a finding of this run (or, in a report cut by `top`,
   * of the findings shown).
   */
  readonly reason: 'replaced' | 'gone';
  /** For `replaced`: the finding now holding its records. */
  readonly finding?: string;
}

/** Counts of a review. */
export interface DecisionSummary {
  /** Findings per status (undecided findings count as `open`); they add up to all findings. */
  readonly counts: Readonly<Record<DecisionStatus, number>>;
  /** Findings with no decision at all. */
  readonly undecided: number;
  /** Findings whose records changed since their decision. */
  readonly changed: number;
  readonly unmatched: readonly UnmatchedDecision[];
  /** True when the report lists fewer findings than were found (`top`): some decisions may look gone. */
  readonly partial: boolean;
}

/** A report after {@link applyDecisions}. */
export interface DecidedReport extends Omit<ScanReport, 'findings'> {
  /** Findings not dismissed, in rank order. */
  readonly findings: readonly DecidedFinding[];
  /** Dismissed findings, kept apart, in rank order. */
  readonly dismissed: readonly DecidedFinding[];
  readonly decisions: DecisionSummary;
}

/**
 * Applies reviewers' decisions to a report. A decision applies to the finding with its id; a
 * decision whose finding id is gone applies to the finding sharing the most of its record ids (one
 * finding per decision, never one of another buyer than the decision names; ties go to the larger share of their union, then the smaller ids), and that
 * finding is marked `changed` with the records added and removed. Findings left without a decision
 * are `open`. Dismissed findings move to `dismissed`; every status is counted; decisions that apply
 * to nothing are listed, never dropped. The result does not depend on the order of the decisions.
 *
 * Runs in O(r + p log p) for r record ids in the findings and decisions, p overlapping pairs.
 *
 * @throws {OptionsError} when an entry of `decisions` is not a valid {@link Decision} or two entries
 * share a finding id (read files with `readDecisions`, which reports both as issues instead).
 * @example
 * // The seed's register with its one finding confirmed, applied to the same report (report: the
 * // seed's scan report, docs/examples.md):
 * const register = decisionsToCsv(decisionsTemplate(report)).replace(',open,', ',confirmed,')
 * const decided = applyDecisions(report, readDecisions(register))
 * decided.decisions.counts //=> { open: 0, confirmed: 1, dismissed: 0, exempt: 0 }
 * decided.findings[0].decision //=> { status: 'confirmed', link: 'id', changed: false, added: [], removed: [], … }
 */
export function applyDecisions(report: ScanReport | DecidedReport, decisions: readonly Decision[] | DecisionsRead): DecidedReport {
  const list = Array.isArray(decisions) ? (decisions as readonly Decision[]) : (decisions as DecisionsRead).decisions;
  checkDecisions(list);
  const findings = allFindings(report as { findings: readonly ReportFinding[]; dismissed?: readonly ReportFinding[] }).map(strip);
  const decided = list.map((d) => ({ id: d.finding, recordIds: d.records, buyer: d.buyer, decision: d }));
  const match = matchRecordSets(decided, findings);
  const byFinding = new Map<ReportFinding, FindingDecision>();
  for (const p of match.pairs) {
    const changed = p.added.length > 0 || p.removed.length > 0;
    byFinding.set(p.b, { ...p.a.decision, link: p.link, changed, added: p.added, removed: p.removed });
  }
  const out: DecidedFinding[] = findings.map((f) => {
    const decision = byFinding.get(f);
    return decision === undefined ? { ...f, status: 'open' } : { ...f, status: decision.status, decision };
  });
  out.sort((a, b) => a.rank - b.rank);

  const counts = Object.fromEntries(DECISION_STATUSES.map((s) => [s, 0])) as Record<DecisionStatus, number>;
  for (const f of out) counts[f.status]++;
  const holder = new Map<string, string>();
  for (const f of out) if (f.decision !== undefined) for (const r of f.recordIds) holder.set(r, f.id);
  const unmatched: UnmatchedDecision[] = match.onlyA
    .map((x): UnmatchedDecision => {
      const finding = x.recordIds.map((r) => holder.get(r)).find((id) => id !== undefined);
      return finding === undefined ? { decision: x.decision, reason: 'gone' } : { decision: x.decision, reason: 'replaced', finding };
    })
    .sort((a, b) => (a.decision.finding < b.decision.finding ? -1 : a.decision.finding > b.decision.finding ? 1 : 0));
  return {
    ...report,
    findings: out.filter((f) => f.status !== 'dismissed'),
    dismissed: out.filter((f) => f.status === 'dismissed'),
    decisions: {
      counts,
      undecided: out.filter((f) => f.decision === undefined).length,
      changed: out.filter((f) => f.decision?.changed).length,
      unmatched,
      partial: isPartial(report as ScanReport),
    },
  };
}

/** A finding without the review fields of an earlier `applyDecisions`. */
function strip(f: ReportFinding & { status?: unknown; decision?: unknown }): ReportFinding {
  if (f.status === undefined && f.decision === undefined) return f;
  const { status: _s, decision: _d, ...rest } = f;
  return rest;
}

function checkDecisions(list: readonly Decision[]): void {
  const seen = new Map<string, number>();
  list.forEach((d, i) => {
    const parsed = decisionSchema.safeParse(d);
    if (!parsed.success) throw new OptionsError('applyDecisions', optionIssues(parsed.error, decisionSchema, ['decisions', i]));
    const before = seen.get(d.finding);
    if (before !== undefined) {
      throw new OptionsError('applyDecisions', [
        { path: ['decisions', i, 'finding'], message: `decisions ${before} and ${i} both decide finding ${d.finding}; readDecisions keeps the latest` },
      ]);
    }
    seen.set(d.finding, i);
  });
}
