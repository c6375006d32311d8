import { rarityWeight } from './rarity.js';

/** Each buyer's subject vocabulary, and each record's subject tokens in it. */
export interface Vocabularies {
  /** The (buyer, subject) pair of each record (by index), or −1 when its subject has no tokens. */
  readonly pairOf: Int32Array;
  /**
   * The tokens of each pair as ascending ids of its buyer's vocabulary, so rarest first. Pairs of
   * one buyer with the same token set share one array (`===`).
   */
  readonly tokens: readonly (readonly number[])[];
  /** The weight table of each pair's buyer: `weights[p][id]` ({@link rarityWeight}). */
  readonly weights: readonly Int32Array[];
}

/**
 * Numbers each buyer's subject tokens rarest first and weighs them by rarity in that buyer's ledger.
 * A token's *uses* are the buyer's records whose subject contains it, out of the buyer's records
 * whose subject has any token; its id orders it by uses, then by the token itself, so the ids of the
 * tokens records share do not depend on record order (tokens of a single record, which no two records
 * share, come first in any order); its weight is {@link rarityWeight}(uses, records).
 *
 * `buyer[k]` is record k's buyer (a key from 0 up), `subject[k]` its subject key (−1 for none) and
 * `tokensOf(s)` the tokens of subject key s (distinct), asked once per subject key.
 *
 * Runs in O(n + T + V log V) for n records, T tokens over the distinct (buyer, subject) pairs and
 * V tokens over the buyers' vocabularies.
 *
 * @example
 * const v = vocabularies(Int32Array.of(0, 0, 0), Int32Array.of(0, 1, 1), (s) => [['road', 'signs'], ['signs']][s]!);
 * [...v.pairOf].map((p) => v.tokens[p]) //=> [[0, 1], [1], [1]]
 */
