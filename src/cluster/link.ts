import type { Item } from './item.js';
import { UnionFind } from './unionFind.js';
import { reachOf, type Window } from './window.js';
import type { ResolvedOptions } from '../options/resolve.js';
import { jaccard } from '../similarity/jaccard.js';

/** How items of one partition (same buyer, and same vendor/project/category/period where required) link. */
export interface LinkPolicy {
  /** Most days two linked dates may be apart (Infinity inside one calendar period). */
  readonly reach: number;
  /** The category signal is on (categoryPrefix > 0). */
  readonly useCategory: boolean;
  /** The text signal is on (minSimilarity > 0). */
  readonly useText: boolean;
  readonly minSimilarity: number;
  /** A subject requirement (same project / category) is met by the partition itself: time decides. */
  readonly required: boolean;
  /** Records from one vendor link whatever their subjects (vendor rule 'any' only). */
  readonly vendorLinks: boolean;
}

/** The link policy of resolved options and their window. */
export function linkPolicy(opts: Pick<ResolvedOptions, 'subject' | 'vendor' | 'linkSameVendor'>, window: Window): LinkPolicy {
  const { subject } = opts;
  return {
    reach: reachOf(window),
    useCategory: subject.categoryPrefix > 0,
    useText: subject.minSimilarity > 0,
    minSimilarity: subject.minSimilarity,
    required: subject.sameProject || subject.sameCategory,
    vendorLinks: opts.vendor === 'any' && opts.linkSameVendor,
  };
}

/**
 * The components of the link graph of one partition's items (in date order) that have at least
 * `minParts` items, each in date order, ordered by their first item.
 *
 * Runs in the time of {@link linkComponents} plus O(n).
 */
export function components(items: readonly Item[], policy: LinkPolicy, minParts: number): Item[][] {
  const uf = linkComponents(items, policy);
  const byRoot = new Map<number, Item[]>();
  for (let i = 0; i < items.length; i++) {
    const root = uf.find(i);
    const c = byRoot.get(root);
    if (c) c.push(items[i] as Item);
    else byRoot.set(root, [items[i] as Item]);
  }
  return [...byRoot.values()].filter((c) => c.length >= minParts);
}

/**
 * Connected components of the link graph of one partition, without comparing all pairs.
 * `items` must be in date order. Returns the component root of each item.
 *
 * Two items are linked when their dates are within `reach` and their subjects are related (see
 * `SubjectRule`): a shared category prefix, a shared project, text similarity ≥ minSimilarity, or
 * no comparable signal at all. Each kind of link is found by its own index:
 * - equal keys (category prefix, project): items of one key in date order, each joined to the next
 *   when within reach (an interval graph: this gives the same components as all its edges);
 * - text: a similarity join with prefix filtering over tokens ordered rarest first, probing only
 *   earlier items within reach, skipping pairs already in one component;
 * - no comparable signal: items grouped by which signals they carry; two groups with no signal in
 *   common are joined by linking each item to the nearest item of the other group on each side.
 *
 * Runs in O(n α(n)) for the key links and O(n + candidate pairs) for the text join.
 */
