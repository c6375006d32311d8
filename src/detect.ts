import type { RecordReject } from './records/record.js';
import { distinctKeys, scanRecords } from './records/table.js';
import { recordArray } from './records/input.js';
import type { DetectSplitsOptions } from './options/options.js';
import { resolveOptions } from './options/resolve.js';
import { prepare } from './cluster/prepare.js';
import { candidates } from './cluster/candidates.js';
import { components } from './cluster/link.js';
import { extractRuns } from './cluster/runs.js';
import type { Item } from './cluster/item.js';
import { runRank, scoreRun, type ScoredRun } from './score/score.js';
import { buyerBaselines, type BuyerStats } from './score/baseline.js';
import { pairAgreement } from './score/evidence.js';
import { afterCounterfactual, buildFinding, type Finding } from './report/finding.js';
import { leftOut, leftOutSentence } from './report/leftOut.js';
import { isoOf } from './_lib/days.js';
import { moneyString } from './_lib/decimal.js';
import { buildLargeRun, type LargeRun } from './report/largeRun.js';
import { buildLowScoringRun, type LowScoringRun } from './report/lowScoring.js';
import { compareText } from './_lib/order.js';

/** Counts that describe a run. */
export interface DetectStats {
  /** Records passed in. */
  readonly input: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted records that could never be parts (skipped method or exemption). */
  readonly skipped: number;
  readonly buyers: number;
  readonly findings: number;
  /** Crossing runs left out because they scored below `minScore` (listed in `lowScoring`). */
  readonly belowMinScore: number;
  /** Findings per threshold id. */
  readonly findingsByThreshold: Readonly<Record<string, number>>;
  /**
   * Windows of more than `maxParts` linked purchases crossing a threshold once their main vendors'
   * pieces are taken as findings: a rule that groups too much, not a split. Their purchases are in no finding. Sorted by buyer, start date, threshold id.
   */
  readonly largeRuns: readonly LargeRun[];
}

/** What {@link detectSplits} returns. */
export interface DetectResult {
  /** Sorted by score (highest first), then by buyer, start date and id. */
  readonly findings: readonly Finding[];
  /** Records that could not be analysed, by index. */
  readonly rejects: readonly RecordReject[];
  readonly stats: DetectStats;
  /**
   * Every buyer with accepted records, by buyer key: its records, dates and its bunching test at
   * each threshold in force for it (purchases just under the limit against what its amount
   * distribution predicts; see `BUNCHING`).
   */
  readonly buyers: readonly BuyerStats[];
  /**
   * The crossing runs left out for scoring under `minScore`, each with the id it has as a finding,
   * its buyer, threshold, score and record ids (what a decision about it matches), in the order
   * they were scored. A run left out claims no part: a less serious threshold may still report its parts.
   */
  readonly lowScoring: readonly LowScoringRun[];
}

/**
 * Finds purchases split to stay under thresholds.
 *
 * The steps of "How detection works" in the README, one call each: the options are resolved; the
 * records are validated into a table (bad ones come back in `rejects`, never thrown) and converted
 * to the report currency; the table is prepared (partitions, window, link policy); then for each
 * threshold, most serious first, its candidate parts are linked into clusters, the sets of parts
 * that look most like one requirement cut into pieces (their parts each below the threshold, their
 * total crossing it) are extracted from each cluster by their score, and each such run is reported
 * as a finding unless it scores below `minScore` (a run left out leaves its parts to the thresholds
 * that follow); a window still of more than `maxParts` parts is a large run (`stats.largeRuns`). A record
 * belongs to at most one finding or large run.
 *
 * Runs in O(n log n) for n records (sorting), plus the candidate pairs of the text join, plus the
 * run extraction's work per busy window (see `extractRuns`).
 *
 * `records` is any iterable of records (an array, a Set, a generator), read once; a record's index
 * is its position in iteration order.
 *
 * @throws {OptionsError} when an option is invalid or unknown, naming the option.
 * @throws {InputError} when `records` is not an iterable of records (a number, a string, a plain
 * object), or iterating it throws.
 * @example
 * const { findings } = detectSplits(
 *   [
 *     { id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', amount: '280000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
 *     { id: 'S2', buyer: 'Zone Admin', vendor: 'Light Co', date: '2014-11-12', amount: '290000', currency: 'CNY', category: 'B0702', subject: '展示牌亮化及字体' },
 *   ],
 *   { thresholds: [{ id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' }],
 *     subject: { categoryPrefix: 3 } },
 * )
 * findings[0].total //=> '570000.00'
 */
