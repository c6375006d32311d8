/**
 * Carrying reviewers' decisions into a report: each finding gets the decision about it (by id, or
 * by shared records when it changed since), dismissed findings are kept apart, statuses counted.
 */
import { OptionsError } from '../errors.js';
import { D, moneyString } from '../_lib/decimal.js';
import { plainAmount } from '../io/read/amount.js';
import { optionIssues } from '../_lib/issues.js';
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';
import { allFindings, isPartial } from './_findings.js';
import { nearestSets, type RecordSet } from './_match.js';
import { fileRecords, idRecords, reportFiles, translator } from './_fileIds.js';
import { DECISION_STATUSES, decisionSchema, type Decision, type DecisionStatus, type DecisionsRead } from './decisions.js';
import { badArgument, checkOptions, checkShape, REPORT } from '../_lib/args.js';

/** A decision as it applies to a finding of this run. */
export interface FindingDecision extends Decision {
  /** `id`: the finding still has the id it was decided under; `overlap`: it shares records with it. */
  readonly link: 'id' | 'overlap';
  /**
   * True when the finding is no longer the one decided on: its records changed (`added`,
   * `removed`), or its total is not the one the decision recorded (`totalChange`). It needs a
   * second look; the status still holds until a line about the finding as it is now concludes.
   */
  readonly changed: boolean;
  /** Record ids the finding gained since the decision, sorted. */
  readonly added: readonly string[];
  /** Record ids it lost since the decision, sorted. */
  readonly removed: readonly string[];
  /**
   * The total the decision recorded (its `total`, `currency`) and the finding's now, when they
   * differ (as exact decimals, or in another currency): the purchases were decided at another
   * amount. Absent when they agree, or when the decision recorded no total that reads as one.
   */
  readonly totalChange?: TotalChange;
  /**
   * Record ids of the decision found in this run under another form, each with the id it has now:
   * ids prefixed with their file (`1` → `jan.csv:1`) because another file read in the same run has
   * the same ids, or no longer prefixed. `added` and `removed` compare the records as they are now.
   * Absent when every id is as the decision wrote it.
   */
  readonly renamed?: readonly RenamedRecord[];
  /** Record ids of the decision that could be any of several records of this run ({@link AmbiguousRecord}); absent when none. */
  readonly ambiguous?: readonly AmbiguousRecord[];
}

/** A decision's record id and the id the same record has in this run. */
export interface RenamedRecord {
  readonly from: string;
  readonly to: string;
}

/**
 * A decision's record id that this run has under several files (`1`, now `jan.csv:1` and
 * `feb.csv:1`): which one was decided on cannot be told, so it is matched to none of them.
 */
export interface AmbiguousRecord {
  readonly record: string;
  readonly candidates: readonly string[];
}

/** A total then and now, exact decimal strings; `currencyBefore` only when the currency changed too. */
export interface TotalChange {
  readonly before: string;
  readonly after: string;
  readonly currency: string;
  readonly currencyBefore?: string;
}

/** A finding with its review status. */
export interface DecidedFinding extends ReportFinding {
  /** The decision's status; `open` when the finding has none, or when the decisions about it disagree ({@link conflict}). */
  readonly status: DecisionStatus;
  /** The decision that gives the status; absent when none applies, or when those that apply disagree and none was made under the finding's id. */
  readonly decision?: FindingDecision;
  /**
   * The other decisions that apply to this finding, when several earlier findings merged into it:
   * they agree with {@link decision}, are not concluded (`open`), or give way to a decision made
   * about this finding under its own id. Absent when there are none.
   */
  readonly merged?: readonly FindingDecision[];
  /**
   * Concluded decisions about earlier findings that merged into this one, when they disagree (one
   * confirmed, one dismissed): each of them. The finding is then `open`, never dismissed, until a
   * decision about it under its own id concludes (which then holds). Absent when they agree.
   */
  readonly conflict?: readonly FindingDecision[];
}

/** A decision that applies to no finding of the report. */
export interface UnmatchedDecision {
  readonly decision: Decision;
  /**
   * `gone`: none of its records is in a finding of this run (of its buyer); `top`: it applies to a
   * finding ranked below those the report lists; `minScore`: to a run that scored under `minScore`
   * (see {@link NotShownFinding}).
   */
  readonly reason: 'gone' | NotShownFinding['why'];
  /** `top`, `minScore`: the id of the finding it applies to. */
  readonly finding?: string;
  /** `top`: that finding's rank. */
  readonly rank?: number;
  /** `minScore`: that run's score. */
  readonly score?: number;
  /** Its record ids that this run has under several files, which is why it may apply to no finding ({@link AmbiguousRecord}). */
  readonly ambiguous?: readonly AmbiguousRecord[];
}

/**
 * A finding of the run that the report does not list, for {@link applyDecisions} to tell the
 * decisions about it from decisions about findings that are gone: one cut by `top` (a finding of
 * `detectSplits` past the first `top`), or a run under `minScore` (its `lowScoring`).
 */
