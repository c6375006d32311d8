import { TokenIds } from './intern.js';
import { grow } from '../_lib/grow.js';
import { rarityWeight } from './rarity.js';

/** Each buyer's subject vocabulary, and each record's subject tokens in it. */
export interface Vocabularies {
  /** The (buyer, token set) pair of each record (by index), or −1 when its subject has no tokens. */
  readonly pairOf: Int32Array;
  /**
   * The tokens of pair p as ascending ids of its buyer's vocabulary, so rarest first: records of
   * one buyer with the same token set share one array (`===`). Built on first request.
   */
  tokensOf(p: number): readonly number[];
  /** The weight table of pair p's buyer: `weightsOf(p)[id]` ({@link rarityWeight}). */
  weightsOf(p: number): Int32Array;
  /**
   * The first id of pair p's buyer's vocabulary that more than one of its records use: the ids
   * below it are tokens of a single record (numbered first), which relate that record to no other.
   */
  sharedFrom(p: number): number;
}

/**
 * Numbers each buyer's subject tokens rarest first and weighs them by rarity in that buyer's ledger.
 * A token's *uses* are the buyer's records whose subject contains it, out of the buyer's records
 * whose subject has any token; its id orders it by uses, then by the token itself, so the ids of the
 * tokens records share do not depend on record order (tokens of a single record, which no two records
 * share, come first in any order); its weight is {@link rarityWeight}(uses, records).
 *
 * `buyer[k]` is record k's buyer (a key from 0 up), `subject[k]` its subject key (−1 for none) and
 * `textOf(s)` the text of subject key s, asked once per subject key and read as similarity/tokens `subjectTokens`
 * splits it, straight into token ids ({@link TokenIds}: no string per token read).
 *
 * Subjects are first grouped by token set (subjects that differ only in dates, numbers or
 * boilerplate have one), so the work per buyer is per distinct token set it uses, not per subject.
 * Runs in O(n + S + T + V log V) for n records, S tokens over the distinct subjects, T tokens over
 * the distinct (buyer, token set) pairs and V tokens over the buyers' vocabularies.
 *
 * @example
 * const v = vocabularies(Int32Array.of(0, 0, 0), Int32Array.of(0, 1, 1), (s) => ['Road signs', 'signs 2024'][s]!);
 * [...v.pairOf].map((p) => v.tokensOf(p)) //=> [[0, 1], [1], [1]]
 */
