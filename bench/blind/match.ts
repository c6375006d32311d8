/**
 * Matching findings to injected splits, as issue 11 defines it, written here from the definition (it
 * shares nothing with the project's own evaluate): a finding is a true positive when at least half of
 * its parts belong to one split; a split is recalled when such a finding covers at least half of its
 * parts. Average precision walks the findings in score order (ties by finding id) and, at each finding
 * that recalls a split not recalled higher up, takes the precision at that rank counting only such
 * findings as hits; AP is their mean, i.e. normalised by the number of splits recalled (a pure ranking
 * figure); `apOverInjected` divides the same sum by the number of injected splits instead.
 */

/** What matching needs of a finding. */
export interface ScoredFinding {
  readonly id: string;
  readonly score: number;
  readonly recordIds: readonly string[];
}

/** What matching needs of a labelled set of records. */
export interface LabelledSet {
  readonly recordIds: readonly string[];
}

export interface MatchResult {
  /** Findings in score order (highest first, ties by id). */
  ranked: ScoredFinding[];
  /** Per ranked finding: the index of the split it is a true positive for, or -1. */
  truePositiveOf: number[];
  /** Per split: whether some finding recalls it. */
  recalled: boolean[];
  precision: number;
  recall: number;
  ap: number;
  apOverInjected: number;
}

/**
 * Matches findings to splits (n findings' parts, m splits' parts: O(n + m) after an O(n log n) sort).
 *
 * @example
 * matchFindings([{ id: 'f', score: 1, recordIds: ['a', 'b', 'x'] }], [{ recordIds: ['a', 'b', 'c'] }]).recall
 * //=> 1
 */
export function matchFindings(findings: readonly ScoredFinding[], splits: readonly LabelledSet[]): MatchResult {
  const splitOf = new Map<string, number>();
  splits.forEach((s, i) => s.recordIds.forEach((id) => splitOf.set(id, i)));
  const ranked = [...findings].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const recalled = splits.map(() => false);
  const truePositiveOf: number[] = [];
  let truePositives = 0;
  let hits = 0;
  let precisionSum = 0;
  ranked.forEach((finding, rank) => {
    const overlap = new Map<number, number>();
    for (const id of finding.recordIds) {
      const s = splitOf.get(id);
      if (s !== undefined) overlap.set(s, (overlap.get(s) ?? 0) + 1);
    }
    // The split holding most of the finding (the lowest index among equals, for determinism).
    let best = -1;
    let bestCount = 0;
    for (const [s, count] of [...overlap].sort((a, b) => a[0] - b[0])) if (count > bestCount) [best, bestCount] = [s, count];
    const isTruePositive = best >= 0 && 2 * bestCount >= finding.recordIds.length;
    truePositiveOf.push(isTruePositive ? best : -1);
    if (!isTruePositive) return;
    truePositives += 1;
    const split = splits[best];
    if (split !== undefined && 2 * bestCount >= split.recordIds.length && recalled[best] !== true) {
      recalled[best] = true;
      hits += 1;
      precisionSum += hits / (rank + 1);
    }
  });
  return {
    ranked, truePositiveOf, recalled,
    precision: ranked.length === 0 ? 0 : truePositives / ranked.length,
    recall: splits.length === 0 ? 0 : hits / splits.length,
    ap: hits === 0 ? 0 : precisionSum / hits,
    apOverInjected: splits.length === 0 ? 0 : precisionSum / splits.length,
  };
}
