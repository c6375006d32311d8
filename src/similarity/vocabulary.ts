import { rarityWeight } from './rarity.js';

/** Each buyer's subject vocabulary, and each record's subject tokens in it. */
export interface Vocabularies {
  /**
   * The tokens of each record (by index) as ascending ids of its buyer's vocabulary, so rarest
   * first; empty when the record has no subject tokens. Records of one buyer with the same token
   * set share one array (`===`).
   */
  readonly tokens: readonly (readonly number[])[];
  /** The weight table of each record's buyer (by record index): `weights[k][id]` ({@link rarityWeight}). */
  readonly weights: readonly Int32Array[];
}

const NONE: readonly number[] = [];
const NO_WEIGHTS = new Int32Array(0);

/**
 * Numbers each buyer's subject tokens rarest first and weighs them by rarity in that buyer's ledger.
 * A token's *uses* are the buyer's records whose subject contains it, out of the buyer's records
 * whose subject has any token; its id orders it by uses, then by the token itself (so the ids do not
 * depend on record order), and its weight is {@link rarityWeight}(uses, records).
 *
 * `buyer[k]` is record k's buyer (any integer key), `subject[k]` its subject key (−1 for none) and
 * `tokensOf(s)` the tokens of subject key s (distinct).
 *
 * Runs in O(n + T + V log V) for n records, T tokens over the distinct (buyer, subject) pairs and
 * V tokens over the buyers' vocabularies.
 *
 * @example
 * vocabularies(Int32Array.of(0, 0, 0), Int32Array.of(0, 1, 1), (s) => [['road', 'signs'], ['signs']][s]!).tokens
 * //=> [[0, 1], [1], [1]]
 */
export function vocabularies(buyer: Int32Array, subject: Int32Array, tokensOf: (s: number) => readonly string[]): Vocabularies {
  const n = buyer.length;
  // Distinct (buyer, subject) pairs with tokens, and how many records use each.
  const pairIds = new Map<number, number>();
  const pairBuyer: number[] = [];
  const pairSubject: number[] = [];
  const pairUses: number[] = [];
  const pairOf = new Int32Array(n).fill(-1);
  let subjects = 0;
  for (let k = 0; k < n; k++) {
    const s = subject[k] as number;
    if (s < 0) continue;
    subjects = Math.max(subjects, s + 1);
  }
  const hasTokens = new Int8Array(subjects).fill(-1);
  for (let k = 0; k < n; k++) {
    const s = subject[k] as number;
    if (s < 0) continue;
    if (hasTokens[s] === -1) hasTokens[s] = tokensOf(s).length > 0 ? 1 : 0;
    if (hasTokens[s] === 0) continue;
    const key = (buyer[k] as number) * subjects + s;
    let p = pairIds.get(key);
    if (p === undefined) {
      p = pairBuyer.length;
      pairIds.set(key, p);
      pairBuyer.push(buyer[k] as number);
      pairSubject.push(s);
      pairUses.push(0);
    }
    pairUses[p]! += 1;
    pairOf[k] = p;
  }

  // Tokens as global ids, so per-buyer counts run on arrays.
  const globalIds = new Map<string, number>();
  const globalText: string[] = [];
  const subjectIds: (number[] | undefined)[] = new Array(subjects);
  const idsOf = (s: number): number[] => {
    let ids = subjectIds[s];
    if (ids === undefined) {
      ids = tokensOf(s).map((t) => {
        let g = globalIds.get(t);
        if (g === undefined) {
          g = globalText.length;
          globalIds.set(t, g);
          globalText.push(t);
        }
        return g;
      });
      subjectIds[s] = ids;
    }
    return ids;
  };

  // Pairs grouped by buyer, each buyer's vocabulary counted, ordered and weighed.
  const byBuyer = new Map<number, number[]>();
  for (let p = 0; p < pairBuyer.length; p++) {
    const list = byBuyer.get(pairBuyer[p] as number);
    if (list) list.push(p);
    else byBuyer.set(pairBuyer[p] as number, [p]);
  }
  const pairTokens: (readonly number[])[] = new Array(pairBuyer.length);
  const pairWeights: Int32Array[] = new Array(pairBuyer.length);
  let uses: Int32Array = new Int32Array(0);
  let local: Int32Array = new Int32Array(0);
  for (const pairs of byBuyer.values()) {
    for (const p of pairs) idsOf(pairSubject[p] as number);
    if (uses.length < globalText.length) {
      uses = grow(uses, globalText.length);
      local = grow(local, globalText.length);
    }
    const seen: number[] = [];
    let records = 0;
    for (const p of pairs) {
      const u = pairUses[p] as number;
      records += u;
      for (const g of subjectIds[pairSubject[p] as number] as number[]) {
        if (uses[g] === 0) seen.push(g);
        uses[g]! += u;
      }
    }
    seen.sort((a, b) => (uses[a] as number) - (uses[b] as number) || (globalText[a]! < globalText[b]! ? -1 : 1));
    const weights = new Int32Array(seen.length);
    seen.forEach((g, id) => {
      local[g] = id;
      weights[id] = rarityWeight(uses[g] as number, records);
    });
    // One array per token set: records with the same tokens share it.
    const sets = new Map<string, number[]>();
    for (const p of pairs) {
      const ids = (subjectIds[pairSubject[p] as number] as number[]).map((g) => local[g] as number).sort((a, b) => a - b);
      const key = ids.join(',');
      let set = sets.get(key);
      if (set === undefined) sets.set(key, (set = ids));
      pairTokens[p] = set;
      pairWeights[p] = weights;
    }
    for (const g of seen) uses[g] = 0;
  }

  const tokens: (readonly number[])[] = new Array(n);
  const weights: Int32Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const p = pairOf[k] as number;
    tokens[k] = p < 0 ? NONE : (pairTokens[p] as readonly number[]);
    weights[k] = p < 0 ? NO_WEIGHTS : (pairWeights[p] as Int32Array);
  }
  return { tokens, weights };
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