export function vocabularies(buyer: Int32Array, subject: Int32Array, textOf: (s: number) => string): Vocabularies {
  const n = buyer.length;
  let subjects = 0;
  for (let k = 0; k < n; k++) subjects = Math.max(subjects, (subject[k] as number) + 1);

  // Each subject's tokens once, as ascending global ids in one array: ids[start[s] … end[s]).
  const tokens = new TokenIds();
  const start = new Int32Array(subjects).fill(-1);
  const end = new Int32Array(subjects);
  let ids: Int32Array = new Int32Array(1024);
  let used = 0;
  for (let k = 0; k < n; k++) {
    const s = subject[k] as number;
    if (s < 0 || start[s] !== -1) continue;
    start[s] = used;
    tokens.read(textOf(s));
    if (used + tokens.count > ids.length) ids = grow(ids, used + tokens.count);
    for (let i = 0; i < tokens.count; i++) ids[used++] = tokens.ids[i] as number;
    end[s] = used;
    sortRun(ids, start[s] as number, used);
  }
  const setOf = tokenSets(ids, start, end);

  // Records bucketed by buyer (a counting sort), then each buyer's distinct token sets — its
  // (buyer, token set) pairs — and how many of its records use each, found by stamping sets.
  let buyers = 0;
  for (let k = 0; k < n; k++) buyers = Math.max(buyers, (buyer[k] as number) + 1);
  const first = new Int32Array(buyers + 1);
  for (let k = 0; k < n; k++) first[(buyer[k] as number) + 1]! += 1;
  for (let b = 0; b < buyers; b++) first[b + 1]! += first[b] as number;
  const byBuyer = new Int32Array(n);
  const next = first.slice(0, buyers);
  for (let k = 0; k < n; k++) byBuyer[next[buyer[k] as number]!++] = k;
  const stamp = new Int32Array(subjects).fill(-1);
  const pairOfSet = new Int32Array(subjects);
  // A pair's token set is named by its first subject (see tokenSets).
  let pairSet: Int32Array = new Int32Array(1024);
  let pairUses: Int32Array = new Int32Array(1024);
  let pairs = 0;
  const pairOf = new Int32Array(n).fill(-1);
  const buyerPairs: number[] = [0];
  for (let b = 0; b < buyers; b++) {
    for (let i = first[b] as number; i < (first[b + 1] as number); i++) {
      const k = byBuyer[i] as number;
      const s = subject[k] as number;
      if (s < 0 || start[s] === end[s]) continue;
      const set = setOf[s] as number;
      if (stamp[set] !== b) {
        stamp[set] = b;
        pairOfSet[set] = pairs;
        if (pairs === pairSet.length) {
          pairSet = grow(pairSet, pairs + 1);
          pairUses = grow(pairUses, pairs + 1);
        }
        pairSet[pairs] = set;
        pairUses[pairs] = 0;
        pairs++;
      }
      const p = pairOfSet[set] as number;
      pairUses[p]! += 1;
      pairOf[k] = p;
    }
    if (pairs > (buyerPairs[buyerPairs.length - 1] as number)) buyerPairs.push(pairs);
  }

  // Each buyer's tokens and their uses (the r-th buyer with tokens has seen[seenFrom[r] … seenFrom[r + 1]))
  // and its records with tokens; the tokens some buyer uses more than once are ranked by text, once.
  const uses = new Int32Array(tokens.size);
  const seen: number[] = [];
  const seenUses: number[] = [];
  const seenFrom: number[] = [0];
  const records: number[] = [];
  const textRank = new Int32Array(tokens.size).fill(-1);
  const toRank: number[] = [];
  for (let range = 0; range + 1 < buyerPairs.length; range++) {
    const from = seen.length;
    let count = 0;
    for (let p = buyerPairs[range] as number; p < (buyerPairs[range + 1] as number); p++) {
      const u = pairUses[p] as number;
      const s = pairSet[p] as number;
      count += u;
      for (let i = start[s] as number; i < (end[s] as number); i++) {
        const g = ids[i] as number;
        if (uses[g] === 0) seen.push(g);
        uses[g]! += u;
      }
    }
    for (let i = from; i < seen.length; i++) {
      const g = seen[i] as number;
      seenUses.push(uses[g] as number);
      if ((uses[g] as number) > 1 && textRank[g] === -1) {
        textRank[g] = 0;
        toRank.push(g);
      }
      uses[g] = 0;
    }
    seenFrom.push(seen.length);
    records.push(count);
  }
  rankByText(toRank, tokens, textRank);

  // Pair p's tokens, as local ids ascending, are pairIds[pairFrom[p] … pairFrom[p + 1]); its buyer's
  // weights buyerWeights[pairRange[p]].
  const pairFrom = new Int32Array(pairs + 1);
  for (let p = 0; p < pairs; p++) pairFrom[p + 1] = (pairFrom[p] as number) + (end[pairSet[p] as number] as number) - (start[pairSet[p] as number] as number);
  const pairIds = new Int32Array(pairFrom[pairs] as number);
  const pairRange = new Int32Array(pairs);
  const buyerWeights: Int32Array[] = [];
  const buyerShared: number[] = [];
  const local = new Int32Array(tokens.size);
  const R = toRank.length;
  for (let range = 0; range + 1 < buyerPairs.length; range++) {
    // Tokens of a single record first (no two records share one, so their order among themselves
    // changes nothing), then by uses and by the token: sorted as the numbers uses × R + rank.
    const from = seenFrom[range] as number;
    const to = seenFrom[range + 1] as number;
    const weights = new Int32Array(to - from);
    let id = 0;
    let keys = 0;
    for (let i = from; i < to; i++) if (seenUses[i] === 1) local[seen[i] as number] = id++;
    else keys++;
    buyerShared.push(id);
    // Exact while uses × R stays below 2^53 (over 9·10^15): a ledger of n records and R ranked
    // tokens has uses ≤ n, so n·R would have to pass it.
    const key = new Float64Array(keys);
    keys = 0;
    for (let i = from; i < to; i++) if (seenUses[i] !== 1) key[keys++] = (seenUses[i] as number) * R + (textRank[seen[i] as number] as number);
    key.sort();
    for (let i = 0; i < keys; i++) local[toRank[(key[i] as number) % R] as number] = id++;
    for (let i = from; i < to; i++) weights[local[seen[i] as number] as number] = rarityWeight(seenUses[i] as number, records[range] as number);

    buyerWeights.push(weights);
    // Its pairs' tokens in local ids, each set sorted.
    for (let p = buyerPairs[range] as number; p < (buyerPairs[range + 1] as number); p++) {
      const s = pairSet[p] as number;
      const at = pairFrom[p] as number;
      for (let i = start[s] as number; i < (end[s] as number); i++) pairIds[at + i - (start[s] as number)] = local[ids[i] as number] as number;
      sortRun(pairIds, at, pairFrom[p + 1] as number);
      pairRange[p] = range;
    }
  }

  // Arrays only for the pairs asked for (the records that become candidate parts): distinct token
  // sets, so distinct arrays.
  const arrays: (number[] | undefined)[] = new Array(pairs);
  return {
    pairOf,
    tokensOf(p) {
      let set = arrays[p];
      if (set === undefined) {
        set = [];
        for (let i = pairFrom[p] as number; i < (pairFrom[p + 1] as number); i++) set.push(pairIds[i] as number);
        arrays[p] = set;
      }
      return set;
    },
    weightsOf: (p) => buyerWeights[pairRange[p] as number] as Int32Array,
    sharedFrom: (p) => buyerShared[pairRange[p] as number] as number,
  };
}

