import type { Item } from './item.js';
import { UnionFind } from './unionFind.js';
import { reachOf, type Window } from './window.js';
import type { ResolvedOptions } from '../options/resolve.js';
import { shareRareToken, similarSets, weightOf } from '../similarity/jaccard.js';
import { keyTokenCount, rareTokenCount } from '../similarity/rarity.js';

/**
 * Through each of its key tokens, a record is compared with at most this many of the latest earlier
 * records in reach that have the token as a key token; through each of its rare tokens, with at most
 * this many of each kind of record that may rare-link with it (see {@link LinkPolicy.textBudget}).
 */
export const TEXT_BUDGET = 64;

/** How items of one partition (same buyer, and same vendor/project/category/period where required) link. */
export interface LinkPolicy {
  /** Most days two linked dates may be apart (Infinity inside one calendar period). */
  readonly reach: number;
  /** The category signal is on (categoryPrefix > 0). */
  readonly useCategory: boolean;
  /** The text signal is on (minSimilarity > 0). */
  readonly useText: boolean;
  readonly minSimilarity: number;
  /**
   * The text join's bound on work per record: through each key token, an item is compared with at
   * most this many of the latest earlier items in reach having that key token; through each rare
   * token, with at most this many of each kind of item (with or without a category prefix, with or
   * without a project) that may rare-link with it and have that rare token ({@link TEXT_BUDGET}).
   */
  readonly textBudget: number;
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
    textBudget: TEXT_BUDGET,
    required: subject.sameProject || subject.sameCategory,
    vendorLinks: opts.vendor === 'any' && opts.linkSameVendor,
  };
}

/**
 * Whether time alone links the items of a partition (any two within `reach` days are linked): the
 * partition meets the subject requirement, or the policy compares no subject signal (category,
 * text, or `projects`: some item carries a project that links) and no vendor — every pair then has
 * no signal in common, as in the pcard preset. The components are then the chains of items whose
 * consecutive dates are at most `reach` days apart. Runs in O(1).
 */
export function timeAlone(policy: LinkPolicy, projects: boolean): boolean {
  return policy.required || (!policy.useCategory && !policy.useText && !policy.vendorLinks && !projects);
}

/**
 * The components of the link graph of one partition's items (in date order) that have at least
 * `minParts` items, each in date order, ordered by their first item.
 *
 * Runs in the time of {@link linkComponents} plus O(n).
 */
export function components(items: readonly Item[], policy: LinkPolicy, minParts: number): Item[][] {
  if (timeAlone(policy, items.some((it) => it.project !== undefined))) return chains(items, policy.reach, minParts);
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
 * The components when time alone links (see {@link timeAlone}): the runs of items (in date order)
 * whose consecutive dates are at most `reach` days apart, those of at least `minParts` items, read
 * off in one pass (what {@link linkComponents} finds, without its union-find). Runs in O(n).
 */
function chains(items: readonly Item[], reach: number, minParts: number): Item[][] {
  const out: Item[][] = [];
  let previous = 0;
  for (let i = 0, from = 0; i <= items.length; i++) {
    const end = i === items.length;
    const day = end ? previous : (items[i] as Item).day;
    if (i > from && (end || day - previous > reach)) {
      if (i - from >= minParts) out.push(items.slice(from, i));
      from = i;
    }
    previous = day;
  }
  return out;
}

/**
 * Connected components of the link graph of one partition, without comparing all pairs.
 * `items` must be in date order. Returns the component root of each item.
 *
 * Two items are linked when their dates are within `reach` and their subjects are related (see
 * `SubjectRule`): a shared category prefix, a shared project, related texts (weighted Jaccard ≥
 * minSimilarity, or a shared rare token where no category or project is comparable; found by the
 * text join within its budget), or no comparable signal at all; with `vendorLinks`, also one vendor
 * or one vendor trade (`Item.trade`). Each kind of link is found by its own index:
 * - equal keys (category prefix, project, token set, vendor, trade): items of one key in date order, each joined
 *   to the next when within reach (an interval graph: this gives the same components as all its edges);
 * - text: a similarity join over key and rare tokens (see `textJoin`), probing earlier items within
 *   reach, at most `textBudget` of them per token list, skipping pairs already in one component;
 * - no comparable signal: items grouped by which signals they carry; two groups with no signal in
 *   common are joined by linking each item to the nearest item of the other group on each side.
 *
 * Runs in O(n α(n)) for the key links and O(n + k·textBudget) pair comparisons for the text join
 * (k key and rare tokens in all, a few per item).
 */
export function linkComponents(items: readonly Item[], policy: LinkPolicy): UnionFind {
  const n = items.length;
  const uf = new UnionFind(n);
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) day[i] = (items[i] as Item).day;
  const { reach } = policy;

  const chain = (positions: readonly number[]): void => chainWithin(positions, day, reach, uf);

  if (timeAlone(policy, items.some((it) => it.project !== undefined))) {
    const all = new Array<number>(n);
    for (let i = 0; i < n; i++) all[i] = i;
    chain(all);
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
    const byTrade = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const it = items[i] as Item;
      if (it.placeholderVendor) continue;
      push(byVendor, it.vendorKey, i);
      if (it.trade !== undefined) push(byTrade, it.trade, i);
    }
    for (const positions of byVendor.values()) chain(positions);
    for (const positions of byTrade.values()) chain(positions);
  }

  if (withText.length > 1) textJoin(items, withText, day, policy, uf);

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

