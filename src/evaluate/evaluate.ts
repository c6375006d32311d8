import * as z from 'zod/mini';
import { OptionsError } from '../errors.js';
import { optionIssues } from '../_lib/issues.js';
import { DECOY_KINDS, SCHEME_KINDS, type DecoyKind, type SchemeKind, type Truth } from '../simulate/truth.js';
import { checkShape, type Shape } from '../_lib/args.js';

/**
 * The part of a finding {@link evaluate} reads: its record ids, and optionally its score (for the
 * ranking) and threshold. `detectSplits`'s findings fit, and so do the oracle's
 * `{ thresholdId, recordIds }`.
 */
export interface EvaluatedFinding {
  readonly recordIds: readonly string[];
  readonly score?: number | undefined;
  readonly threshold?: { readonly id: string } | undefined;
  readonly thresholdId?: string | undefined;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * Share of a finding's parts that must belong to one scheme for the finding to be a true positive,
   * and share of a scheme's parts such a finding must cover for the scheme to be recalled.
   * @defaultValue 0.5
   */
  minOverlap?: number | undefined;
  /** Also require a true positive's threshold to be the scheme's. @defaultValue false */
  matchThreshold?: boolean | undefined;
  /**
   * How many of the highest-ranked findings {@link EvaluateReport.decoysInTopK} looks at: a reviewer's
   * first page. @defaultValue the number of schemes (at least 1)
   */
  topK?: number | undefined;
}

/** The zod schema of {@link EvaluateOptions}. */
const evaluateOptionsSchema = z.strictObject(
  {
    minOverlap: z.optional(z.number({ error: 'must be a number in (0, 1]' }).check(z.gt(0, 'must be in (0, 1]'), z.lte(1, 'must be in (0, 1]'))),
    matchThreshold: z.optional(z.boolean({ error: 'must be true or false' })),
    topK: z.optional(z.number({ error: 'must be a whole number ≥ 1' }).check(z.int('must be a whole number ≥ 1'), z.gte(1, 'must be a whole number ≥ 1'))),
  },
  { error: 'options must be an object' },
);

/** Quality on the schemes of one kind. */
export interface SchemeKindQuality {
  readonly schemes: number;
  /** Schemes recalled by some finding. */
  readonly recalled: number;
  readonly recall: number;
  /** Schemes of this kind whose parts some field links (`SchemeTruth.linkable`), and how many of them were recalled. */
  readonly linkable: number;
  readonly recalledLinkable: number;
  /** recalledLinkable / linkable; 1 when none is linkable. */
  readonly recallLinkable: number;
  /** True-positive findings matched to a scheme of this kind. */
  readonly truePositives: number;
  /** False-positive findings that share a record with a scheme of this kind. */
  readonly falsePositives: number;
  /** truePositives / (truePositives + falsePositives); 1 when both are 0. */
  readonly precision: number;
  readonly f1: number;
  /** Mean, over this kind's true positives, of the overall precision at their rank; 0 when none. */
  readonly averagePrecision: number;
}

/** How findings treat the decoys of one kind. */
export interface DecoyKindQuality {
  readonly decoys: number;
  /** Decoys sharing a record with at least one finding. */
  readonly flagged: number;
  /** flagged / decoys (0 when there are none): the false-alarm rate on this pattern. */
  readonly flaggedRate: number;
  /** Findings sharing a record with a decoy of this kind. */
  readonly findings: number;
  /** Of those, findings that are not true positives. */
  readonly falsePositives: number;
}

/** What {@link evaluate} returns. */
export interface EvaluateReport {
  readonly findings: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly schemes: number;
  readonly recalled: number;
  /** truePositives / findings; 1 when there are no findings. */
  readonly precision: number;
  /** recalled / schemes; 1 when there are no schemes. */
  readonly recall: number;
  /** Ids of the recalled schemes, in the truth's order. */
  readonly recalledIds: readonly string[];
  /** Schemes whose parts some field links (`SchemeTruth.linkable`): the ones a grouping rule can reach. */
  readonly linkable: number;
  readonly recalledLinkable: number;
  /** recalledLinkable / linkable; 1 when none is linkable. */
  readonly recallLinkable: number;
  readonly f1: number;
  /**
   * Ranking quality: the mean, over the true-positive findings in score order, of the precision at
   * their rank. 1 means every true positive ranks above every false positive. 0 when no true positive.
   */
  readonly averagePrecision: number;
  /**
   * Detection AP: Σ precision@k over ranks k whose finding recalls a scheme not recalled higher up,
   * divided by the number of schemes (duplicates count as false positives). Bounded by recall.
   */
  readonly averagePrecisionOverSchemes: number;
  readonly bySchemeKind: Readonly<Record<SchemeKind, SchemeKindQuality>>;
  readonly byDecoyKind: Readonly<Record<DecoyKind, DecoyKindQuality>>;
  /** False positives by what they touch: a decoy kind, part of a scheme, or only routine records. */
  readonly falsePositivesTouching: Readonly<Record<DecoyKind | 'scheme' | 'background', number>>;
  /** The K of {@link decoysInTopK}. */
  readonly topK: number;
  /** Per decoy kind, the false positives among the K highest-ranked findings that touch a decoy of that kind. */
  readonly decoysInTopK: Readonly<Record<DecoyKind, number>>;
  /** Per finding in ranked order: the scheme it matches, or undefined for a false positive. */
  readonly ranked: readonly { readonly index: number; readonly score: number; readonly schemeId: string | undefined }[];
}