/**
 * Ranks the tokens `toRank` (global ids) by their text: sorts them and sets `textRank[g]` to each
 * one's place. Only these tokens' texts are made as strings. (A function of its own, so that the
 * closures `vocabularies` returns do not keep the token texts alive.)
 */
function rankByText(toRank: number[], tokens: TokenIds, textRank: Int32Array): void {
  const text = toRank.map((g) => tokens.tokenText(g));
  const order = toRank.map((_, i) => i).sort((a, b) => ((text[a] as string) < (text[b] as string) ? -1 : 1));
  const ranked = order.map((i) => toRank[i] as number);
  for (let r = 0; r < ranked.length; r++) {
    toRank[r] = ranked[r] as number;
    textRank[ranked[r] as number] = r;
  }
}

/** Sorts ids[from … to) ascending: by insertion when short (token sets mostly are), else by the typed array's sort. */
function sortRun(ids: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    ids.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const g = ids[i] as number;
    let j = i;
    for (; j > from && (ids[j - 1] as number) > g; j--) ids[j] = ids[j - 1] as number;
    ids[j] = g;
  }
}

/**
 * Numbers the distinct token sets of subjects (each the ascending run ids[start[s] … end[s]), empty
 * when start[s] = end[s]): subjects with equal runs get the same number, which is that of the first
 * of them (a subject key, so numbers stay below the number of subjects). Hashing, open addressing.
 */
function tokenSets(ids: Int32Array, start: Int32Array, end: Int32Array): Int32Array {
  const subjects = start.length;
  const setOf = new Int32Array(subjects).fill(-1);
  const mask = (1 << Math.ceil(Math.log2(2 * subjects + 2))) - 1;
  const slots = new Int32Array(mask + 1).fill(-1);
  for (let s = 0; s < subjects; s++) {
    const a = start[s] as number;
    const m = (end[s] as number) - a;
    if (a < 0 || m === 0) continue;
    let hash = m;
    for (let i = a; i < a + m; i++) hash = Math.imul(hash ^ (ids[i] as number), 0x9e3779b1);
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (; slots[slot] !== -1; slot = (slot + 1) & mask) {
      const o = slots[slot] as number;
      if (sameRun(ids, start[o] as number, end[o] as number, a, m)) break;
    }
    if (slots[slot] === -1) slots[slot] = s;
    setOf[s] = slots[slot] as number;
  }
  return setOf;
}

function sameRun(ids: Int32Array, a: number, aEnd: number, b: number, m: number): boolean {
  if (aEnd - a !== m) return false;
  for (let i = 0; i < m; i++) if (ids[a + i] !== ids[b + i]) return false;
  return true;
}
