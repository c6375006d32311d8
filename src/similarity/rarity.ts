/**
 * How much a token says about a subject: the rarer the token in the buyer's own ledger, the more
 * two subjects that share it have in common.
 */

/** Token weights are whole thousandths of a nat, so sums of weights are exact and order-free. */
export const WEIGHT_SCALE = 1000;

/**
 * The weight of a token that `uses` of a ledger's `subjects` subjects contain (the inverse document
 * frequency ln(1 + subjects / uses)), in thousandths, rounded, at least 1. A token in every subject
 * weighs ln 2 ≈ 0.69; one in 1 of 1,000 subjects weighs ln 1001 ≈ 6.9.
 *
 * Runs in O(1).
 *
 * @example
 * rarityWeight(4, 146) //=> 3624
 */
export function rarityWeight(uses: number, subjects: number): number {
  return Math.max(1, Math.round(WEIGHT_SCALE * Math.log1p(subjects / Math.max(1, uses))));
}

/**
 * A token weighing at least this is *rare* in its buyer's ledger: ln 33 in thousandths, a token in
 * at most one in 32 of the buyer's subjects. Two subjects within reach that share a rare token are
 * related whatever their similarity: a word the buyer uses that seldom, in two purchases of one
 * window, is evidence of one requirement on its own (道路指示标牌 and 精神堡垒标识塔 share only 标;
 * 标牌 and 展示牌 only 牌).
 */
export const RARE_WEIGHT = rarityWeight(1, 32);

/**
 * The number of *rare tokens* of a token set ordered rarest first (ascending ids of a vocabulary,
 * see similarity/vocabulary): its first tokens weighing at least {@link RARE_WEIGHT}.
 *
 * Runs in O(rare tokens).
 *
 * @example
 * rareTokenCount([0, 1, 2], Int32Array.of(5000, 3497, 1000)) //=> 2
 */
export function rareTokenCount(tokens: ArrayLike<number>, weights: ArrayLike<number>): number {
  let n = 0;
  while (n < tokens.length && (weights[tokens[n] as number] as number) >= RARE_WEIGHT) n++;
  return n;
}

/**
 * The number of *key tokens* of a token set: its first tokens, in an order shared by every set they
 * are compared with, up to the point where the tokens left weigh less than `minSimilarity` of the
 * whole. Two sets with weighted Jaccard similarity ≥ `minSimilarity` always share a key token (the
 * first token they share is a key token of both: were it not, the shared weight would be less than
 * `minSimilarity` of either set's weight), so a similarity join need only compare sets through their
 * key tokens. With tokens ordered rarest first, the key tokens are the rarest ones.
 *
 * Runs in O(|tokens|).
 *
 * @example
 * keyTokenCount([0, 1, 2], Int32Array.of(5000, 1000, 1000), 0.3) //=> 1
 */
export function keyTokenCount(tokens: ArrayLike<number>, weights: ArrayLike<number>, minSimilarity: number): number {
  let total = 0;
  for (let i = 0; i < tokens.length; i++) total += weights[tokens[i] as number] as number;
  const bound = minSimilarity * total;
  let rest = total;
  let n = 0;
  while (n < tokens.length && !(rest < bound)) rest -= weights[tokens[n++] as number] as number;
  return n;
}