/** Joins each of `positions` (ascending, so in date order) to the next when within reach: an interval graph's components. */
function chainWithin(positions: readonly number[], day: Int32Array, reach: number, uf: UnionFind): void {
  for (let k = 1; k < positions.length; k++) {
    const a = positions[k - 1] as number;
    const b = positions[k] as number;
    if ((day[b] as number) - (day[a] as number) <= reach) uf.union(a, b);
  }
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
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
 * Similarity join: unions the pairs within reach whose subjects are related — weighted Jaccard ≥ t
 * (similarity/jaccard `similarEnough`), or a shared rare token (similarity/rarity `RARE_WEIGHT`)
 * between items of disjoint kinds (`kindOf`: no category prefix or project comparable) — as far as
 * the budget lets it look:
 * - items with the same token set (one shared array per buyer) are chained in date order: they are
 *   similar whatever t;
 * - two similar sets share a key token of both (`keyTokenCount`), so each item is indexed under its
 *   key tokens and, in date order, probes the list of each for earlier items within reach;
 * - two items that may rare-link share a rare token of both (`rareTokenCount`: with tokens rarest
 *   first, the first tokens), so each item is indexed under its rare tokens in the list of its kind,
 *   and probes the lists of the kinds disjoint from its own;
 * the latest first and at most `budget` of them per list, skipping pairs already in one component,
 * then pairs that may not rare-link and whose weights are too far apart to be similar. A token no
 * other record of the buyer has (`Item.sharedFrom`) can relate no pair: it is neither indexed nor
 * probed, so items with a word of their own (a serial number, a name) cost no list.
 *
 * Runs in O(n + k·budget) comparisons for n items with k key and rare tokens in all, each
 * comparison in O(tokens of the pair).
 */
function textJoin(items: readonly Item[], positions: readonly number[], day: Int32Array, policy: LinkPolicy, uf: UnionFind): void {
  const { reach, minSimilarity: t, textBudget: budget } = policy;
  // Tokens of a single record of the buyer relate it to no other (the vocabulary numbers them
  // first, below `shared`): such a record has a token set of its own, and its tokens are neither
  // indexed nor probed.
  const shared = (items[positions[0] as number] as Item).sharedFrom ?? 0;
  const sameSet = new Map<readonly number[], number[]>();
  for (const r of positions) {
    const tokens = (items[r] as Item).tokens;
    if ((tokens[0] as number) >= shared) push(sameSet, tokens, r);
  }
  for (const list of sameSet.values()) chainWithin(list, day, reach, uf);
  // Once every item is in one component, no pair is left to join.
  let components = 0;
  for (let i = 0; i < items.length; i++) if (uf.find(i) === i) components++;

  // The tokens of all items in one array, in date order: the items compared are recent, so near.
  const start = new Int32Array(items.length + 1);
  for (const r of positions) start[r + 1] = (items[r] as Item).tokens.length;
  for (let i = 0; i < items.length; i++) start[i + 1]! += start[i] as number;
  const flat = new Int32Array(start[items.length] as number);
  for (const r of positions) flat.set((items[r] as Item).tokens, start[r]);
  const weights = (items[positions[0] as number] as Item).weights;

  // Key-token lists hold every item; rare-token lists one per kind of item (with or without a
  // category, with or without a project: kindOf), read only by the kinds that may rare-link with it
  // (disjoint kinds), and filled only when some such kind is in the partition.
  const keyIndex = new Map<number, number[]>();
  const rareIndex = [new Map<number, number[]>(), new Map<number, number[]>(), new Map<number, number[]>(), new Map<number, number[]>()];
  const kinds = new Uint8Array(items.length);
  const present = [false, false, false, false];
  for (const r of positions) {
    kinds[r] = kindOf(items[r] as Item, policy.useCategory);
    present[kinds[r] as number] = true;
  }
  const readable = present.map((_, kind) => present.some((there, other) => there && (kind & other) === 0));
  const lists: (number[] | undefined)[] = [];
  const seen = new Int32Array(items.length).fill(-1);
  const total = new Float64Array(items.length);
  for (const r of positions) {
    if (components === 1) return;
    const a = start[r] as number;
    const aEnd = start[r + 1] as number;
    const wx = weightOf(flat, weights, a, aEnd);
    total[r] = wx;
    const keys = keyTokenCount(flat, weights, t, a, aEnd);
    const rares = rareTokenCount(flat, weights, a, aEnd);
    const kind = kinds[r] as number;
    let s = a;
    while (s < aEnd && (flat[s] as number) < shared) s++;
    lists.length = 0;
    for (let k = s; k < a + keys; k++) lists.push(keyIndex.get(flat[k] as number));
    for (let other = 0; other < 4; other++) if (present[other] && (kind & other) === 0) for (let k = s; k < a + rares; k++) lists.push((rareIndex[other] as Map<number, number[]>).get(flat[k] as number));
    const earliest = (day[r] as number) - reach;
    let root = uf.find(r);
    for (const list of lists) {
      if (!list) continue;
      for (let q = list.length - 1, left = budget; q >= 0 && left > 0; q--, left--) {
        const c = list[q] as number;
        if ((day[c] as number) < earliest) break;
        if (seen[c] === r) continue;
        seen[c] = r;
        if (uf.find(c) === root) continue;
        const b = start[c] as number;
        const wy = total[c] as number;
        // Weight filter: the similarity is at most the lighter set's weight over the heavier one's.
        const related =
          ((kind & (kinds[c] as number)) === 0 && shareRareToken(flat, a, aEnd, b, start[c + 1] as number, weights)) ||
          (Math.min(wx, wy) >= t * Math.max(wx, wy) && similarSets(flat, a, aEnd, b, start[c + 1] as number, weights, wx, wy, t));
        if (related) {
          uf.union(r, c);
          root = uf.find(r);
          components--;
        }
      }
    }
    for (let k = s; k < a + keys; k++) push(keyIndex, flat[k] as number, r);
    if (readable[kind]) for (let k = s; k < a + rares; k++) push(rareIndex[kind] as Map<number, number[]>, flat[k] as number, r);
  }
}

/**
 * An item's kind for rare-token links: bit 1 when it has a category prefix (with the category
 * signal on), bit 2 when it has a specific project. A shared rare token may relate two items only
 * when their kinds are disjoint — neither a category prefix nor a project is comparable between them:
 * rare-token evidence is the weakest, so it fills gaps and never overrides categories or projects
 * that tell the two apart.
 */
function kindOf(it: Item, useCategory: boolean): number {
  return (useCategory && it.categoryPrefix !== undefined ? 1 : 0) | (it.project !== undefined ? 2 : 0);
}
