/**
 * Pairs two lists of findings (or decisions) that describe record sets: first by equal id, then by
 * overlap of record ids, never across buyers. Used by `applyDecisions` (decisions ↔ findings) and
 * `diffReports` (last run ↔ this run), so both link a grown or shrunk finding the same way.
 */
import { normalizeText } from '../records/normalize.js';

/** Something with an id and the record ids it covers, and the buyer they are purchases of. */
export interface RecordSet {
  readonly id: string;
  readonly recordIds: readonly string[];
  /** When both sets of a pair name one, they pair only if it is the same buyer (as detection compares buyers). */
  readonly buyer?: string | undefined;
}

/**
 * Whether two sets may be one: the same buyer, or a set that names none. A record id is the
 * purchase's only within its file and run; under another buyer the same id is another purchase.
 */
export function sameBuyer(x: RecordSet, y: RecordSet): boolean {
  return x.buyer === undefined || y.buyer === undefined || x.buyer === y.buyer || normalizeText(x.buyer) === normalizeText(y.buyer);
}

/** One pair: `link` says whether the ids were equal or only records overlapped. */
export interface MatchedPair<A, B> {
  readonly a: A;
  readonly b: B;
  readonly link: 'id' | 'overlap';
  /** Record ids in `b` and not in `a`, sorted. */
  readonly added: readonly string[];
  /** Record ids in `a` and not in `b`, sorted. */
  readonly removed: readonly string[];
}

/** What {@link matchRecordSets} returns; every input item is in exactly one of the three lists. */
export interface Matching<A, B> {
  readonly pairs: readonly MatchedPair<A, B>[];
  readonly onlyA: readonly A[];
  readonly onlyB: readonly B[];
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Pairs items of `a` with items of `b`, one to one, of the same buyer ({@link sameBuyer}). Equal ids
 * pair first; then, among the rest, the pair sharing the most record ids pairs next (ties: the larger share of their union, then the
 * smaller ids), until no unpaired items share a record. So no item left in `onlyA` shares a record
 * with an item of the same buyer left in `onlyB`. The result does not depend on the order of either list, as long as
 * ids are unique within each list.
 *
 * Runs in O(r + p log p) for r record ids in all and p overlapping pairs.
 */
export function matchRecordSets<A extends RecordSet, B extends RecordSet>(a: readonly A[], b: readonly B[]): Matching<A, B> {
  const pairs: MatchedPair<A, B>[] = [];
  const bById = new Map<string, B>();
  for (const y of b) bById.set(y.id, y);
  const usedB = new Set<B>();
  const restA: A[] = [];
  for (const x of a) {
    const y = bById.get(x.id);
    if (y !== undefined && !usedB.has(y) && sameBuyer(x, y)) {
      usedB.add(y);
      pairs.push(pair(x, y, 'id'));
    } else restA.push(x);
  }
  const restB = b.filter((y) => !usedB.has(y));

  // Candidate pairs: items sharing at least one record id.
  const byRecord = new Map<string, number[]>();
  restB.forEach((y, j) => {
    for (const r of new Set(y.recordIds)) {
      const list = byRecord.get(r);
      if (list) list.push(j);
      else byRecord.set(r, [j]);
    }
  });
  const candidates: { i: number; j: number; shared: number; share: number }[] = [];
  restA.forEach((x, i) => {
    const shared = new Map<number, number>();
    for (const r of new Set(x.recordIds)) for (const j of byRecord.get(r) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      if (!sameBuyer(x, restB[j] as B)) continue;
      const union = new Set(x.recordIds).size + new Set((restB[j] as B).recordIds).size - n;
      candidates.push({ i, j, shared: n, share: n / union });
    }
  });
  candidates.sort(
    (p, q) =>
      q.shared - p.shared ||
      q.share - p.share ||
      cmp((restA[p.i] as A).id, (restA[q.i] as A).id) ||
      cmp((restB[p.j] as B).id, (restB[q.j] as B).id),
  );
  const takenA = new Uint8Array(restA.length);
  const takenB = new Uint8Array(restB.length);
  for (const c of candidates) {
    if (takenA[c.i] || takenB[c.j]) continue;
    takenA[c.i] = 1;
    takenB[c.j] = 1;
    pairs.push(pair(restA[c.i] as A, restB[c.j] as B, 'overlap'));
  }
  return {
    pairs,
    onlyA: restA.filter((_, i) => !takenA[i]),
    onlyB: restB.filter((_, j) => !takenB[j]),
  };
}

function pair<A extends RecordSet, B extends RecordSet>(a: A, b: B, link: 'id' | 'overlap'): MatchedPair<A, B> {
  const inA = new Set(a.recordIds);
  const inB = new Set(b.recordIds);
  return {
    a,
    b,
    link,
    added: [...inB].filter((r) => !inA.has(r)).sort(cmp),
    removed: [...inA].filter((r) => !inB.has(r)).sort(cmp),
  };
}

/** Where {@link nearestSets} puts an item of `a`: the item of `b` it is now, if any. */
export interface Nearest<A, B> {
  readonly a: A;
  /** The pair, or undefined when no item of `b` (of its buyer) has its id or shares a record with it. */
  readonly pair?: MatchedPair<A, B> & { readonly shared: number; readonly share: number };
}

/**
 * For each item of `a`, the item of `b` it is now, of the same buyer ({@link sameBuyer}): the one
 * with its id, else the one sharing the most of its record ids (ties: the larger share of their
 * union, then the smaller id). Several items of `a` may land on one of `b` (findings that merged);
 * each lands where it would alone, so the result does not depend on the order of either list.
 *
 * Runs in O(r + p) for r record ids in all and p overlapping pairs.
 */
export function nearestSets<A extends RecordSet, B extends RecordSet>(a: readonly A[], b: readonly B[]): Nearest<A, B>[] {
  const bById = new Map<string, B[]>();
  const byRecord = new Map<string, B[]>();
  for (const y of b) {
    const withId = bById.get(y.id);
    if (withId) withId.push(y);
    else bById.set(y.id, [y]);
    for (const r of new Set(y.recordIds)) {
      const list = byRecord.get(r);
      if (list) list.push(y);
      else byRecord.set(r, [y]);
    }
  }
  return a.map((x) => {
    const own = new Set(x.recordIds);
    const same = bById.get(x.id)?.find((y) => sameBuyer(x, y));
    if (same !== undefined) return { a: x, pair: { ...pair(x, same, 'id'), ...overlap(own, same) } };
    const shared = new Map<B, number>();
    for (const r of own) for (const y of byRecord.get(r) ?? []) if (sameBuyer(x, y)) shared.set(y, (shared.get(y) ?? 0) + 1);
    let best: { y: B; shared: number; share: number } | undefined;
    for (const [y, n] of shared) {
      const share = n / (own.size + new Set(y.recordIds).size - n);
      if (best === undefined || n > best.shared || (n === best.shared && (share > best.share || (share === best.share && cmp(y.id, best.y.id) < 0)))) best = { y, shared: n, share };
    }
    return best === undefined ? { a: x } : { a: x, pair: { ...pair(x, best.y, 'overlap'), shared: best.shared, share: best.share } };
  });
}

/** How many of `own` a set holds, and their share of the union. */
function overlap(own: ReadonlySet<string>, y: RecordSet): { shared: number; share: number } {
  const theirs = new Set(y.recordIds);
  let n = 0;
  for (const r of own) if (theirs.has(r)) n++;
  return { shared: n, share: n / (own.size + theirs.size - n) };
}
