/**
 * "Did you mean …?" for misspelt names: an edit distance and the nearest of a list of known names.
 */

/**
 * Edit distance between two strings: the fewest insertions, deletions, substitutions and swaps of
 * two adjacent characters that turn `a` into `b` (the optimal string alignment distance).
 *
 * Runs in O(|a|·|b|) time and O(|b|) memory.
 *
 * @example
 * editDistance('windw', 'window')     //=> 1
 * editDistance('minSocre', 'minScore') //=> 1
 */
export function editDistance(a: string, b: string): number {
  const m = b.length;
  // Three rows of the dynamic programme: i − 2, i − 1 and i.
  let before = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[m] as number;
}

/**
 * The known name closest to `word`, ignoring case, when it is close enough to be a likely
 * misspelling of it: at most max(1, ⌊|word| / 3⌋) edits away (see {@link editDistance}), ties to
 * the earlier name; failing that, the first name that `word` (of three characters or more) begins
 * as, an abbreviation such as `minSim`. `undefined` when none qualifies.
 *
 * Runs in O(|word| · total length of the names).
 *
 * @example
 * closest('minscore', ['minParts', 'minScore'])     //=> 'minScore'
 * closest('minSim', ['minScore', 'minSimilarity']) //=> 'minSimilarity'
 * closest('colour', ['window', 'vendor'])          //=> undefined
 */
export function closest(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = editDistance(w, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (bestDistance <= limit) return best;
  return w.length >= 3 ? names.find((name) => name.toLowerCase().startsWith(w)) : undefined;
}
