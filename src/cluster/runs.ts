import type { Item } from './item.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { clearOrder, crosses, RELATIVE_SLACK } from '../thresholds/compare.js';
import { D, isRound } from '../_lib/decimal.js';
import { SlotHeap } from '../_lib/heap.js';

/** What a cluster is cut against: a threshold's value, how a total crosses it and its last day in force. */
export type RunTier = Pick<ResolvedThreshold, 'value' | 'approx' | 'cumulative' | 'toDay'>;

/** Options of {@link extractRuns}. */
export interface ExtractRunsOptions {
  /** Most days two parts of one window lie apart: N − 1 for `{ days: N }`, Infinity inside one calendar period. */
  readonly reach: number;
  /** Fewest parts of a run. */
  readonly minParts: number;
  /** A window holding more parts than this (not yet in a run) whose total crosses the tier is a large run. */
  readonly maxParts: number;
  /** `'window'`: a window proposes all its free parts, not the sets that look most like one requirement. */
  readonly whole?: boolean | undefined;
  /**
   * Nonzero for a record (by table index `k`) already in a run or a large run, of this threshold or a
   * more serious one: it still links its neighbours (it is part of the cluster), but is no part again.
   */
  readonly taken: ArrayLike<number>;
  /**
   * How much a crossing set of parts (in date order) looks like one requirement cut into pieces:
   * higher is more. Detection passes the finding's score. NaN counts as −Infinity.
   */
  readonly rank: (run: readonly Item[]) => number;
  /**
   * Whether a free part's subject belongs with a core's part: an extension takes a part only when it
   * belongs with one of the core's parts. Detection passes "they agree at least `minSimilarity` by
   * their closest signal, or carry none to compare" (`pairAgreement`). Absent: every part belongs.
   */
  readonly related?: ((part: Item, corePart: Item) => boolean) | undefined;
}

/** The runs of one cluster. */
export interface Extraction {
  /** Disjoint sets of parts that each cross the tier, in the order they were chosen, each in date order. */
  readonly runs: Item[][];
  /** Windows whose parts were more than `maxParts` and crossed the tier, each whole, in date order. */
  readonly largeRuns: Item[][];
}

/** Proposals per window: its largest parts, its tightest runs from its first and from its last day, its main vendor's largest parts, its parts of one repeated amount, its main project's parts, its round parts. */
const SLOTS = 7;

/**
 * A window of more than `BUSY × maxParts` free parts crossing the tier is a large run before any run
 * is chosen (see {@link extractRuns}): it bounds the parts a proposal reads.
 */
export const BUSY = 4;

/** A proposal: a set of parts and its rank. */
interface Proposal {
  readonly rank: number;
  /** Positions in the cluster, ascending. */
  readonly parts: readonly number[];
}

/** The positions flagged 1, ascending. */
function freeOf(flags: Uint8Array): number[] {
  const out: number[] = [];
  for (let p = 0; p < flags.length; p++) if (flags[p]) out.push(p);
  return out;
}

/** Ascending position lists in lexicographic order, a list before its extensions. */
function lexBefore(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return a.length < b.length;
}

