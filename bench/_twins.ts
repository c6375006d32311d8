/**
 * Twins of a missed split (issue 11): a set X of routine purchases of the same buyer that is at least
 * as split-like as the split S on every feature a rule over the ledger's fields could read. When X
 * exists, no rule that never scores a set lower for being more split-like on these features can rank
 * S above X: S cannot be recalled without X (routine buying) ranked with it or above it.
 *
 * The conditions (all exact: money in integer cents, ratios compared as fractions of BigInts):
 * - |X| = |S|; every part of X is below the threshold S avoided and X's total crosses it
 *   (`atOrAbove`: part < T ≤ total; `above`: part ≤ T < total);
 * - on every feature, X is at least as split-like as S (≤ where less is more split-like, ≥ otherwise):
 *   span in days ≤; distinct vendors ≤ (by exact name, and again by `vendorKey`); distinct category
 *   codes ≤ (exact, and by `categoryKey`; an absent code counts as its own); distinct budget projects ≤
 *   (exact, and by `normalizeText`; absent counts as its own); coefficient of variation of the amounts
 *   ≤; parts within 10% under the threshold ≥; mean Jaccard similarity of consecutive parts' subject
 *   words (parts in date order, ties by id; words lower-cased, split on anything not a letter or digit,
 *   Chinese as character bigrams) ≥; parts of round amounts (whole multiples of 1,000) ≥; pairs of
 *   parts with consecutive documents (same prefix, trailing numbers one apart) ≥.
 *
 * The search ({@link findTwin}) is a heuristic over a sound check: a twin it returns satisfies every
 * condition (the check is run on it), but a split it finds no twin for may still have one. Counts of
 * splits with a twin are lower bounds.
 */
import Decimal from 'decimal.js';
import { categoryKey, normalizeText, vendorKey } from '../src/index.js';
import { dayOf } from '../src/_lib/days.js';

/** What the twin check reads of a purchase (simulated and blind records both fit). */
export interface TwinRecord {
  readonly id: string;
  readonly vendor: string;
  readonly date: string;
  readonly amount: string;
  readonly subject?: string | undefined;
  readonly category?: string | undefined;
  readonly project?: string | undefined;
  readonly document?: string | undefined;
}

/** The threshold a split avoided, in integer cents. */
export interface TwinLimit {
  readonly cents: number;
  readonly comparison: 'atOrAbove' | 'above';
}

/** Integer cents of a decimal amount string; throws unless exact. */
export function centsOf(amount: string): number {
  const c = new Decimal(amount).times(100);
  if (!c.isInteger() || !c.abs().lessThan(Number.MAX_SAFE_INTEGER)) throw new Error(`twins: amount ${amount} is not a whole number of cents`);
  return c.toNumber();
}

/** The limit of a threshold amount and comparison. */
export const limitOf = (amount: string, comparison: 'atOrAbove' | 'above'): TwinLimit => ({ cents: centsOf(amount), comparison });

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, as detection counts them (`dayOf`). */
export function dayNumber(date: string): number {
  const day = dayOf(date.slice(0, 10));
  if (day === undefined) throw new Error(`twins: date ${date} is not YYYY-MM-DD`);
  return day;
}

/** A part is below the limit. */
export const isBelow = (cents: number, t: TwinLimit): boolean => (t.comparison === 'atOrAbove' ? cents < t.cents : cents <= t.cents);
/** A total crosses the limit. */
export const crosses = (cents: number, t: TwinLimit): boolean => (t.comparison === 'atOrAbove' ? cents >= t.cents : cents > t.cents);