/** What {@link evaluate} reads of its arguments first. */
const RESULT: Shape = { what: 'a result of detectSplits (its findings)', fields: { findings: 'array' } };
const TRUTH: Shape = { what: 'the truth of simulate', fields: { schemes: 'array', decoys: 'array' } };

/**
 * Scores a detection result against a simulation's ground truth.
 *
 * Matching rule (containment, not Jaccard): a finding is a true positive when at least `minOverlap`
 * (default half) of its parts belong to one scheme — the scheme it shares most records with — and,
 * with `matchThreshold`, it cites that scheme's threshold. A scheme is recalled when a finding that is
 * a true positive for it covers at least `minOverlap` of the scheme's parts. Several findings may match
 * one scheme; all count as true positives for precision, only the first counts for
 * {@link EvaluateReport.averagePrecisionOverSchemes}. Findings are ranked by `score`, highest first
 * (ties keep their given order; without scores the given order is the ranking). Recall is also
 * reported over the schemes labelled `linkable` alone, and the false positives among the first `topK`
 * findings are counted per decoy kind they touch.
 *
 * Runs in O(F log F + F·p + S·q) for F findings of p parts and S schemes of q parts.
 *
 * @throws {OptionsError} when `minOverlap` is not in (0, 1], `matchThreshold` is not a boolean, `topK`
 *   is not a whole number ≥ 1, or an option is unknown.
 * @example
 * evaluate({ findings: [{ recordIds: ['a', 'b'], score: 0.9 }] },
 *   { seed: 1, thresholds: [], decoys: [],
 *     schemes: [{ id: 'S1', kind: 'sameVendor', buyer: 'x', recordIds: ['a', 'b', 'c'], thresholdId: 't', total: '1', linkable: true }] })
 * //=> { precision: 1, recall: 1, f1: 1, averagePrecision: 1, … }
 */