/**
 * Extracts from one cluster (its items in date order, ties by id) the disjoint sets of parts that
 * look most like one requirement cut into pieces, each crossing the tier.
 *
 * The rule. The cluster's parts not yet in a run are *free*. Every day on which the cluster has a
 * part anchors two windows: one that starts that day (the days up to `reach` later; for a calendar
 * period, the rest of the period) and one that ends that day (up to `reach` earlier; the start of the
 * period). A window's *content* is its free parts.
 * 1. Busy windows. In date order, each window that starts on a day the tier is in force and holds
 *    more than `BUSY` (4) × `maxParts` free parts whose total crosses the tier is taken whole, as a
 *    large run (more than `maxParts` when windows propose their whole content, `whole`).
 * 2. Runs. Each window whose content has at least `minParts` parts, starts on a day the tier is in
 *    force and crosses the tier proposes sets of six kinds (a window of more than `maxParts` parts,
 *    only the last four: see below). Each of the first three starts from a *core* that leaves out
 *    the parts adding nothing: its *largest parts* (the content with its smallest parts dropped while
 *    the rest still crosses; the earlier first among equal amounts), its *tightest run* (the content
 *    with the parts farthest from the anchoring day dropped while the rest still crosses), each with
 *    at least `minParts` parts, and, when the content holds parts of two or more vendors, its *main
 *    vendor's largest parts*: the parts of the vendor with the largest free total in the window (the
 *    smaller vendor key on a tie; each part of a placeholder vendor is a vendor of its own, one part
 *    that proposes nothing, and loses a tie to a named vendor), cut to their largest parts likewise,
 *    when they cross — one supplier's purchases are the likeliest pieces of one requirement, and
 *    neither cut by amount or time alone finds them among a busy window's other purchases. The
 *    fourth is its *parts of one amount*: of the amounts that at least `minParts` and at most
 *    `maxParts` of its parts share exactly and whose parts cross, the one with the largest total (the
 *    earlier first part on a tie), all its parts, as they are — one requirement cut into equal
 *    pieces is the classic split, and among a busy supplier's routine purchases of the same thing
 *    nothing else tells its pieces apart. The fifth is its *main project's parts*: when the content
 *    holds parts of two or more specific budget projects, or parts without one beside a project's,
 *    the parts of the project with the largest free total (the project of the earlier first part on
 *    a tie), all of them, when they are `minParts` to `maxParts` and cross — a requirement is funded
 *    from one budget line, whatever its contractors. The sixth is its *round parts*: when some but
 *    not all of the content's parts have round amounts as recorded (`isRound`: whole multiples of
 *    1,000 or two significant digits at most), all of those, when they are `minParts` to `maxParts`
 *    and cross — a budget cut by hand gives made-up figures, a supplier's priced purchases do not.
 *    A window of more than `maxParts` parts proposes only the last four, the main vendor's only when
 *    the vendor has at most `maxParts` parts in it: a split hidden in a busy month of routine buying
 *    is found as the supplier's own pieces, the pieces of one amount, one project's or the round
 *    ones, while the month as a whole is no requirement. A core
 *    then takes the free parts that belong with it — at least half its smallest part, as close in
 *    time as its own parts are to each other (within its largest gap between consecutive days of the
 *    run), of a subject `related` to one of the core's parts (detection: agreeing at least
 *    `minSimilarity` by the closest signal both carry, or carrying none to compare: a purchase of
 *    something else is no piece of the requirement, however near in size and time), and of the main
 *    vendor for the main vendor's core — nearest first (the earlier on a tie), each while the whole
 *    still fits one window; a core so extended to more than `maxParts` parts proposes nothing (the
 *    window that holds it, starting on its first day, is a large run in step 3 unless runs take
 *    its parts first). A proposal counts when its first part is dated
 *    while the tier is in force. The proposal with the highest `rank` (ties: the earlier parts, by
 *    position) becomes a run; its parts are no longer free; proposals are made again, until no
 *    window proposes.
 * 3. Large runs. Then, in date order, each window that starts on a day in force and still holds more
 *    than `maxParts` free parts whose total crosses the tier is taken whole, as a large run: a rule
 *    that groups that much is not describing one requirement. The windows that shared parts with
 *    them propose again, and step 2 goes on until no window proposes (no window of more than
 *    `maxParts` parts can cross again: windows only lose parts).
 *
 * Hence runs and large runs are disjoint, no run spans more than one window, and every set of free
 * parts of the cluster that fits in one window, starts while the tier is in force and crosses it
 * overlaps a run or a large run: otherwise the window starting on its first day would still propose
 * (at most `maxParts` parts) or would have been taken in step 3 (more).
 *
 * Runs in O(k log k) for k parts plus, per run chosen, the proposals of the windows whose free parts
 * it took: O(w · m log m) for w such windows of at most m = `BUSY × maxParts` parts (and the free
 * parts within a window of each core), and one `rank` call per proposal never ranked before. A
 * cluster on one day or in one busy window of more than `BUSY × maxParts` parts costs O(k log k): it is
 * a large run; a cluster on one day whose windows propose their whole content (`whole`) costs O(k),
 * and its run is not ranked. So does any cluster under a calendar window with `whole`: its period is
 * its one window (a calendar window's cluster never leaves its period), whose whole content, the
 * period's total, is its one proposal.
 *
 * @example
 * // Parts (k, day, amount) (0, 0, 100), (1, 1, 600), (2, 2, 500) against a 1,000 limit: the small
 * // first part adds nothing. Ranked here by fewest parts; detection ranks by the finding's score.
 * const part = (k, day, amount) => ({ k, day, value: new Decimal(amount), amount: new Decimal(amount), approx: Number(amount), tokens: [] });
 * const parts = [part(0, 0, '100'), part(1, 1, '600'), part(2, 2, '500')];
 * extractRuns(parts, { value: new Decimal(1000), approx: 1000, cumulative: 'atOrAbove', toDay: Infinity },
 *   { reach: 29, minParts: 2, maxParts: 50, taken: new Uint8Array(3), rank: (run) => -run.length }).runs.map((r) => r.map((it) => it.k))
 * //=> [[1, 2]]
 */