export function detectSplits(records: Iterable<unknown>, options: DetectSplitsOptions): DetectResult {
  const opts = resolveOptions(options);
  const input = recordArray(records, 'detectSplits');
  const table = scanRecords(input, { currency: opts.currency, rates: opts.rates });
  const ledger = prepare(table, opts);
  const parts = candidates(ledger, opts);
  const baselines = buyerBaselines(table, opts);
  const scoring = { thresholds: opts.thresholds, windowDays: ledger.window.days, sameVendor: opts.vendor === 'same', band: opts.band, weights: opts.weights, baselines };
  const context = { currency: opts.currency, band: opts.band, subject: opts.subject, windowLabel: ledger.window.label, table, ...(opts.rule ? { rule: opts.rule } : {}) };

  const findings: Finding[] = [];
  const largeRuns: LargeRun[] = [];
  const lowScoring: LowScoringRun[] = [];
  const byThreshold: Record<string, number> = {};
  let belowMinScore = 0;
  // Each finding whose cluster holds more than its parts: what it leaves out is known once every threshold is done.
  const besides: { finding: Finding; cluster: readonly Item[]; first: number; last: number }[] = [];
  // A part joins a core's run only with a subject of one of its parts (see `extractRuns`).
  const related = (part: Item, corePart: Item): boolean => !(pairAgreement(part, corePart) < opts.subject.minSimilarity);
  for (const tier of opts.thresholds) {
    let found = 0;
    // A run is scored when it is proposed; the scores of a cluster's proposals are kept until its
    // runs are reported, so a run is not scored twice.
    const scores = new Map<string, ScoredRun>();
    const scored = (run: readonly Item[]): ScoredRun => {
      const key = run.map((it) => it.k).join(',');
      let s = scores.get(key);
      if (s === undefined) scores.set(key, (s = scoreRun(run, tier, scoring)));
      return s;
    };
    const extraction = { reach: ledger.links.reach, minParts: opts.minParts, maxParts: opts.maxParts, whole: opts.runs === 'window', taken: ledger.assigned, rank: (run: readonly Item[]) => runRank(scored(run)), related };
    for (const group of parts.forTier(tier)) {
      for (const cluster of components(group, ledger.links, opts.minParts)) {
        scores.clear();
        const { runs, largeRuns: large } = extractRuns(cluster, tier, extraction);
        for (const run of large) {
          ledger.assign(run);
          largeRuns.push(buildLargeRun(run, tier, { currency: opts.currency, windowLabel: ledger.window.label, maxParts: opts.maxParts, table }));
        }
        for (const run of runs) {
          const score = scored(run);
          // Defensive: a score that is not a number in [minScore, 1] (NaN included) is never reported.
          // A run left out does not claim its parts: a less serious threshold may still report them.
          if (!(score.score >= opts.minScore && score.score <= 1)) {
            belowMinScore++;
            lowScoring.push(buildLowScoringRun(run, tier, score.score, table));
          } else {
            ledger.assign(run);
            const finding = buildFinding(run, tier, score, context);
            findings.push(finding);
            if (run.length < cluster.length) besides.push({ finding, cluster, first: (run[0] as Item).day, last: (run[run.length - 1] as Item).day });
            found++;
          }
        }
      }
    }
    byThreshold[tier.threshold.id] = found;
  }
  for (const b of besides) {
    const left = leftOut(b.cluster, b.first, b.last, ledger.links.reach, ledger.assigned, table);
    if (left === undefined) continue;
    const named = left.items.slice(0, 3).map((it) => ({ id: table.id[it.k] as string, date: isoOf(it.day), value: moneyString(it.value) }));
    Object.assign(b.finding, { leftOut: left.out, explanation: afterCounterfactual(b.finding.explanation, leftOutSentence(left.out, named, opts.currency)) });
  }
  findings.sort((a, b) => b.score - a.score || compareText(a.buyer, b.buyer) || compareText(a.start, b.start) || compareText(a.id, b.id));
  largeRuns.sort((a, b) => compareText(a.buyer, b.buyer) || compareText(a.start, b.start) || compareText(a.threshold.id, b.threshold.id) || compareText(a.recordIds[0] as string, b.recordIds[0] as string));

  return {
    findings,
    rejects: table.rejects,
    stats: {
      input: input.length,
      accepted: table.size,
      rejected: table.rejects.length,
      skipped: parts.neverParts,
      buyers: distinctKeys(table.buyer),
      findings: findings.length,
      belowMinScore,
      findingsByThreshold: byThreshold,
      largeRuns,
    },
    buyers: baselines.buyers,
    lowScoring,
  };
}