export function linkComponents(items: readonly Item[], policy: LinkPolicy): UnionFind {
  const n = items.length;
  const uf = new UnionFind(n);
  const day = Int32Array.from(items, (it) => it.rec.day);
  const { reach } = policy;

  const chain = (positions: readonly number[]): void => {
    for (let k = 1; k < positions.length; k++) {
      const a = positions[k - 1] as number;
      const b = positions[k] as number;
      if ((day[b] as number) - (day[a] as number) <= reach) uf.union(a, b);
    }
  };

  if (policy.required) {
    chain(Array.from({ length: n }, (_, i) => i));
    return uf;
  }

  const byCategory = new Map<string, number[]>();
  const byProject = new Map<string, number[]>();
  const byMask: number[][] = [[], [], [], [], [], [], [], []];
  const withText: number[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i] as Item;
    let mask = 0;
    if (policy.useCategory && it.categoryPrefix !== undefined) {
      push(byCategory, it.categoryPrefix, i);
      mask |= 1;
    }
    if (it.project !== undefined) {
      push(byProject, it.project, i);
      mask |= 2;
    }
    if (policy.useText && it.tokens.length > 0) {
      withText.push(i);
      mask |= 4;
    }
    (byMask[mask] as number[]).push(i);
  }
  for (const positions of byCategory.values()) chain(positions);
  for (const positions of byProject.values()) chain(positions);
  if (policy.vendorLinks) {
    const byVendor = new Map<string, number[]>();
    for (let i = 0; i < n; i++) if (!(items[i] as Item).placeholderVendor) push(byVendor, (items[i] as Item).rec.vendorKey, i);
    for (const positions of byVendor.values()) chain(positions);
  }

  if (withText.length > 1) textJoin(items, withText, day, reach, policy.minSimilarity, uf);

  // Pairs with no signal in common: masks m1, m2 with m1 & m2 === 0.
  chain(byMask[0] as number[]);
  for (let m1 = 0; m1 < 8; m1++) {
    for (let m2 = m1 + 1; m2 < 8; m2++) {
      if ((m1 & m2) !== 0) continue;
      const a = byMask[m1] as number[];
      const b = byMask[m2] as number[];
      if (a.length && b.length) linkAcross(a, b, day, reach, uf);
    }
  }
  return uf;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/**
 * Joins every item of `a` with every item of `b` within reach, up to connectivity: each item is
 * linked to the nearest item of the other group before it and after it, when within reach.
 * Both lists are ascending positions (so ascending dates).
 */
function linkAcross(a: readonly number[], b: readonly number[], day: Int32Array, reach: number, uf: UnionFind): void {
  // Forward: each item to the last other-group item before it; backward: to the first after it.
  let i = 0;
  let j = 0;
  let lastA = -1;
  let lastB = -1;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number));
    if (takeA) {
      const x = a[i++] as number;
      if (lastB >= 0 && (day[x] as number) - (day[lastB] as number) <= reach) uf.union(x, lastB);
      lastA = x;
    } else {
      const y = b[j++] as number;
      if (lastA >= 0 && (day[y] as number) - (day[lastA] as number) <= reach) uf.union(y, lastA);
      lastB = y;
    }
  }
  i = a.length - 1;
  j = b.length - 1;
  let nextA = -1;
  let nextB = -1;
  while (i >= 0 || j >= 0) {
    const takeA = j < 0 || (i >= 0 && (a[i] as number) > (b[j] as number));
    if (takeA) {
      const x = a[i--] as number;
      if (nextB >= 0 && (day[nextB] as number) - (day[x] as number) <= reach) uf.union(x, nextB);
      nextA = x;
    } else {
      const y = b[j--] as number;
      if (nextA >= 0 && (day[nextA] as number) - (day[y] as number) <= reach) uf.union(y, nextA);
      nextB = y;
    }
  }
}

/**
 * Similarity join: unions every pair within reach whose Jaccard similarity is ≥ t.
 * Prefix filtering: with tokens ordered rarest first, two sets with Jaccard ≥ t share a token among
 * the first |x| − ⌈t·|x|⌉ + 1 tokens of each; we index and probe a prefix at least that long.
 */
function textJoin(items: readonly Item[], positions: readonly number[], day: Int32Array, reach: number, t: number, uf: UnionFind): void {
  const index = new Map<number, number[]>();
  const seen = new Int32Array(items.length).fill(-1);
  for (const r of positions) {
    const x = (items[r] as Item).tokens;
    const prefix = x.length - Math.max(1, Math.floor(t * x.length)) + 1;
    const earliest = (day[r] as number) - reach;
    for (let k = 0; k < prefix; k++) {
      const list = index.get(x[k] as number);
      if (!list) continue;
      for (let q = list.length - 1; q >= 0; q--) {
        const c = list[q] as number;
        if ((day[c] as number) < earliest) break;
        if (seen[c] === r) continue;
        seen[c] = r;
        if (uf.find(c) === uf.find(r)) continue;
        const y = (items[c] as Item).tokens;
        // Length filter: |y| must lie in [t·|x|, |x| / t] for Jaccard ≥ t.
        if (y.length < t * x.length - 1e-9 || y.length * t > x.length + 1e-9) continue;
        if (jaccard(x, y) >= t) uf.union(r, c);
      }
    }
    for (let k = 0; k < prefix; k++) {
      const tok = x[k] as number;
      const list = index.get(tok);
      if (list) list.push(r);
      else index.set(tok, [r]);
    }
  }
}