export function extractRuns(items: readonly Item[], tier: RunTier, o: ExtractRunsOptions): Extraction {
  const k = items.length;
  const runs: Item[][] = [];
  const largeRuns: Item[][] = [];
  const free = new Uint8Array(k);
  const approx = new Float64Array(k);
  const day = new Int32Array(k);
  let nFree = 0;
  let totalApprox = 0;
  for (let p = 0; p < k; p++) {
    const it = items[p] as Item;
    day[p] = it.day;
    approx[p] = it.approx;
    if (!o.taken[it.k]) {
      free[p] = 1;
      nFree++;
      totalApprox += it.approx;
    }
  }
  // Float sums decide clear cases; a total within the slack of the tier is summed exactly.
  const slack = RELATIVE_SLACK * (totalApprox + tier.approx);
  // No window holds more than all the free parts: a cluster whose free parts do not cross has no run.
  if (nFree < o.minParts || clearOrder(totalApprox, tier.approx, slack) < 0) return { runs, largeRuns };
  const crossing = (approxSum: number, parts: () => readonly number[]): boolean => {
    const c = clearOrder(approxSum, tier.approx, slack);
    if (c !== 0) return c > 0;
    let total = new D(0);
    for (const p of parts()) total = total.plus((items[p] as Item).value);
    return crosses(total, tier.value, tier.cumulative);
  };
  // Windows that propose their whole content over a cluster that one window holds — one day (the
  // pcard preset's clusters), or one calendar period, which a period window's cluster never leaves —
  // make one proposal, all its free parts: a group-by rule's group, the period's total. (Anchored at
  // each part, the period's later windows would propose its later parts alone, a part of the year.)
  if (o.whole && (o.reach === Infinity || day[0] === day[k - 1])) {
    // A large run when its window starts (on the cluster's first day) in force; a run when its first part is in force.
    const content = freeOf(free);
    const large = content.length > o.maxParts;
    if ((day[large ? 0 : (content[0] as number)] as number) <= tier.toDay && crossing(totalApprox, () => content)) (large ? largeRuns : runs).push(content.map((p) => items[p] as Item));
    return { runs, largeRuns };
  }

  // Free positions: next[p] leads to the first free position ≥ p (k when none), with path halving;
  // the free amounts in a Fenwick tree for window sums.
  const next = new Int32Array(k + 1);
  const tree = new Float64Array(k + 1);
  for (let p = 0; p <= k; p++) next[p] = p < k && !free[p] ? p + 1 : p;
  for (let i = 1; i <= k; i++) {
    tree[i] = (tree[i] as number) + (free[i - 1] ? (approx[i - 1] as number) : 0);
    const up = i + (i & -i);
    if (up <= k) tree[up] = (tree[up] as number) + (tree[i] as number);
  }
  const firstFree = (p: number): number => {
    let r = p;
    while (next[r] !== r) {
      next[r] = next[next[r] as number] as number;
      r = next[r] as number;
    }
    return r;
  };
  const sumBefore = (p: number): number => {
    let s = 0;
    for (let i = p; i > 0; i -= i & -i) s += tree[i] as number;
    return s;
  };
  const take = (p: number): void => {
    free[p] = 0;
    next[p] = p + 1;
    for (let i = p + 1; i <= k; i += i & -i) tree[i] = (tree[i] as number) - (approx[p] as number);
  };
  const freeIn = (lo: number, hi: number): number[] => {
    const out: number[] = [];
    for (let p = firstFree(lo); p < hi; p = firstFree(p + 1)) out.push(p);
    return out;
  };

  // Windows: the ranges [lo, hi) of positions that start on a day of the cluster (up to `reach` days
  // later) or end on one (from `reach` days earlier), each range once, with the sides it is anchored
  // on (bit 1: starts on its first day, bit 2: ends on its last); startOf[j] is the window starting
  // on the j-th distinct day.
  const anchors: number[] = [];
  for (let p = 0; p < k; p++) if (p === 0 || day[p] !== day[p - 1]) anchors.push(p);
  const lo: number[] = [];
  const hi: number[] = [];
  const sides: number[] = [];
  const startOf: number[] = [];
  const byRange = new Map<number, number>();
  const window = (from: number, to: number, side: number): number => {
    const key = from * (k + 1) + to;
    let w = byRange.get(key);
    if (w === undefined) {
      w = lo.length;
      byRange.set(key, w);
      lo.push(from);
      hi.push(to);
      sides.push(0);
    }
    sides[w] = (sides[w] as number) | side;
    return w;
  };
  for (let j = 0, h = 0, l = 0; j < anchors.length; j++) {
    const first = anchors[j] as number;
    const d = day[first] as number;
    while (h < k && (day[h] as number) - d <= o.reach) h++;
    while ((day[l] as number) < d - o.reach) l++;
    startOf.push(window(first, h, 1));
    window(l, j + 1 < anchors.length ? (anchors[j + 1] as number) : k, 2);
  }
  const windows = lo.length;

  /**
   * Steps 1 and 3: the windows starting on a day in force, in date order, sliding over positions,
   * that hold more than `limit` free parts and cross are taken as large runs. Returns the position
   * ranges [from, to) of the windows taken, ascending in both ends.
   */
  const takeLarge = (limit: number): [number, number][] => {
    const takenRanges: [number, number][] = [];
    let count = 0;
    let sum = 0;
    for (let j = 0, a = 0, b = 0; j < anchors.length; j++) {
      const start = anchors[j] as number;
      if ((day[start] as number) > tier.toDay) break;
      for (; a < start; a++) {
        if (!free[a]) continue;
        count--;
        sum -= approx[a] as number;
      }
      for (; b < (hi[startOf[j] as number] as number); b++) {
        if (!free[b]) continue;
        count++;
        sum += approx[b] as number;
      }
      if (count <= limit) continue;
      const content = freeIn(start, b);
      if (!crossing(sum, () => content)) continue;
      largeRuns.push(content.map((p) => items[p] as Item));
      for (const p of content) take(p);
      takenRanges.push([start, b]);
      count = 0;
      sum = 0;
    }
    return takenRanges;
  };
  takeLarge(o.whole ? o.maxParts : BUSY * o.maxParts);

  // 2. Runs: every window's proposals in a heap (slot 7w: its largest parts; 7w + 1, 7w + 2: its
  // tightest run from its first day, from its last; 7w + 3: its main vendor's largest parts; 7w + 4:
  // its parts of one amount; 7w + 5: its main project's parts; 7w + 6: its round parts); a run
  // re-proposes only the windows whose proposals it took parts of.
  // Each position's place among all parts by amount, largest first (exact; the earlier first among
  // equals), and the position at each place (not needed when windows propose their whole content).
  const byPlace = new Int32Array(o.whole ? 0 : k);
  for (let p = 0; p < byPlace.length; p++) byPlace[p] = p;
  byPlace.sort((x, y) => {
    const c = clearOrder(approx[y] as number, approx[x] as number, RELATIVE_SLACK * Math.max(approx[x] as number, approx[y] as number));
    return (c !== 0 ? c : (items[y] as Item).value.cmp((items[x] as Item).value)) || x - y;
  });
  const place = new Int32Array(byPlace.length);
  for (let i = 0; i < byPlace.length; i++) place[byPlace[i] as number] = i;
  const version = new Int32Array(windows);
  // For each position, the windows (with their version then) whose proposals hold it.
  const users: (number[] | undefined)[] = new Array(k);
  const ranks = new Map<string, number>();
  const heap = new SlotHeap<Proposal>(SLOTS * windows, (x, y) => x.rank > y.rank || (x.rank === y.rank && lexBefore(x.parts, y.parts)));
  const rankOf = (parts: readonly number[]): number => {
    const key = parts.join(',');
    let r = ranks.get(key);
    if (r === undefined) {
      r = o.rank(parts.map((p) => items[p] as Item));
      if (Number.isNaN(r)) r = -Infinity;
      ranks.set(key, r);
    }
    return r;
  };
  /** The shortest prefix of `order` with at least minParts parts that crosses the tier. */
  const crossingPrefix = (order: readonly number[]): number[] => {
    let s = 0;
    for (let i = 0; i < order.length; i++) {
      s += approx[order[i] as number] as number;
      if (i + 1 < o.minParts || clearOrder(s, tier.approx, slack) < 0) continue;
      const prefix = order.slice(0, i + 1);
      if (crossing(s, () => prefix)) return prefix;
    }
    return [...order];
  };
  /** First position whose day is at least `d` (k when none). */
  const dayFrom = (d: number): number => {
    let a = 0;
    let b = k;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((day[mid] as number) < d) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  /**
   * A core (positions, ascending) with the free parts that belong with it: not small beside it (at
   * least half its smallest part) and as close in time to it as its own parts are to each other
   * (within its largest gap between consecutive days), taken nearest first (ties: the earlier), each
   * while the whole still fits one window (more than `maxParts` parts make no proposal: see `propose`).
   */
  const extended = new Map<string, number[]>(); // this round's extensions (free parts change with each run)
  const extend = (core: number[], vendor?: string): number[] => {
    const key = vendor === undefined ? core.join(',') : `${core.join(',')}\u0000${vendor}`;
    let run = extended.get(key);
    if (run === undefined) extended.set(key, (run = extension(core, vendor)));
    return run;
  };
  const extension = (core: number[], vendor: string | undefined): number[] => {
    let gap = 0;
    let smallest = core[0] as number;
    core.forEach((p, i) => {
      if (i > 0) gap = Math.max(gap, (day[p] as number) - (day[core[i - 1] as number] as number));
      if ((place[p] as number) > (place[smallest] as number)) smallest = p;
    });
    let first = day[core[0] as number] as number;
    let last = day[core[core.length - 1] as number] as number;
    const least = approx[smallest] as number;
    const alike = (p: number): boolean => {
      const c = clearOrder(2 * (approx[p] as number), least, RELATIVE_SLACK * 2 * Math.max(approx[p] as number, least));
      return c !== 0 ? c > 0 : (items[p] as Item).value.times(2).gte((items[smallest] as Item).value);
    };
    const related = o.related;
    const belongs = (p: number): boolean => related === undefined || core.some((q) => related(items[p] as Item, items[q] as Item));
    // Every alike free part within the core's days is within `gap` of it (half a gap at most) and
    // joins; outside, the nearest on either side (the earlier on a tie) joins while it is within
    // `gap` of the run, and a side ends at the first part that would not fit one window.
    const run = [...core];
    const before: number[] = [];
    const after: number[] = [];
    const lastDay = last;
    for (let p = firstFree(dayFrom(last - o.reach)), c = 0, end = dayFrom(first + o.reach + 1); p < end; p = firstFree(p + 1)) {
      while (c < core.length && (core[c] as number) < p) c++;
      if (core[c] === p || !alike(p) || (vendor !== undefined && (items[p] as Item).vendorKey !== vendor) || !belongs(p)) continue;
      const d = day[p] as number;
      if (d < first) before.push(p);
      else if (d > lastDay) after.push(p);
      else run.push(p);
    }
    for (let i = before.length - 1, j = 0; ; ) {
      const left = i >= 0 ? first - (day[before[i] as number] as number) : Infinity;
      const right = j < after.length ? (day[after[j] as number] as number) - last : Infinity;
      if (Math.min(left, right) > gap) break;
      if (left <= right) {
        const p = before[i--] as number;
        if (last - (day[p] as number) > o.reach) i = -1;
        else {
          run.push(p);
          first = day[p] as number;
        }
      } else {
        const p = after[j++] as number;
        if ((day[p] as number) - first > o.reach) j = after.length;
        else {
          run.push(p);
          last = day[p] as number;
        }
      }
    }
    return run.sort((x, y) => x - y);
  };
  /** Positions in order of amount, largest first (the earlier first among equals). */
  const byAmount = (ps: readonly number[]): number[] => Array.from(Int32Array.from(ps, (p) => place[p] as number).sort(), (i) => byPlace[i] as number);
  /** The positions of `content` grouped by `keyOf` (groups in the order of their first part), and those it gives no key. */
  const groupsOf = <K>(content: readonly number[], keyOf: (p: number) => K | undefined): { groups: Map<K, number[]>; without: number[] } => {
    const groups = new Map<K, number[]>();
    const without: number[] = [];
    for (const p of content) {
      const key = keyOf(p);
      if (key === undefined) {
        without.push(p);
        continue;
      }
      const ps = groups.get(key);
      if (ps) ps.push(p);
      else groups.set(key, [p]);
    }
    return { groups, without };
  };
  /** Two totals (`t` of parts `ps`, `than` of `thanParts`) compared as doubles when clearly apart, exactly when close. */
  const order = (t: number, ps: readonly number[], than: number, thanParts: readonly number[]): number => {
    const c = clearOrder(t, than, RELATIVE_SLACK * Math.max(Math.abs(t), Math.abs(than)));
    if (c !== 0) return c;
    const exactOf = (qs: readonly number[]) => qs.reduce((sum, p) => sum.plus((items[p] as Item).value), new D(0));
    return exactOf(ps).cmp(exactOf(thanParts));
  };
  /**
   * The main vendor's largest parts, extended among its own free parts: the parts of the vendor with
   * the largest free total in `content` (the smaller key on a tie; placeholders are no vendor), cut to
   * the fewest largest that cross, when the content holds two or more vendors and they cross.
   */
  const mainVendorRun = (content: readonly number[]): number[] | undefined => {
    // Each placeholder part is a vendor of its own, with one part: it counts among the vendors, and
    // when its amount is above every named vendor's total it is the main vendor, whose one part
    // proposes nothing; a named vendor wins a tie.
    const { groups: partsOf, without: placeholders } = groupsOf(content, (p) => ((items[p] as Item).placeholderVendor ? undefined : (items[p] as Item).vendorKey));
    if (partsOf.size + placeholders.length < 2 || partsOf.size === 0) return undefined;
    let main: string | undefined;
    let own: number[] = [];
    let most = -Infinity;
    for (const [v, ps] of partsOf) {
      const t = ps.reduce((sum, p) => sum + (approx[p] as number), 0);
      const c = main === undefined ? 1 : order(t, ps, most, own) || (v < (main as string) ? 1 : -1);
      if (c > 0) [main, own, most] = [v, ps, t];
    }
    for (const p of placeholders) if (order(approx[p] as number, [p], most, own) > 0) return undefined;
    if (own.length < o.minParts || own.length > o.maxParts || !crossing(most, () => own)) return undefined;
    return extend(crossingPrefix(byAmount(own)).sort((x, y) => x - y), main);
  };
  /**
   * The main project's parts, as they are: when the content holds parts of two or more specific
   * budget projects, or parts without one beside a project's, the parts of the project with the
   * largest free total in it (the project of the earlier first part on a tie), when at least
   * `minParts` and at most `maxParts` parts cross.
   */
  const mainProjectRun = (content: readonly number[]): number[] | undefined => {
    const { groups: partsOf, without } = groupsOf(content, (p) => (items[p] as Item).project);
    if (partsOf.size === 0 || partsOf.size + without.length < 2) return undefined;
    // Projects in the order of their first part: a later one wins only with a larger total.
    let own: number[] = [];
    let most = -Infinity;
    for (const ps of partsOf.values()) {
      const t = ps.reduce((sum, p) => sum + (approx[p] as number), 0);
      if (own.length > 0 && order(t, ps, most, own) <= 0) continue;
      [own, most] = [ps, t];
    }
    if (own.length < o.minParts || own.length > o.maxParts || !crossing(most, () => own)) return undefined;
    return own;
  };
  /** Each position's amount as an id (equal ids, equal values): equal amounts are neighbours in {@link byPlace}. */
  const amountId = new Int32Array(byPlace.length);
  for (let i = 1; i < byPlace.length; i++) {
    const p = byPlace[i] as number;
    const q = byPlace[i - 1] as number;
    const a = approx[p] as number;
    const b = approx[q] as number;
    const same = clearOrder(a, b, RELATIVE_SLACK * Math.max(a, b)) === 0 && (items[p] as Item).value.eq((items[q] as Item).value);
    amountId[p] = same ? (amountId[q] as number) : i;
  }
  /**
   * The parts of one amount repeated to the cent: of the amounts that at least `minParts` and at
   * most `maxParts` parts of the content share and whose parts cross, the one with the largest
   * total (the earlier first part on a tie).
   */
  const equalRun = (content: readonly number[]): number[] | undefined => {
    const { groups } = groupsOf(content, (p) => amountId[p] as number);
    if (groups.size === content.length) return undefined;
    // Groups in the order of their first part: a later group wins only with a larger total.
    let best: number[] | undefined;
    let most = 0;
    for (const ps of groups.values()) {
      if (ps.length < o.minParts || ps.length > o.maxParts) continue;
      const sum = (approx[ps[0] as number] as number) * ps.length;
      if (best !== undefined && order(sum, ps, most, best) <= 0) continue;
      if (!crossing(sum, () => ps)) continue;
      best = ps;
      most = sum;
    }
    return best;
  };
  /** Per position: 0 not yet known, 1 a round amount as recorded, −1 not. */
  const roundness = new Int8Array(k);
  const isRoundAt = (p: number): boolean => {
    if (roundness[p] === 0) roundness[p] = isRound((items[p] as Item).amount) ? 1 : -1;
    return roundness[p] === 1;
  };
  /** The round parts, as they are: when some but not all parts of the content have round amounts, all of those, when at least `minParts` and at most `maxParts` cross. */
  const roundRun = (content: readonly number[]): number[] | undefined => {
    const own = content.filter(isRoundAt);
    if (own.length < o.minParts || own.length > o.maxParts || own.length === content.length) return undefined;
    let sum = 0;
    for (const p of own) sum += approx[p] as number;
    return crossing(sum, () => own) ? own : undefined;
  };
  /** The free parts of the window {@link proposals} read last (none when it proposes nothing). */
  let content: number[] = [];
  /** The window's proposals, by slot: its largest parts, its tightest run from its first day, from its last, its main vendor's largest parts, its parts of one amount, its main project's parts, its round parts. */
  const proposals = (w: number): (number[] | undefined)[] => {
    content = [];
    const from = firstFree(lo[w] as number);
    const to = hi[w] as number;
    if (from >= to || (day[from] as number) > tier.toDay) return [];
    if (clearOrder(sumBefore(to) - sumBefore(from), tier.approx, slack) < 0) return [];
    const free = freeIn(from, to);
    if (free.length < o.minParts) return [];
    let s = 0;
    for (const p of free) s += approx[p] as number;
    if (!crossing(s, () => free)) return [];
    content = free;
    if (o.whole) return [content];
    if (content.length > o.maxParts) return [undefined, undefined, undefined, mainVendorRun(content), equalRun(content), mainProjectRun(content), roundRun(content)];
    const side = sides[w] as number;
    return [
      extend(crossingPrefix(byAmount(content)).sort((x, y) => x - y)),
      side & 1 ? extend(crossingPrefix(content)) : undefined,
      side & 2 ? extend(crossingPrefix([...content].reverse()).reverse()) : undefined,
      mainVendorRun(content),
      equalRun(content),
      mainProjectRun(content),
      roundRun(content),
    ];
  };
  const propose = (w: number): void => {
    const v = (version[w] = (version[w] as number) + 1);
    const sets = proposals(w);
    // A window proposes again when any of its free parts is taken: what it proposes depends on all
    // of them (its main vendor, and whether it holds more than maxParts).
    for (const p of content) (users[p] ??= []).push(w, v);
    for (let i = 0; i < SLOTS; i++) {
      const parts = sets[i];
      if (parts) for (const p of parts) (users[p] ??= []).push(w, v);
      // A set of more than maxParts parts (a core extended so far) is no requirement cut into pieces;
      // its parts still make the window propose again when one is taken.
      heap.set(SLOTS * w + i, parts && parts.length <= o.maxParts && (day[parts[0] as number] as number) <= tier.toDay ? { rank: rankOf(parts), parts } : undefined);
    }
  };

  const stamp = new Int32Array(windows).fill(-1);
  let round = 0;
  const choose = (): void => {
    for (let e = heap.pop(); e !== undefined; e = heap.pop()) {
      runs.push(e.parts.map((p) => items[p] as Item));
      extended.clear();
      const touched: number[] = [];
      for (const p of e.parts) {
        take(p);
        const list = users[p] ?? [];
        for (let i = 0; i < list.length; i += 2) {
          const w = list[i] as number;
          if (stamp[w] === round || version[w] !== list[i + 1]) continue;
          stamp[w] = round;
          touched.push(w);
        }
        users[p] = undefined;
      }
      round++;
      for (const w of touched) propose(w);
    }
  };
  for (let w = 0; w < windows; w++) propose(w);
  choose();
  if (o.whole) return { runs, largeRuns };
  // 3. With no proposal left, the windows still of more than maxParts parts that cross are large
  // runs; only windows that shared positions with them, or whose proposals (a core extended past
  // maxParts, which proposed nothing) held some of their parts, may propose again.
  const taken = takeLarge(o.maxParts);
  if (taken.length === 0) return { runs, largeRuns };
  extended.clear();
  for (const [from, to] of taken) {
    for (let p = from; p < to; p++) {
      const list = users[p] ?? [];
      for (let i = 0; i < list.length; i += 2) {
        const w = list[i] as number;
        if (stamp[w] !== round && version[w] === list[i + 1]) {
          stamp[w] = round;
          propose(w);
        }
      }
      users[p] = undefined;
    }
  }
  round++;
  for (let w = 0; w < windows; w++) {
    if (stamp[w] === round - 1) continue;
    // The last range starting before the window ends has the latest end (ends ascend).
    let a = 0;
    let b = taken.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((taken[mid] as [number, number])[0] < (hi[w] as number)) a = mid + 1;
      else b = mid;
    }
    const t = a - 1;
    if (t >= 0 && (taken[t] as [number, number])[1] > (lo[w] as number)) propose(w);
  }
  choose();
  return { runs, largeRuns };
}