export interface NotShownFinding {
  readonly id: string;
  readonly buyer: string;
  readonly recordIds: readonly string[];
  readonly score: number;
  readonly why: 'top' | 'minScore';
  /** `top`: its rank among all findings. */
  readonly rank?: number;
}

/** Options of {@link applyDecisions}. */
export interface ApplyDecisionsOptions {
  /** The run's findings the report does not list. @defaultValue none: a decision about one of them is `gone` */
  readonly notShown?: readonly NotShownFinding[];
}

/** Counts of a review. */
export interface DecisionSummary {
  /** Findings per status (undecided findings count as `open`); they add up to all findings. */
  readonly counts: Readonly<Record<DecisionStatus, number>>;
  /** Findings with no decision at all. */
  readonly undecided: number;
  /** Findings whose records or total changed since their decision ({@link FindingDecision.changed}). */
  readonly changed: number;
  /** Findings whose decisions disagree ({@link DecidedFinding.conflict}): open until decided again. */
  readonly conflicts: number;
  readonly unmatched: readonly UnmatchedDecision[];
  /** True when the report lists fewer findings than were found (`top`) and `notShown` did not give the others: some decisions may look gone. */
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
 * finding per decision, never one of another buyer than the decision names; ties go to the larger
 * share of their union, then the smaller ids), and that finding is marked `changed` with the
 * records added and removed. When decisions about several earlier findings apply to one (they
 * merged), a decision made about it under its own id holds if it is concluded; else concluded
 * decisions that agree give their status, and ones that disagree leave the finding `open` with each
 * of them in `conflict` (a confirmed split never disappears into `dismissed`). Findings left without
 * a decision are `open`. Dismissed findings move to `dismissed`; every status is counted; decisions
 * that apply to no finding listed are listed, never dropped: `gone`, or about a finding `notShown`
 * (cut by `top`, under `minScore`). The result does not depend on the order of the decisions.
 *
 * Runs in O(r + p + d log d) for r record ids in the findings and decisions, p overlapping pairs
 * and d decisions.
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
export function applyDecisions(report: ScanReport | DecidedReport, decisions: readonly Decision[] | DecisionsRead, options: ApplyDecisionsOptions = {}): DecidedReport {
  checkShape(report, REPORT, 'applyDecisions', 'report');
  if (!Array.isArray(decisions) && !Array.isArray((decisions as Partial<DecisionsRead> | null)?.decisions)) badArgument('applyDecisions', 'decisions', 'an array of decisions, or what readDecisions returns', decisions);
  checkOptions(options, 'applyDecisions');
  const list = Array.isArray(decisions) ? (decisions as readonly Decision[]) : (decisions as DecisionsRead).decisions;
  checkDecisions(list);
  const findings = allFindings(report as { findings: readonly ReportFinding[]; dismissed?: readonly ReportFinding[] }).map(strip);
  const notShown = new Set<RecordSet>(options.notShown ?? []);
  // Record ids the decisions wrote in another form (`1`, now `jan.csv:1`), read as this run's.
  const files = reportFiles({ provenance: (report as ScanReport).provenance, findings });
  const translate = translator([...fileRecords(findings, files), ...idRecords(new Set([...notShown].flatMap((n) => n.recordIds)), files)], files);
  const decided = list.map((d) => {
    const renamed: RenamedRecord[] = [];
    const ambiguous: AmbiguousRecord[] = [];
    const recordIds = d.records.map((r) => {
      const t = translate(r);
      if (t !== undefined && 'to' in t) {
        renamed.push({ from: r, to: t.to });
        return t.to;
      }
      if (t !== undefined) ambiguous.push({ record: r, candidates: t.ambiguous });
      return r;
    });
    return { id: d.finding, recordIds, buyer: d.buyer, decision: d, forms: { ...(renamed.length > 0 ? { renamed } : {}), ...(ambiguous.length > 0 ? { ambiguous } : {}) } };
  });
  const landed = new Map<RecordSet, Landed[]>();
  const unmatched: UnmatchedDecision[] = [];
  for (const { a, pair } of nearestSets(decided, [...findings, ...notShown])) {
    if (pair === undefined) {
      unmatched.push({ decision: a.decision, reason: 'gone', ...(a.forms.ambiguous !== undefined ? { ambiguous: a.forms.ambiguous } : {}) });
      continue;
    }
    if (notShown.has(pair.b)) {
      const b = pair.b as NotShownFinding;
      unmatched.push({ decision: a.decision, reason: b.why, finding: b.id, ...(b.why === 'top' ? (b.rank !== undefined ? { rank: b.rank } : {}) : { score: b.score }), ...(a.forms.ambiguous !== undefined ? { ambiguous: a.forms.ambiguous } : {}) });
      continue;
    }
    const totalChange = totalChangeOf(a.decision, pair.b as ReportFinding);
    const changed = pair.added.length > 0 || pair.removed.length > 0 || totalChange !== undefined;
    const here = landed.get(pair.b) ?? [];
    landed.set(pair.b, here);
    here.push({ decision: { ...a.decision, link: pair.link, changed, added: pair.added, removed: pair.removed, ...(totalChange !== undefined ? { totalChange } : {}), ...a.forms }, shared: pair.shared, share: pair.share });
  }
  const out: DecidedFinding[] = findings.map((f) => review(f, landed.get(f) ?? []));
  out.sort((a, b) => a.rank - b.rank);
  unmatched.sort((a, b) => cmp(a.decision.finding, b.decision.finding));

  const counts = Object.fromEntries(DECISION_STATUSES.map((s) => [s, 0])) as Record<DecisionStatus, number>;
  for (const f of out) counts[f.status]++;
  return {
    ...report,
    findings: out.filter((f) => f.status !== 'dismissed'),
    dismissed: out.filter((f) => f.status === 'dismissed'),
    decisions: {
      counts,
      undecided: out.filter((f) => f.decision === undefined && f.conflict === undefined).length,
      changed: out.filter((f) => f.decision?.changed).length,
      conflicts: out.filter((f) => f.conflict !== undefined).length,
      unmatched,
      partial: isPartial(report as ScanReport) && options.notShown === undefined,
    },
  };
}