export function evaluate(result: { readonly findings: readonly EvaluatedFinding[] }, truth: Truth, options: EvaluateOptions = {}): EvaluateReport {
  checkShape(result, RESULT, 'evaluate', 'result');
  checkShape(truth, TRUTH, 'evaluate', 'truth');
  const parsed = evaluateOptionsSchema.safeParse(options);
  if (!parsed.success) throw new OptionsError('evaluate', optionIssues(parsed.error, evaluateOptionsSchema, []));
  const minOverlap = parsed.data.minOverlap ?? 0.5;
  const matchThreshold = parsed.data.matchThreshold ?? false;
  const topK = parsed.data.topK ?? Math.max(1, truth.schemes.length);

  const schemeOf = new Map<string, number>();
  truth.schemes.forEach((s, i) => s.recordIds.forEach((id) => schemeOf.set(id, i)));
  const decoyOf = new Map<string, number>();
  truth.decoys.forEach((d, i) => d.recordIds.forEach((id) => decoyOf.set(id, i)));

  const order = result.findings.map((f, i) => ({ f, i, score: f.score ?? 0 }));
  if (result.findings.some((f) => f.score !== undefined)) order.sort((a, b) => b.score - a.score || a.i - b.i);

  const recalledBy: (number | undefined)[] = truth.schemes.map(() => undefined);
  const tpByKind = countByKind(SCHEME_KINDS);
  const fpByKind = countByKind(SCHEME_KINDS);
  const apSumByKind = countByKind(SCHEME_KINDS);
  const decoyFindings = countByKind(DECOY_KINDS);
  const decoyFp = countByKind(DECOY_KINDS);
  const decoyFlagged = truth.decoys.map(() => false);
  const inTopK = countByKind(DECOY_KINDS);
  const fpTouch: Record<DecoyKind | 'scheme' | 'background', number> = { ...countByKind(DECOY_KINDS), scheme: 0, background: 0 };
  const ranked: { index: number; score: number; schemeId: string | undefined }[] = [];

  let tp = 0;
  let firsts = 0;
  let apSum = 0;
  let apSchemesSum = 0;
  order.forEach(({ f, i, score }, rank) => {
    const ids = new Set(f.recordIds);
    const hits = new Map<number, number>();
    const decoysTouched = new Set<number>();
    for (const id of ids) {
      const s = schemeOf.get(id);
      if (s !== undefined) hits.set(s, (hits.get(s) ?? 0) + 1);
      const d = decoyOf.get(id);
      if (d !== undefined) decoysTouched.add(d);
    }
    let best: number | undefined;
    let bestHits = 0;
    for (const [s, h] of hits) if (h > bestHits || (h === bestHits && best !== undefined && s < best)) [best, bestHits] = [s, h];
    const scheme = best !== undefined ? truth.schemes[best] : undefined;
    const fThreshold = f.threshold?.id ?? f.thresholdId;
    const isTp = scheme !== undefined && bestHits >= minOverlap * ids.size && (!matchThreshold || fThreshold === scheme.thresholdId);
    const kinds = new Set<DecoyKind>();
    for (const d of decoysTouched) {
      decoyFlagged[d] = true;
      kinds.add(truth.decoys[d]!.kind);
    }
    for (const k of kinds) {
      decoyFindings[k]++;
      if (!isTp) decoyFp[k]++;
    }
    if (isTp) {
      tp++;
      apSum += tp / (rank + 1);
      tpByKind[scheme.kind]++;
      apSumByKind[scheme.kind] += tp / (rank + 1);
      if (bestHits >= minOverlap * scheme.recordIds.length && recalledBy[best!] === undefined) {
        recalledBy[best!] = rank;
        firsts++;
        apSchemesSum += firsts / (rank + 1);
      }
    } else {
      for (const k of kinds) {
        fpTouch[k]++;
        if (rank < topK) inTopK[k]++;
      }
      const touchedKinds = new Set([...hits.keys()].map((s) => truth.schemes[s]!.kind));
      for (const k of touchedKinds) fpByKind[k]++;
      if (hits.size > 0) fpTouch.scheme++;
      if (kinds.size === 0 && hits.size === 0) fpTouch.background++;
    }
    ranked.push({ index: i, score, schemeId: isTp ? scheme.id : undefined });
  });

  const n = result.findings.length;
  const recalled = recalledBy.filter((r) => r !== undefined).length;
  const precision = n === 0 ? 1 : tp / n;
  const recall = truth.schemes.length === 0 ? 1 : recalled / truth.schemes.length;
  const linkableIdx = truth.schemes.map((s, i) => (s.linkable ? i : -1)).filter((i) => i >= 0);
  const recalledLinkable = linkableIdx.filter((i) => recalledBy[i] !== undefined).length;

  const bySchemeKind = {} as Record<SchemeKind, SchemeKindQuality>;
  for (const k of SCHEME_KINDS) {
    const idx = truth.schemes.map((s, i) => (s.kind === k ? i : -1)).filter((i) => i >= 0);
    const rec = idx.filter((i) => recalledBy[i] !== undefined).length;
    const link = idx.filter((i) => truth.schemes[i]!.linkable);
    const recLink = link.filter((i) => recalledBy[i] !== undefined).length;
    const t = tpByKind[k];
    const fp = fpByKind[k];
    const p = t + fp === 0 ? 1 : t / (t + fp);
    const r = idx.length === 0 ? 1 : rec / idx.length;
    bySchemeKind[k] = {
      schemes: idx.length, recalled: rec, recall: r, linkable: link.length, recalledLinkable: recLink, recallLinkable: link.length === 0 ? 1 : recLink / link.length, truePositives: t, falsePositives: fp, precision: p, f1: f1Of(p, r), averagePrecision: t === 0 ? 0 : apSumByKind[k] / t,
    };
  }
  const byDecoyKind = {} as Record<DecoyKind, DecoyKindQuality>;
  for (const k of DECOY_KINDS) {
    const idx = truth.decoys.map((d, i) => (d.kind === k ? i : -1)).filter((i) => i >= 0);
    const flagged = idx.filter((i) => decoyFlagged[i]).length;
    byDecoyKind[k] = { decoys: idx.length, flagged, flaggedRate: idx.length === 0 ? 0 : flagged / idx.length, findings: decoyFindings[k], falsePositives: decoyFp[k] };
  }
  return {
    findings: n,
    truePositives: tp,
    falsePositives: n - tp,
    schemes: truth.schemes.length,
    recalled,
    precision,
    recall,
    recalledIds: truth.schemes.filter((_, i) => recalledBy[i] !== undefined).map((s) => s.id),
    linkable: linkableIdx.length,
    recalledLinkable,
    recallLinkable: linkableIdx.length === 0 ? 1 : recalledLinkable / linkableIdx.length,
    f1: f1Of(precision, recall),
    averagePrecision: tp === 0 ? 0 : apSum / tp,
    averagePrecisionOverSchemes: truth.schemes.length === 0 ? 1 : apSchemesSum / truth.schemes.length,
    bySchemeKind,
    byDecoyKind,
    falsePositivesTouching: fpTouch,
    topK,
    decoysInTopK: inTopK,
    ranked,
  };
}

function f1Of(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function countByKind<K extends string>(kinds: readonly K[]): Record<K, number> {
  const o = {} as Record<K, number>;
  for (const k of kinds) o[k] = 0;
  return o;
}
