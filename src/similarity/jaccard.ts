import { RARE_WEIGHT, rarityWeight } from './rarity.js';
import { subjectTokens } from './tokens.js';
import { badArgument, checkArray } from '../_lib/args.js';

/**
 * Jaccard similarity of two token sets given as ascending integer arrays: |a ∩ b| / |a ∪ b|.
 * Two empty sets have similarity 0 (nothing is known to be shared).
 *
 * Runs in O(|a| + |b|).
 *
 * @example
 * jaccard(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4)) //=> 0.5
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = overlap(a, b);
  return shared / (a.length + b.length - shared);
}

/** Number of values two ascending arrays share. */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Total weight of the tokens (ids) of a set: `a`, or its range [from, to). */
export function weightOf(a: ArrayLike<number>, weights: ArrayLike<number>, from = 0, to = a.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += weights[a[i] as number] as number;
  return w;
}

/** Total weight of the values two ascending arrays of token ids share. */
export function sharedWeight(a: ArrayLike<number>, b: ArrayLike<number>, weights: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let w = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      w += weights[x] as number;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return w;
}

/**
 * Whether two token sets are similar: their weighted Jaccard similarity — the weight of the tokens
 * they share over the weight of all their tokens — is at least `minSimilarity`. The weights are
 * whole numbers, so the sums are exact and the answer does not depend on the order of the tokens.
 *
 * Runs in O(1) from the three weights.
 */
export function similarEnough(shared: number, a: number, b: number, minSimilarity: number): boolean {
  return shared > 0 && shared >= minSimilarity * (a + b - shared);
}

/**
 * Whether two token sets of total weights `wa` and `wb` are similar — `similarEnough` of their
 * shared weight — stopping as soon as the tokens left cannot make up the shared weight still
 * missing. The sets are the ranges [a, aEnd) and [b, bEnd) of `tokens`, each ascending ids: the
 * tokens of many sets in one array, read without a copy.
 *
 * Runs in O(|a| + |b|), often far less.
 */
export function similarSets(tokens: ArrayLike<number>, a: number, aEnd: number, b: number, bEnd: number, weights: ArrayLike<number>, wa: number, wb: number, t: number): boolean {
  let shared = 0;
  let restA = wa;
  let restB = wb;
  while (a < aEnd && b < bEnd) {
    if (!similarEnough(shared + Math.min(restA, restB), wa, wb, t)) return false;
    const x = tokens[a] as number;
    const y = tokens[b] as number;
    if (x === y) {
      const w = weights[x] as number;
      shared += w;
      restA -= w;
      restB -= w;
      a++;
      b++;
    } else if (x < y) {
      restA -= weights[x] as number;
      a++;
    } else {
      restB -= weights[y] as number;
      b++;
    }
  }
  return similarEnough(shared, wa, wb, t);
}

/**
 * Whether two token sets share a rare token (one weighing at least {@link RARE_WEIGHT}). The sets
 * are the ranges [a, aEnd) and [b, bEnd) of `tokens`, each ascending ids of one vocabulary (so
 * rarest first, weights non-increasing, and the rare tokens lead): the scan stops once no token
 * left to share can be rare.
 *
 * Runs in O(rare tokens of the two).
 */
export function shareRareToken(tokens: ArrayLike<number>, a: number, aEnd: number, b: number, bEnd: number, weights: ArrayLike<number>): boolean {
  while (a < aEnd && b < bEnd) {
    const x = tokens[a] as number;
    const y = tokens[b] as number;
    // Any token both still hold is at least max(x, y), so weighs at most weights[max(x, y)].
    if ((weights[Math.max(x, y)] as number) < RARE_WEIGHT) return false;
    if (x === y) return true;
    if (x < y) a++;
    else b++;
  }
  return false;
}

/**
 * How similar two subject texts are within a buyer's ledger, the way the detector measures it: the
 * weighted Jaccard similarity of their tokens ({@link subjectTokens}), each token weighing more the
 * rarer it is among the ledger's subjects ({@link rarityWeight}): the weight of the tokens the two
 * share over the weight of all their tokens, in [0, 1]. Two subjects sharing a word the buyer seldom
 * uses are more alike than two sharing a word of every other purchase. `ledger` is the buyer's
 * subjects (a and b among them); a token it does not use weighs as if used once. 0 when either text
 * has no tokens.
 *
 * Runs in O(length of the ledger's text).
 *
 * @example
 * // Each pair shares one token of three (plain Jaccard 1/3), but "chairs" is rarer than "office".
 * const ledger = ['office chairs', 'office desks', 'office paper', 'office toner', 'meeting chairs'];
 * textSimilarity('office chairs', 'meeting chairs', ledger) //=> 0.324948132780083
 * textSimilarity('office chairs', 'office desks', ledger)   //=> 0.21032157676348548
 */
export function textSimilarity(a: string, b: string, ledger: readonly string[]): number {
  if (typeof a !== 'string') badArgument('textSimilarity', 'a', 'a string', a);
  if (typeof b !== 'string') badArgument('textSimilarity', 'b', 'a string', b);
  checkArray(ledger, 'textSimilarity', 'ledger', 'an array of subjects');
  const ta = new Set(subjectTokens(a));
  const tb = new Set(subjectTokens(b));
  if (ta.size === 0 || tb.size === 0) return 0;
  const uses = new Map<string, number>();
  let subjects = 0;
  for (const s of ledger) {
    const tokens = subjectTokens(s);
    if (tokens.length > 0) subjects++;
    for (const t of tokens) uses.set(t, (uses.get(t) ?? 0) + 1);
  }
  const weight = (t: string) => rarityWeight(uses.get(t) ?? 1, Math.max(1, subjects));
  let shared = 0;
  let all = 0;
  for (const t of new Set([...ta, ...tb])) {
    all += weight(t);
    if (ta.has(t) && tb.has(t)) shared += weight(t);
  }
  return shared / all;
}