/**
 * The decision's recorded total against the finding's, when they differ; undefined when they agree
 * or the decision has no total that reads as an amount ({@link recordedTotal}).
 */
function totalChangeOf(d: Decision, f: ReportFinding): TotalChange | undefined {
  const before = d.total === undefined ? undefined : recordedTotal(d.total);
  if (before === undefined) return undefined;
  const currencyBefore = d.currency?.trim().toUpperCase();
  const otherCurrency = currencyBefore !== undefined && currencyBefore !== '' && currencyBefore !== f.currency.toUpperCase();
  if (!otherCurrency && before.eq(new D(f.total))) return undefined;
  return { before: moneyString(before), after: f.total, currency: f.currency, ...(otherCurrency ? { currencyBefore: d.currency as string } : {}) };
}

/**
 * A register's total as an exact decimal: as the template writes it (`5100.00`), grouped with a
 * decimal point (`5,100.00`), or with a decimal comma and one or two decimals (`5100,5`, as a
 * spreadsheet in a decimal-comma locale re-saves it). Undefined for anything else (`5,100` reads
 * two ways): such a total is not compared.
 */
function recordedTotal(text: string): InstanceType<typeof D> | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/gu, '');
  const comma = /^(-?\d+),(\d{1,2})$/u.exec(t);
  const plain = comma ? `${comma[1]}.${comma[2]}` : /^-?\d{1,3}(,\d{3})+$/u.test(t) ? undefined : plainAmount(t);
  return plain === undefined ? undefined : new D(plain);
}

/** A decision applied to a finding, with how much of it the finding holds. */
interface Landed {
  readonly decision: FindingDecision;
  readonly shared: number;
  readonly share: number;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A finding's status from the decisions that apply to it (see {@link applyDecisions}), the one
 * made under its id first, then the others by most records shared, larger share, smaller id.
 */
function review(f: ReportFinding, landed: readonly Landed[]): DecidedFinding {
  const all = [...landed].sort((x, y) => Number(y.decision.link === 'id') - Number(x.decision.link === 'id') || y.shared - x.shared || y.share - x.share || cmp(x.decision.finding, y.decision.finding)).map((l) => l.decision);
  const first = all[0];
  if (first === undefined) return { ...f, status: 'open' };
  const own = first.link === 'id' ? first : undefined;
  const concluded = all.filter((d) => d.status !== 'open');
  const others = (held: FindingDecision | undefined, but: readonly FindingDecision[] = []) => {
    const rest = all.filter((d) => d !== held && !but.includes(d));
    return rest.length > 0 ? { merged: rest } : {};
  };
  if (own !== undefined && own.status !== 'open') return { ...f, status: own.status, decision: own, ...others(own) };
  if (new Set(concluded.map((d) => d.status)).size > 1) {
    return { ...f, status: 'open', ...(own !== undefined ? { decision: own } : {}), ...others(own, concluded), conflict: concluded.slice().sort((x, y) => cmp(x.finding, y.finding)) };
  }
  const held = concluded[0] ?? first;
  return { ...f, status: held.status, decision: held, ...others(held) };
}

/** A finding without the review fields of an earlier `applyDecisions`. */
function strip(f: ReportFinding & { status?: unknown; decision?: unknown; merged?: unknown; conflict?: unknown }): ReportFinding {
  if (f.status === undefined && f.decision === undefined) return f;
  const { status: _s, decision: _d, merged: _m, conflict: _c, ...rest } = f;
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