export function vocabularies(buyer: Int32Array, subject: Int32Array, tokensOf: (s: number) => readonly string[]): Vocabularies {
  const n = buyer.length;
  let subjects = 0;
  for (let k = 0; k < n; k++) subjects = Math.max(subjects, (subject[k] as number) + 1);

  // Each subject's tokens once, as global ids in one array: subject s holds ids[start[s] … end[s]).
  const globalIds = new Map<string, number>();
  const globalText: string[] = [];
  const start = new Int32Array(subjects).fill(-1);
  const end = new Int32Array(subjects);
  let ids: Int32Array = new Int32Array(1024);
  let used = 0;
  const tokenise = (s: number): void => {
    start[s] = used;
    for (const t of tokensOf(s)) {
      let g = globalIds.get(t);
      if (g === undefined) {
        g = globalText.length;
        globalIds.set(t, g);
        globalText.push(t);
      }
      if (used === ids.length) ids = grow(ids, used + 1);
      ids[used++] = g;
    }
    end[s] = used;
  };

  for (let k = 0; k < n; k++) if ((subject[k] as number) >= 0 && start[subject[k] as number] === -1) tokenise(subject[k] as number);

  // Records bucketed by buyer (a counting sort), then each buyer's distinct subjects with tokens —
  // its (buyer, subject) pairs — and how many of its records use each, found by stamping subjects.
  let buyers = 0;
  for (let k = 0; k < n; k++) buyers = Math.max(buyers, (buyer[k] as number) + 1);
  const first = new Int32Array(buyers + 1);
  for (let k = 0; k < n; k++) first[(buyer[k] as number) + 1]! += 1;
  for (let b = 0; b < buyers; b++) first[b + 1]! += first[b] as number;
  const byBuyer = new Int32Array(n);
  const next = first.slice(0, buyers);
  for (let k = 0; k < n; k++) byBuyer[next[buyer[k] as number]!++] = k;
  const stamp = new Int32Array(subjects).fill(-1);
  const pairOfSubject = new Int32Array(subjects);
  const pairBuyer: number[] = [];
  const pairSubject: number[] = [];
  const pairUses: number[] = [];
  const pairOf = new Int32Array(n).fill(-1);
  const buyerPairs: number[] = [0];
  for (let b = 0; b < buyers; b++) {
    for (let i = first[b] as number; i < (first[b + 1] as number); i++) {
      const k = byBuyer[i] as number;
      const s = subject[k] as number;
      if (s < 0 || start[s] === end[s]) continue;
      if (stamp[s] !== b) {
        stamp[s] = b;
        pairOfSubject[s] = pairBuyer.length;
        pairBuyer.push(b);
        pairSubject.push(s);
        pairUses.push(0);
      }
      const p = pairOfSubject[s] as number;
      pairUses[p]! += 1;
      pairOf[k] = p;
    }
    if (pairBuyer.length > (buyerPairs[buyerPairs.length - 1] as number)) buyerPairs.push(pairBuyer.length);
  }

  const pairTokens: (readonly number[])[] = new Array(pairBuyer.length);
  const pairWeights: Int32Array[] = new Array(pairBuyer.length);
  const uses = new Int32Array(globalText.length);
  const local = new Int32Array(globalText.length);
  let buffer: Int32Array = new Int32Array(16);
  for (let range = 0; range + 1 < buyerPairs.length; range++) {
    const pairs: number[] = [];
    for (let p = buyerPairs[range] as number; p < (buyerPairs[range + 1] as number); p++) pairs.push(p);
    const seen: number[] = [];
    let records = 0;
    for (const p of pairs) {
      const u = pairUses[p] as number;
      const s = pairSubject[p] as number;
      records += u;
      for (let i = start[s] as number; i < (end[s] as number); i++) {
        const g = ids[i] as number;
        if (uses[g] === 0) seen.push(g);
        uses[g]! += u;
      }
    }
    // Tokens of a single record first (no two records share one, so their order among themselves
    // changes nothing and costs no string comparisons), then by uses and by the token.
    const shared = seen.filter((g) => uses[g] !== 1);
    shared.sort((a, b) => (uses[a] as number) - (uses[b] as number) || (globalText[a]! < globalText[b]! ? -1 : 1));
    const ranked = seen.filter((g) => uses[g] === 1).concat(shared);
    const weights = new Int32Array(ranked.length);
    ranked.forEach((g, id) => {
      local[g] = id;
      weights[id] = rarityWeight(uses[g] as number, records);
    });

    // One array per token set: records with the same tokens share it (found by hash, open addressing).
    const mask = (1 << Math.ceil(Math.log2(2 * pairs.length + 2))) - 1;
    const slots = new Int32Array(mask + 1).fill(-1);
    const sets: number[][] = [];
    for (const p of pairs) {
      const s = pairSubject[p] as number;
      const m = (end[s] as number) - (start[s] as number);
      if (buffer.length < m) buffer = new Int32Array(m * 2);
      for (let i = 0; i < m; i++) {
        // Insertion sort: token sets are short.
        const id = local[ids[(start[s] as number) + i] as number] as number;
        let j = i;
        for (; j > 0 && (buffer[j - 1] as number) > id; j--) buffer[j] = buffer[j - 1] as number;
        buffer[j] = id;
      }
      let hash = m;
      for (let i = 0; i < m; i++) hash = Math.imul(hash ^ (buffer[i] as number), 0x9e3779b1);
      let slot = (hash ^ (hash >>> 15)) & mask;
      let set: number[] | undefined;
      for (; slots[slot] !== -1; slot = (slot + 1) & mask) {
        const other = sets[slots[slot] as number] as number[];
        if (sameIds(other, buffer, m)) {
          set = other;
          break;
        }
      }
      if (set === undefined) {
        set = [];
        for (let i = 0; i < m; i++) set.push(buffer[i] as number);
        slots[slot] = sets.length;
        sets.push(set);
      }
      pairTokens[p] = set;
      pairWeights[p] = weights;
    }
    for (const g of ranked) uses[g] = 0;
  }

  return { pairOf, tokens: pairTokens, weights: pairWeights };
}

function sameIds(a: readonly number[], b: Int32Array, m: number): boolean {
  if (a.length !== m) return false;
  for (let i = 0; i < m; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