const HAN = /\p{Script=Han}/u;
/** Subject words: lower-cased, split on anything not a letter or digit; runs of Chinese characters as bigrams (one alone as itself). */
export function subjectWords(subject: string | undefined): Set<string> {
  const out = new Set<string>();
  if (subject === undefined) return out;
  for (const token of subject.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    for (const m of token.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
      const run = m[0];
      if (!HAN.test(run)) { out.add(run); continue; }
      const chars = [...run];
      if (chars.length === 1) out.add(run);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** A fraction of BigInts, denominator positive. */
export interface Fraction { readonly num: bigint; readonly den: bigint }
const addFraction = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
/** a ≥ b. */
export const fractionAtLeast = (a: Fraction, b: Fraction): boolean => a.num * b.den >= b.num * a.den;
export const fractionValue = (a: Fraction): number => Number(a.num) / Number(a.den);

/** Jaccard similarity of two word sets as a fraction (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): Fraction {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? { num: 0n, den: 1n } : { num: BigInt(shared), den: BigInt(union) };
}

/** A document's prefix and trailing number, when it ends in digits. */
export function documentParts(document: string | undefined): { prefix: string; number: bigint } | undefined {
  if (document === undefined) return undefined;
  const m = /^(.*?)(\d+)$/su.exec(document.trim());
  return m === null ? undefined : { prefix: m[1]!, number: BigInt(m[2]!) };
}

/** The features of a set of parts. */
export interface Features {
  readonly parts: number;
  /** Days from the first part to the last. */
  readonly span: number;
  /** Distinct vendors by exact name, and by `vendorKey`. */
  readonly vendors: number;
  readonly vendorKeys: number;
  /** Distinct category codes (absent: its own), exact and by `categoryKey`. */
  readonly categories: number;
  readonly categoryKeys: number;
  /** Distinct budget projects (absent: its own), exact and by `normalizeText`. */
  readonly projects: number;
  readonly projectKeys: number;
  /** Σ cents and Σ cents² (the coefficient of variation, exactly: CV² = (n Σx² − (Σx)²) / (Σx)²). */
  readonly sum: bigint;
  readonly sumSquares: bigint;
  /** Parts within 10% under the threshold (at least 90% of it). */
  readonly near: number;
  /** Mean Jaccard similarity of consecutive parts' subject words. */
  readonly jaccard: Fraction;
  /** Parts whose amount is a whole multiple of 1,000. */
  readonly round: number;
  /** Pairs of parts whose documents share a prefix and whose trailing numbers are one apart. */
  readonly documentPairs: number;
}

/** Distinct values, an absent one counting as its own. */
function distinct(values: readonly (string | undefined)[]): number {
  const seen = new Set<string>();
  let absent = 0;
  for (const v of values) if (v === undefined) absent++; else seen.add(v);
  return seen.size + absent;
}
/** A field's value, absent when it holds no visible character. */
const present = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);

/** What the features read of one record, computed once per record object. */
interface Derived {
  readonly day: number;
  readonly cents: number;
  readonly words: ReadonlySet<string>;
  readonly vendorKey: string;
  readonly category: string | undefined;
  readonly categoryKey: string | undefined;
  readonly project: string | undefined;
  readonly projectKey: string | undefined;
  readonly document: { prefix: string; number: bigint } | undefined;
}
const derivedOf = new WeakMap<TwinRecord, Derived>();
function derive(r: TwinRecord): Derived {
  const known = derivedOf.get(r);
  if (known !== undefined) return known;
  const category = present(r.category);
  const project = present(r.project);
  const d: Derived = {
    day: dayNumber(r.date), cents: centsOf(r.amount), words: subjectWords(r.subject), vendorKey: vendorKey(r.vendor),
    category, categoryKey: category === undefined ? undefined : present(categoryKey(category)),
    project, projectKey: project === undefined ? undefined : present(normalizeText(project)),
    document: documentParts(present(r.document)),
  };
  derivedOf.set(r, d);
  return d;
}

/** Parts in date order, ties by id (the order consecutive subjects are compared in). */
export function inDateOrder<R extends TwinRecord>(parts: readonly R[]): R[] {
  return [...parts].sort((a, b) => derive(a).day - derive(b).day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The features of a set of parts against the threshold it would cross. */
export function featuresOf(records: readonly TwinRecord[], limit: TwinLimit): Features {
  const parts = inDateOrder(records).map(derive);
  const days = parts.map((d) => d.day);
  const cents = parts.map((d) => d.cents);
  let j: Fraction = { num: 0n, den: 1n };
  for (let i = 1; i < parts.length; i++) j = addFraction(j, jaccard(parts[i - 1]!.words, parts[i]!.words));
  let documentPairs = 0;
  for (let a = 0; a < parts.length; a++) {
    for (let b = a + 1; b < parts.length; b++) {
      const x = parts[a]!.document;
      const y = parts[b]!.document;
      if (x !== undefined && y !== undefined && x.prefix === y.prefix && (x.number - y.number === 1n || y.number - x.number === 1n)) documentPairs++;
    }
  }
  return {
    parts: parts.length,
    span: parts.length === 0 ? 0 : Math.max(...days) - Math.min(...days),
    vendors: distinct(records.map((r) => r.vendor)),
    vendorKeys: distinct(parts.map((d) => d.vendorKey)),
    categories: distinct(parts.map((d) => d.category)),
    categoryKeys: distinct(parts.map((d) => d.categoryKey)),
    projects: distinct(parts.map((d) => d.project)),
    projectKeys: distinct(parts.map((d) => d.projectKey)),
    sum: cents.reduce((s, c) => s + BigInt(c), 0n),
    sumSquares: cents.reduce((s, c) => s + BigInt(c) * BigInt(c), 0n),
    near: cents.filter((c) => isBelow(c, limit) && 10 * c >= 9 * limit.cents).length,
    jaccard: parts.length < 2 ? { num: 0n, den: 1n } : { num: j.num, den: j.den * BigInt(parts.length - 1) },
    round: cents.filter((c) => c % 100_000 === 0).length,
    documentPairs,
  };
}

/** The coefficient of variation squared, as a fraction (0 for an empty or zero set). */
export function cvSquared(f: Features): Fraction {
  if (f.sum === 0n) return { num: 0n, den: 1n };
  return { num: BigInt(f.parts) * f.sumSquares - f.sum * f.sum, den: f.sum * f.sum };
}
/** The coefficient of variation (population standard deviation over mean), for display. */
export const cvOf = (f: Features): number => Math.sqrt(fractionValue(cvSquared(f)));

/** The features on which X is less split-like than S (empty: X is at least as split-like on every one). */
export function worseFeatures(x: Features, s: Features): string[] {
  const worse: string[] = [];
  if (x.span > s.span) worse.push('span');
  if (x.vendors > s.vendors) worse.push('vendors');
  if (x.vendorKeys > s.vendorKeys) worse.push('vendorKeys');
  if (x.categories > s.categories) worse.push('categories');
  if (x.categoryKeys > s.categoryKeys) worse.push('categoryKeys');
  if (x.projects > s.projects) worse.push('projects');
  if (x.projectKeys > s.projectKeys) worse.push('projectKeys');
  if (!fractionAtLeast(cvSquared(s), cvSquared(x))) worse.push('cv');
  if (x.near < s.near) worse.push('near');
  if (!fractionAtLeast(x.jaccard, s.jaccard)) worse.push('jaccard');
  if (x.round < s.round) worse.push('round');
  if (x.documentPairs < s.documentPairs) worse.push('documentPairs');
  return worse;
}

/** X is at least as split-like as S on every feature. */
export const atLeastAsSplitLike = (x: Features, s: Features): boolean => worseFeatures(x, s).length === 0;

/** Every condition of a twin, checked from the records: size, parts below, total crossing, dominance. */
export function isTwin(x: readonly TwinRecord[], s: readonly TwinRecord[], limit: TwinLimit): boolean {
  if (x.length !== s.length || x.length === 0) return false;
  if (new Set(x.map((r) => r.id)).size !== x.length) return false;
  const cents = x.map((r) => centsOf(r.amount));
  if (!cents.every((c) => isBelow(c, limit))) return false;
  if (!crosses(cents.reduce((a, b) => a + b, 0), limit)) return false;
  return atLeastAsSplitLike(featuresOf(x, limit), featuresOf(s, limit));
}

/** A routine record prepared for the search. */
interface Prepared<R extends TwinRecord> {
  readonly r: R;
  /** Position in the routine records (a key). */
  readonly at: number;
  readonly day: number;
  readonly cents: number;
  readonly category: string | undefined;
  readonly project: string | undefined;
  readonly subject: string | undefined;
}

/** At most this many vendor sets are tried per first part when S has several vendors. */
const MAX_VENDOR_SETS = 64;
/** A pool with at most this many subsets of |S| records is searched whole. */
const MAX_SUBSETS = 3000;
/** Records skipped at most within a run consecutive in amount, in pools too large to search whole. */
const GAP = 3;

/** n choose k (as a float; only compared with small caps). */
function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Subsets of `items` of size `k` that contain `first` (at most `cap` of them). */
function subsetsWith(first: string, others: readonly string[], k: number, cap: number): string[][] {
  const out: string[][] = [];
  const pick = (from: number, chosen: string[]): void => {
    if (out.length >= cap) return;
    if (chosen.length === k - 1) { out.push([first, ...chosen]); return; }
    for (let i = from; i < others.length; i++) pick(i + 1, [...chosen, others[i]!]);
  };
  pick(0, []);
  return out;
}

/**
 * Searches the buyer's routine records for a twin of S. For each routine record as first part: the
 * routine records within span(S) days after it, from at most vendors(S) vendors (one at a time for a
 * single-vendor S; every set of that many vendors with the first part's, up to 64, for several),
 * optionally narrowed to the first part's category, project or subject; sorted by amount, every run
 * of |S| records consecutive in amount is checked with {@link isTwin}. Returns the first twin found.
 *
 * `routine` need not be sorted or filtered; records of other buyers must not be in it.
 */
export function findTwin<R extends TwinRecord>(scheme: readonly TwinRecord[], routine: readonly R[], limit: TwinLimit): R[] | undefined {
  return searchTwin(scheme, routine, limit).twin;
}

/** What the search found: a twin, or else the candidate it tried that fell short on fewest features. */
export interface TwinSearch<R> {
  readonly twin: R[] | undefined;
  /** When no twin was found: the crossing candidate less split-like than S on fewest features, and those features. */
  readonly nearest: { readonly records: R[]; readonly worse: string[] } | undefined;
  /** Candidates checked (sets of |S| routine records below the threshold whose total crosses it). */
  readonly candidates: number;
  /**
   * Whether every vendor set was tried, so that `candidates === 0` proves that no |S| routine records
   * of the buyer below the threshold, within span(S) days and from at most vendors(S) vendors, cross it.
   */
  readonly crossingSearchedAll: boolean;
  /**
   * When no twin was found: whether every set of |S| routine records of S's shape (within span(S)
   * days, from at most vendors(S) vendors) was checked, so that S provably has no twin.
   */
  readonly searchedAll: boolean;
}

/** {@link findTwin}, with the nearest miss when no twin is found. */
export function searchTwin<R extends TwinRecord>(scheme: readonly TwinRecord[], routine: readonly R[], limit: TwinLimit): TwinSearch<R> {
  const k = scheme.length;
  let nearest: { records: R[]; worse: string[] } | undefined;
  if (k === 0) return { twin: undefined, nearest, candidates: 0, crossingSearchedAll: true, searchedAll: true };
  const fs = featuresOf(scheme, limit);
  const prepared: Prepared<R>[] = routine
    .map((r, at) => ({ r, at, day: dayNumber(r.date), cents: centsOf(r.amount), category: present(r.category), project: present(r.project), subject: present(r.subject) }))
    .filter((p) => isBelow(p.cents, limit))
    .sort((a, b) => a.day - b.day || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  const tried = new Set<string>();
  let crossing = 0;
  const consider = (set: readonly Prepared<R>[]): R[] | undefined => {
    const key = set.map((p) => p.at).sort((a, b) => a - b).join(',');
    if (tried.has(key)) return undefined;
    tried.add(key);
    crossing++;
    const x = set.map((p) => p.r);
    const worse = worseFeatures(featuresOf(x, limit), fs);
    if (worse.length === 0) return x;
    if (nearest === undefined || worse.length < nearest.worse.length) nearest = { records: x, worse };
    return undefined;
  };
  const check = (pool: readonly Prepared<R>[], whole: boolean): R[] | undefined => {
    if (pool.length < k) return undefined;
    const sorted = [...pool].sort((a, b) => a.cents - b.cents || a.at - b.at);
    // Every run of k records consecutive in amount (the last one is the k largest: if it does not
    // cross, no k records of the pool do).
    let sum = 0;
    for (let i = 0; i < sorted.length; i++) {
      sum += sorted[i]!.cents;
      if (i >= k) sum -= sorted[i - k]!.cents;
      if (i < k - 1 || !crosses(sum, limit)) continue;
      const twin = consider(sorted.slice(i - k + 1, i + 1));
      if (twin !== undefined) return twin;
    }
    if (!crosses(sum, limit)) return undefined;
    // Every k of `from` (with `from[0]` when `withFirst`) whose total crosses.
    const chosen: Prepared<R>[] = [];
    const pick = (from: readonly Prepared<R>[], at: number, total: number): R[] | undefined => {
      if (chosen.length === k) return crosses(total, limit) ? consider(chosen) : undefined;
      for (let i = at; i <= from.length - (k - chosen.length); i++) {
        chosen.push(from[i]!);
        const twin = pick(from, i + 1, total + from[i]!.cents);
        chosen.pop();
        if (twin !== undefined) return twin;
      }
      return undefined;
    };
    // A small pool whose k largest cross (unnarrowed, with one vendor set): every k of its records.
    if (whole && binomial(sorted.length, k) <= MAX_SUBSETS) return pick(sorted, 0, 0);
    if (whole) allSets = false;
    // Otherwise sets nearly consecutive in amount: k of each k + GAP records consecutive in amount,
    // the first of them included (tight spreads that skip a record or two of another category or wording).
    for (let i = 0; i + k <= sorted.length; i++) {
      const near = sorted.slice(i, i + k + GAP);
      chosen.push(near[0]!);
      const twin = pick(near, 1, near[0]!.cents);
      chosen.pop();
      if (twin !== undefined) return twin;
    }
    return undefined;
  };
  let exhaustive = true;
  // Whether every window's whole pool had every set of |S| of its records checked.
  let allSets = true;
  let end = 0;
  for (let i = 0; i < prepared.length; i++) {
    const first = prepared[i]!;
    // Every routine record within span(S) days from the first's day (same-day ones before it too).
    let start = i;
    while (start > 0 && prepared[start - 1]!.day === first.day) start--;
    if (end < i) end = i;
    while (end + 1 < prepared.length && prepared[end + 1]!.day - first.day <= fs.span) end++;
    const window = prepared.slice(start, end + 1);
    if (window.length < k) continue;
    const vendorsHere = [...new Set(window.map((p) => p.r.vendor))].sort();
    let vendorSets: string[][];
    if (fs.vendors <= 1) vendorSets = [[first.r.vendor]];
    else if (vendorsHere.length <= fs.vendors) vendorSets = [vendorsHere];
    else {
      const others = vendorsHere.filter((v) => v !== first.r.vendor);
      if (binomial(others.length, fs.vendors - 1) > MAX_VENDOR_SETS) exhaustive = false;
      allSets = false;
      vendorSets = subsetsWith(first.r.vendor, others, fs.vendors, MAX_VENDOR_SETS);
    }
    for (const vs of vendorSets) {
      const allowed = new Set(vs);
      const pool = window.filter((p) => allowed.has(p.r.vendor));
      if (pool.length < k) continue;
      // The pool, then narrowed to the first part's category, project and subject in every combination.
      for (let mask = 0; mask < 8; mask++) {
        const narrowed = pool.filter((p) =>
          ((mask & 1) === 0 || p.category === first.category) &&
          ((mask & 2) === 0 || p.project === first.project) &&
          ((mask & 4) === 0 || p.subject === first.subject));
        if (mask > 0 && narrowed.length === pool.length) continue;
        const twin = check(narrowed, mask === 0 && vendorSets.length === 1);
        if (twin !== undefined) return { twin, nearest: undefined, candidates: crossing, crossingSearchedAll: exhaustive, searchedAll: false };
      }
    }
  }
  return { twin: undefined, nearest, candidates: crossing, crossingSearchedAll: exhaustive, searchedAll: exhaustive && allSets };
}

/** At most this many sets of a decoy's records are compared with splits, per set size. */
const MAX_DECOY_SETS = 64;

/**
 * The sets of `size` records of a decoy that could be a finding against its own threshold: each part
 * below it, their total crossing it (sets of its records in their order, at most {@link MAX_DECOY_SETS}),
 * each with its features. None when its records below the threshold have more than `MAX_SUBSETS`
 * sets of that size (a large decoy: a set of its records is then not tried, so counts of decoys
 * that imitate a split are lower bounds).
 */
export function decoySets<R extends TwinRecord>(decoy: readonly R[], limit: TwinLimit, size: number): { records: R[]; features: Features }[] {
  const below = decoy.filter((r) => isBelow(centsOf(r.amount), limit));
  const out: { records: R[]; features: Features }[] = [];
  const chosen: R[] = [];
  const pick = (at: number, total: number): void => {
    if (out.length >= MAX_DECOY_SETS) return;
    if (chosen.length === size) {
      if (crosses(total, limit)) out.push({ records: [...chosen], features: featuresOf(chosen, limit) });
      return;
    }
    for (let i = at; i <= below.length - (size - chosen.length); i++) {
      chosen.push(below[i]!);
      pick(i + 1, total + centsOf(below[i]!.amount));
      chosen.pop();
    }
  };
  if (size >= 2 && binomial(below.length, size) <= MAX_SUBSETS) pick(0, 0);
  return out;
}

/**
 * Whether a decoy imitates a split: some set of as many of the decoy's records as S has parts, a
 * possible finding against the decoy's own threshold ({@link decoySets}), is at least as split-like
 * as S (against S's threshold) on every feature ({@link worseFeatures}). Then no rule over these
 * features that never scores a set lower for being more split-like ranks S above the decoy.
 */
export function imitates(sets: readonly { features: Features }[], split: Features): boolean {
  return sets.some((x) => atLeastAsSplitLike(x.features, split));
}
