/**
 * The brute-force oracle: the detection semantics written as plainly as possible, comparing every
 * pair and recomputing every window on every step. O(n²) per threshold for the links, and far more
 * for the runs of a busy cluster; fine up to a few hundred records. The fast detector must agree
 * with it exactly. It shares only record validation, option resolution, tokenisation, project names, the token
 * weight formula, the text join's budget constant and the score of a set of parts with the library,
 * none of the windows, candidate, similarity, clustering or run-extraction code: it keeps its own
 * plain copies.
 */
import Decimal from 'decimal.js';
import { validateRecords } from '../src/records/validate.js';
import { resolveOptions, type ResolvedOptions } from '../src/options/resolve.js';
import type { Comparison, ResolvedThreshold } from '../src/thresholds/threshold.js';
import { subjectTokens } from '../src/similarity/tokens.js';
import { projectName } from '../src/similarity/project.js';
import { vendorTrade } from '../src/records/normalize.js';
import { RARE_WEIGHT, rarityWeight } from '../src/similarity/rarity.js';
import { TEXT_BUDGET } from '../src/cluster/link.js';
import { BUSY } from '../src/cluster/runs.js';
import { runRank, scoreRun } from '../src/score/score.js';
import { buyerBaselines, type BuyerBaselines } from '../src/score/baseline.js';
import { scanRecords } from '../src/records/table.js';
import type { Item } from '../src/cluster/item.js';
import type { DetectSplitsOptions } from '../src/options/options.js';
import type { PurchaseRecord } from '../src/records/record.js';
import type { CalendarPeriod, WindowOption } from '../src/options/policy.js';

export interface OracleFinding {
  thresholdId: string;
  /** Sorted record ids. */
  recordIds: string[];
}

/** A window of more than `maxParts` parts crossing a threshold. */
export interface OracleLargeRun {
  thresholdId: string;
  /** Every record id, in date order (ties by id). */
  recordIds: string[];
}

/** Project names already worked out (the oracle asks for them once per pair of records). */
const projectNames = new Map<string, string>();

/** A record's project as projects are compared: by the words that name it (`projectName`). */
export function projectOf(r: PurchaseRecord): string | undefined {
  if (r.projectKey === undefined) return undefined;
  let name = projectNames.get(r.projectKey);
  if (name === undefined) projectNames.set(r.projectKey, (name = projectName(r.projectKey)));
  return name;
}

export interface OracleRecord {
  rec: PurchaseRecord;
  /** The project, when it is specific enough to link (see SubjectRule.maxProjectCategories). */
  linkProject: string | undefined;
  /** The vendor's trade (vendorTrade), when the vendor is no placeholder and the trade is specific enough to link. */
  linkTrade: string | undefined;
  value: Decimal;
  tokens: string[];
  /** Each token's weight: `rarityWeight` of its uses among the subjects of the record's buyer. */
  weights: ReadonlyMap<string, number>;
  /**
   * Key tokens: the tokens, rarest first (fewest uses, then by the token), up to the point where the
   * tokens left weigh less than minSimilarity of all of them.
   */
  keys: string[];
  /** Rare tokens: those weighing at least RARE_WEIGHT. */
  rares: string[];
  skipped: boolean;
}

/**
 * Accepted records with their value in the report currency (records without a rate are dropped).
 * Token weights count the subjects of `ledger` (by default the input itself): pass the whole ledger
 * when `input` is a part of it.
 */
export function oracleRecords(input: readonly unknown[], o: ResolvedOptions, ledger: readonly unknown[] = input): OracleRecord[] {
  const accepted = validateRecords(input).records.filter((r) => o.rates.has(r.currency));
  const wholeLedger = ledger === input ? accepted : validateRecords(ledger).records.filter((r) => o.rates.has(r.currency));
  const s = o.subject;
  // How widely a project or a trade spreads: the category divisions of the buyer's records in it.
  // A division: an all-digit code's first two digits; another code at the prefix depth (whole at depth 0).
  const division = (c: string) => (/^[0-9]+$/.test(c) ? c.slice(0, 2) : s.categoryPrefix > 0 ? c.slice(0, s.categoryPrefix) : c);
  const divisionsOf = (same: (r: PurchaseRecord) => boolean) => new Set(accepted.filter((r) => same(r) && r.categoryKey !== undefined).map((r) => division(r.categoryKey as string)));
  const tradeOf = (r: PurchaseRecord) => (o.placeholderVendors.has(r.vendorKey) ? undefined : vendorTrade(r.vendorKey));
  const tokensOf = (r: PurchaseRecord) => (r.subject !== undefined && o.subject.minSimilarity > 0 ? subjectTokens(r.subject) : []);
  // Per buyer: how many of its records' subjects use each token, out of those with any token.
  const uses = new Map<string, Map<string, number>>();
  const subjects = new Map<string, number>();
  for (const r of wholeLedger) {
    const tokens = tokensOf(r);
    if (tokens.length === 0) continue;
    subjects.set(r.buyerKey, (subjects.get(r.buyerKey) ?? 0) + 1);
    if (!uses.has(r.buyerKey)) uses.set(r.buyerKey, new Map());
    const u = uses.get(r.buyerKey) as Map<string, number>;
    for (const t of tokens) u.set(t, (u.get(t) ?? 0) + 1);
  }
  const weightsOf = new Map<string, Map<string, number>>();
  for (const [buyer, u] of uses) weightsOf.set(buyer, new Map([...u].map(([t, n]) => [t, rarityWeight(n, subjects.get(buyer) as number)])));
  const out: OracleRecord[] = [];
  for (const rec of accepted) {
    const rate = o.rates.get(rec.currency) as Decimal;
    // Divisions of the same buyer's records in the same project, and with the same vendor trade, counted the plain way.
    const codes = divisionsOf((r) => rec.projectKey !== undefined && r.buyerKey === rec.buyerKey && projectOf(r) === projectOf(rec));
    const trade = tradeOf(rec);
    const tradeCodes = divisionsOf((r) => trade !== undefined && r.buyerKey === rec.buyerKey && tradeOf(r) === trade);
    const tokens = tokensOf(rec);
    const weights = weightsOf.get(rec.buyerKey) ?? new Map<string, number>();
    out.push({
      rec,
      linkProject: codes.size > s.maxProjectCategories ? undefined : projectOf(rec),
      linkTrade: s.maxProjectCategories === 0 || tradeCodes.size > s.maxProjectCategories ? undefined : trade,
      value: rec.amount.times(rate),
      tokens,
      weights,
      keys: keyTokens(tokens, uses.get(rec.buyerKey), weights, o.subject.minSimilarity),
      rares: tokens.filter((x) => isRare(weights.get(x) as number)),
      skipped: rec.exemption !== undefined || (rec.methodKey !== undefined && o.skipMethods.has(rec.methodKey)),
    });
  }
  return out;
}

function keyTokens(tokens: readonly string[], uses: ReadonlyMap<string, number> | undefined, weights: ReadonlyMap<string, number>, t: number): string[] {
  const rarestFirst = [...tokens].sort((a, b) => (uses?.get(a) as number) - (uses?.get(b) as number) || (a < b ? -1 : 1));
  const total = rarestFirst.reduce((sum, x) => sum + (weights.get(x) as number), 0);
  const keys: string[] = [];
  let left = total;
  for (const x of rarestFirst) {
    if (left < t * total) break;
    keys.push(x);
    left -= weights.get(x) as number;
  }
  return keys;
}

const isRare = (weight: number) => weight >= RARE_WEIGHT;

/** The two share a rare token (one weighing at least RARE_WEIGHT in the buyer's ledger). */
export function shareRare(a: OracleRecord, b: OracleRecord): boolean {
  return a.tokens.some((x) => b.tokens.includes(x) && isRare(a.weights.get(x) as number));
}

/** Weighted Jaccard similarity ≥ t: shared weight ≥ t × the weight of all tokens of the two (weights are whole numbers). */
export function similarTexts(t: number, a: OracleRecord, b: OracleRecord): boolean {
  const all = new Set([...a.tokens, ...b.tokens]);
  let shared = 0;
  let union = 0;
  for (const x of all) {
    const w = a.weights.get(x) as number;
    union += w;
    if (a.tokens.includes(x) && b.tokens.includes(x)) shared += w;
  }
  return shared > 0 && shared >= t * union;
}

/**
 * The calendar period a day number falls in, named by a number, by plain arithmetic: the day; the
 * Monday of its ISO week (1970-01-05 was a Monday); its month, quarter or year counted from year 0;
 * its fiscal year (the months since the start of the fiscal year, whole years of them).
 */
export function periodKey(w: Exclude<WindowOption, { days: number }>, day: number): number {
  const d = new Date(day * 86_400_000);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
  switch (w.period) {
    case 'day':
      return day;
    case 'week':
      return day - (((day - 4) % 7) + 7) % 7;
    case 'month':
      return months;
    case 'quarter':
      return Math.floor(months / 3);
    case 'year':
      return d.getUTCFullYear();
    case 'fiscalYear':
      return Math.floor((months - (w.fiscalYearStart - 1)) / 12);
  }
}

/** Same calendar period (or within N − 1 days for a rolling window). */
export function sameWindow(o: ResolvedOptions, a: number, b: number): boolean {
  const w = o.window;
  return 'days' in w ? Math.abs(a - b) <= w.days - 1 : periodKey(w, a) === periodKey(w, b);
}

/** The last day a window opened on `day` reaches: N − 1 days on, or the last day of its period (walked to). */
export function windowEndOf(o: ResolvedOptions, day: number): number {
  if ('days' in o.window) return day + o.window.days - 1;
  let end = day;
  while (sameWindow(o, day, end + 1)) end++;
  return end;
}

/**
 * The link predicate, straight from the documentation of SubjectRule and DetectSplitsOptions.
 * `compared(a, b)` says whether the text join's budget lets it compare the two (see {@link withinBudget});
 * by default it always does.
 */
export function linked(o: ResolvedOptions, a: OracleRecord, b: OracleRecord, compared: (a: OracleRecord, b: OracleRecord) => boolean = () => true): boolean {
  if (a.rec.buyerKey !== b.rec.buyerKey) return false;
  // A placeholder vendor ("Various") stands for many suppliers: never the same vendor as another record.
  const sameVendor = a.rec.vendorKey === b.rec.vendorKey && !o.placeholderVendors.has(a.rec.vendorKey);
  if (o.vendor === 'same' && !sameVendor) return false;
  if (!sameWindow(o, a.rec.day, b.rec.day)) return false;
  const s = o.subject;
  const cat = (r: OracleRecord) => (s.categoryPrefix > 0 && r.rec.categoryKey !== undefined ? r.rec.categoryKey.slice(0, s.categoryPrefix) : undefined);
  const ca = cat(a);
  const cb = cat(b);
  const pa = a.linkProject;
  const pb = b.linkProject;
  if (!s.sameProject && !s.sameCategory && o.vendor === 'any' && o.linkSameVendor) {
    if (sameVendor) return true;
    // Vendors of one trade, whatever their subjects.
    if (a.linkTrade !== undefined && a.linkTrade === b.linkTrade) return true;
  }
  if (s.sameProject || s.sameCategory) {
    if (s.sameProject && (a.rec.projectKey === undefined || projectOf(a.rec) !== projectOf(b.rec))) return false;
    if (s.sameCategory && (ca === undefined || ca !== cb)) return false;
    return true;
  }
  let comparable = false;
  if (ca !== undefined && cb !== undefined) {
    comparable = true;
    if (ca === cb) return true;
  }
  if (pa !== undefined && pb !== undefined) {
    comparable = true;
    if (pa === pb) return true;
  }
  if (s.minSimilarity > 0 && a.tokens.length > 0 && b.tokens.length > 0) {
    comparable = true;
    const sameTokens = a.tokens.length === b.tokens.length && a.tokens.every((x) => b.tokens.includes(x));
    const related = similarTexts(s.minSimilarity, a, b) || (rareMayLink(o, a, b) && shareRare(a, b));
    if (related && (sameTokens || compared(a, b))) return true;
  }
  return !comparable;
}

export function belowTier(t: ResolvedThreshold, v: Decimal): boolean {
  return t.threshold.comparison === 'above' ? v.lte(t.value) : v.lt(t.value);
}

/** A total crosses by the threshold's cumulative comparison where it has one, else by its comparison. */
export function crossesTier(t: ResolvedThreshold, v: Decimal): boolean {
  return (t.threshold.cumulative ?? t.threshold.comparison) === 'above' ? v.gt(t.value) : v.gte(t.value);
}

export function inScopeOf(t: ResolvedThreshold, category: string | undefined): boolean {
  const { categories, excludeCategories } = t.threshold;
  if (categories && !(category !== undefined && categories.some((c) => category.startsWith(c)))) return false;
  if (excludeCategories && category !== undefined && excludeCategories.some((c) => category.startsWith(c))) return false;
  return true;
}

/** May this record take part in a run for this threshold (ignoring assignment)? */
export function eligibleFor(o: ResolvedOptions, t: ResolvedThreshold, r: OracleRecord): boolean {
  if (r.skipped || !belowTier(t, r.value) || !inScopeOf(t, r.rec.categoryKey)) return false;
  if (r.value.lt(t.value.times(o.minPartShare)) && !justUnderLower(o, t, r)) return false;
  if (r.rec.day < t.fromDay) return false;
  // A record after the last day in force can still be a part if an opener in force can reach it.
  if (t.toDay !== Infinity && r.rec.day > windowEndOf(o, t.toDay)) return false;
  return true;
}

/** Within the band under a lower threshold in force on the record's date and in its scope. */
function justUnderLower(o: ResolvedOptions, t: ResolvedThreshold, r: OracleRecord): boolean {
  return o.thresholds.some(
    (u) => u.value.lt(t.value) && u.fromDay <= r.rec.day && r.rec.day <= u.toDay && inScopeOf(u, r.rec.categoryKey) && belowTier(u, r.value) && r.value.gte(u.value.times(1 - o.band)),
  );
}

const byDateId = (a: OracleRecord, b: OracleRecord) => a.rec.day - b.rec.day || (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0);

/** A shared rare token may relate the two only where neither category prefixes nor projects are comparable. */
export function rareMayLink(o: ResolvedOptions, a: OracleRecord, b: OracleRecord): boolean {
  const hasCategory = (r: OracleRecord) => o.subject.categoryPrefix > 0 && r.rec.categoryKey !== undefined;
  return !(hasCategory(a) && hasCategory(b)) && !(a.linkProject !== undefined && b.linkProject !== undefined);
}

/**
 * The text join's budget (README, "How detection works", step 5): of two records with different
 * token sets, the later one is compared with the earlier one only when they share
 * - a key token z such that fewer than TEXT_BUDGET records of `pool` (the candidate parts of the
 *   same buyer, and vendor under vendor 'same') lie between them in (date, id) order with z among
 *   their key tokens; or
 * - a rare token z, where a rare token may relate them, such that fewer than TEXT_BUDGET records of
 *   `pool` between them have z among their rare tokens and are of the earlier one's kind (with or
 *   without a category prefix, with or without a project).
 */
export function withinBudget(o: ResolvedOptions, pool: readonly OracleRecord[], a: OracleRecord, b: OracleRecord, budget = TEXT_BUDGET): boolean {
  const [first, last] = byDateId(a, b) < 0 ? [a, b] : [b, a];
  const samePartition = (c: OracleRecord) => c.rec.buyerKey === last.rec.buyerKey && (o.vendor !== 'same' || c.rec.vendorKey === last.rec.vendorKey);
  const between = (has: (c: OracleRecord) => boolean) => pool.filter((c) => samePartition(c) && has(c) && byDateId(first, c) < 0 && byDateId(c, last) < 0).length;
  const kind = (r: OracleRecord) => `${o.subject.categoryPrefix > 0 && r.rec.categoryKey !== undefined}/${r.linkProject !== undefined}`;
  const byKey = first.keys.some((z) => last.keys.includes(z) && between((c) => c.keys.includes(z)) < budget);
  const byRare = rareMayLink(o, first, last) && first.rares.some((z) => last.rares.includes(z) && between((c) => c.rares.includes(z) && kind(c) === kind(first)) < budget);
  return byKey || byRare;
}

/** What the plain run rule needs to know besides the parts. */
export interface PlainRunRule {
  readonly value: Decimal;
  /** How a total crosses `value`. */
  readonly comparison: Comparison;
  /** Last day the tier is in force: a run's first part must be dated no later. */
  readonly toDay: number;
  /** Two days lie in one window. */
  readonly sameWindow: (a: number, b: number) => boolean;
  readonly minParts: number;
  readonly maxParts: number;
  /** Runs are windows' whole contents (`runs: 'window'`). */
  readonly whole: boolean;
  /** Windows are calendar periods: with `whole`, each period is one window, its whole content one proposal. */
  readonly period?: boolean;
  /** How much a set of parts (positions, ascending) looks like one requirement cut into pieces. */
  readonly rank: (parts: number[]) => number;
  /** Whether part `i` belongs with core part `j` by its subject (absent: every part does). */
  readonly related?: (i: number, j: number) => boolean;
}

/**
 * The run rule of README "How detection works" (src/cluster/runs.ts), written plainly: all windows
 * and all proposals recomputed, and every proposal ranked again, on every step. `cluster` is in date
 * order (ties by id), each part with its vendor key (undefined for a placeholder vendor); `free[i]`
 * is false for a part already taken. Returns positions.
 */
export function plainRuns(cluster: readonly { day: number; value: Decimal; vendor: string | undefined; project?: string | undefined; amount?: Decimal }[], free: readonly boolean[], rule: PlainRunRule): { runs: number[][]; largeRuns: number[][] } {
  const isFree = [...free];
  const positions = cluster.map((_, i) => i);
  const dayOf = (i: number) => (cluster[i] as { day: number }).day;
  const vendorOf = (i: number) => (cluster[i] as { vendor: string | undefined }).vendor;
  const projectOf = (i: number) => (cluster[i] as { project?: string | undefined }).project;
  const valueOf = (i: number) => (cluster[i] as { value: Decimal }).value;
  // The amount as recorded (the value when not given): round when whole and a multiple of 1,000 or of two significant digits at most.
  const isRoundAt = (i: number) => {
    const a = (cluster[i] as { amount?: Decimal }).amount ?? valueOf(i);
    return a.isInteger() && !a.isZero() && (a.mod(1000).isZero() || a.toSignificantDigits(2).eq(a));
  };
  const totalOf = (ps: readonly number[]) => ps.reduce((s, i) => s.plus(valueOf(i)), new Decimal(0));
  const crossing = (ps: readonly number[]): boolean => {
    const total = totalOf(ps);
    return rule.comparison === 'above' ? total.gt(rule.value) : total.gte(rule.value);
  };
  const startingOn = (d: number) => positions.filter((i) => isFree[i] && dayOf(i) >= d && rule.sameWindow(d, dayOf(i)));
  const endingOn = (d: number) => positions.filter((i) => isFree[i] && dayOf(i) <= d && rule.sameWindow(dayOf(i), d));
  const days = [...new Set(cluster.map((p) => p.day))].sort((a, b) => a - b);
  const largeRuns: number[][] = [];
  // Windows starting on a day in force, in date order, of more than `limit` free parts that cross.
  const takeLarge = (limit: number): void => {
    for (const d of days) {
      if (d > rule.toDay) break;
      const content = startingOn(d);
      if (content.length > limit && crossing(content)) {
        largeRuns.push(content);
        for (const i of content) isFree[i] = false;
      }
    }
  };
  // Busy windows first: more than BUSY × maxParts (maxParts when windows propose their whole content).
  takeLarge(rule.whole ? rule.maxParts : BUSY * rule.maxParts);
  // The fewest first entries of `order` (at least minParts) that cross.
  const firstCrossing = (order: number[]): number[] => {
    let m = rule.minParts;
    while (!crossing(order.slice(0, m))) m++;
    return order.slice(0, m);
  };
  // A core with the free parts that belong with it: at least half its smallest part, related by
  // subject to one of the core's parts, within its largest gap in days of the run, nearest first
  // (the earlier on a tie), while all fit one window.
  const withAlike = (core: number[], vendor?: string): number[] => {
    let gap = 0;
    for (let i = 1; i < core.length; i++) gap = Math.max(gap, dayOf(core[i] as number) - dayOf(core[i - 1] as number));
    const least = core.map(valueOf).reduce((a, b) => (b.lt(a) ? b : a));
    const run = [...core];
    const fits = (ps: number[]) => rule.sameWindow(Math.min(...ps.map(dayOf)), Math.max(...ps.map(dayOf)));
    const related = rule.related ?? (() => true);
    let pool = positions.filter((i) => isFree[i] && !core.includes(i) && valueOf(i).times(2).gte(least) && (vendor === undefined || vendorOf(i) === vendor) && core.some((j) => related(i, j)));
    const distance = (i: number) => Math.min(...run.map((j) => Math.abs(dayOf(i) - dayOf(j))));
    for (;;) {
      const near = pool.filter((i) => distance(i) <= gap);
      if (near.length === 0) return run.sort((a, b) => a - b);
      const next = near.reduce((a, b) => (distance(b) < distance(a) ? b : a));
      pool = pool.filter((i) => i !== next);
      if (fits([...run, next])) run.push(next);
    }
  };
  const earlier = (a: readonly number[], b: readonly number[]): boolean => {
    const i = a.findIndex((x, j) => x !== b[j]);
    if (i < 0) return a.length < b.length;
    return i < b.length && (a[i] as number) < (b[i] as number);
  };
  const runs: number[][] = [];
  // runs: 'window' under a calendar window: the period (the cluster's, which it never leaves) is the
  // one window, all its free parts one proposal — a group-by rule's group, the period's total.
  if (rule.whole && rule.period) {
    const content = positions.filter((i) => isFree[i]);
    if (content.length >= rule.minParts && content.length <= rule.maxParts && dayOf(content[0] as number) <= rule.toDay && crossing(content)) runs.push(content);
    return { runs, largeRuns };
  }
  const choose = (): void => {
    for (;;) {
      let best: { rank: number; parts: number[] } | undefined;
      for (const d of days) {
        for (const [content, fromEnd] of [[startingOn(d), false], [endingOn(d), true]] as const) {
          // A window proposes when its first part is dated while the tier is in force, and crosses it.
          if (content.length < rule.minParts || dayOf(content[0] as number) > rule.toDay || !crossing(content)) continue;
          const proposals = (): number[][] => {
            // runs: 'window' proposes the window's whole content.
            if (rule.whole) return [content];
            const bySize = (ps: readonly number[]) => [...ps].sort((a, b) => valueOf(b).cmp(valueOf(a)) || a - b);
            // The main vendor: the largest total among two or more vendors (the smaller key on a tie),
            // with at most maxParts parts in the window. Each placeholder part is a vendor of its own:
            // it counts among the vendors, and one above every named vendor's total (a named vendor
            // wins a tie) is the main vendor, whose one part proposes nothing.
            const vendors = [...new Set(content.map(vendorOf).filter((v) => v !== undefined))].sort();
            const placeholders = content.filter((i) => vendorOf(i) === undefined);
            const partsOf = (v: string) => content.filter((i) => vendorOf(i) === v);
            const named = vendors.length === 0 || vendors.length + placeholders.length < 2 ? undefined : vendors.reduce((a, b) => (totalOf(partsOf(b)).gt(totalOf(partsOf(a))) ? b : a));
            const main = named !== undefined && placeholders.every((i) => valueOf(i).lte(totalOf(partsOf(named)))) ? named : undefined;
            const own = main === undefined ? [] : partsOf(main);
            const vendorRun = main !== undefined && own.length >= rule.minParts && own.length <= rule.maxParts && crossing(own) ? [withAlike(firstCrossing(bySize(own)).sort((a, b) => a - b), main)] : [];
            // The parts of one amount: of the amounts shared exactly by minParts to maxParts parts
            // that cross, the largest total (the earlier first part on a tie), all of its parts.
            const amounts = [...new Set(content.map((i) => valueOf(i).toString()))].map((v) => content.filter((i) => valueOf(i).toString() === v));
            const shared = amounts.filter((ps) => ps.length >= rule.minParts && ps.length <= rule.maxParts && crossing(ps));
            const oneAmount = shared.length === 0 ? [] : [shared.reduce((a, b) => (totalOf(b).gt(totalOf(a)) ? b : a))];
            // The main project's parts: among two or more projects (or parts without one beside a
            // project's), the project with the largest total (the earlier first part on a tie), all
            // of its parts, when minParts to maxParts of them cross.
            const projects = [...new Set(content.map(projectOf).filter((x) => x !== undefined))].map((x) => content.filter((i) => projectOf(i) === x));
            const withoutProject = content.some((i) => projectOf(i) === undefined);
            const mainProject = projects.length === 0 || projects.length + (withoutProject ? 1 : 0) < 2 ? undefined : projects.reduce((a, b) => (totalOf(b).gt(totalOf(a)) ? b : a));
            const projectRun = mainProject !== undefined && mainProject.length >= rule.minParts && mainProject.length <= rule.maxParts && crossing(mainProject) ? [mainProject] : [];
            // Its round parts: when some but not all of its parts have round amounts, all of those, when minParts to maxParts of them cross.
            const round = content.filter(isRoundAt);
            const roundRun = round.length < content.length && round.length >= rule.minParts && round.length <= rule.maxParts && crossing(round) ? [round] : [];
            // A window of more than maxParts parts proposes only its main vendor's, its parts of one amount, its main project's and its round parts.
            if (content.length > rule.maxParts) return [...vendorRun, ...oneAmount, ...projectRun, ...roundRun];
            const largest = withAlike(firstCrossing(bySize(content)).sort((a, b) => a - b));
            const tightest = withAlike(fromEnd ? firstCrossing([...content].reverse()).sort((a, b) => a - b) : firstCrossing(content));
            return [largest, tightest, ...vendorRun, ...oneAmount, ...projectRun, ...roundRun];
          };
          for (const parts of proposals()) {
            // A proposal counts when its first part is in force, and holds at most maxParts parts.
            if (dayOf(parts[0] as number) > rule.toDay || parts.length > rule.maxParts) continue;
            const r = rule.rank(parts);
            const rank = Number.isNaN(r) ? -Infinity : r;
            if (!best || rank > best.rank || (rank === best.rank && earlier(parts, best.parts))) best = { rank, parts };
          }
        }
      }
      if (!best) return;
      runs.push(best.parts);
      for (const i of best.parts) isFree[i] = false;
    }
  };
  choose();
  // Then the windows still of more than maxParts parts that cross are large runs, and runs go on.
  if (!rule.whole) {
    takeLarge(rule.maxParts);
    choose();
  }
  return { runs, largeRuns };
}

/** Nominal window length in days (the score's measure of a tight span), written out. */
const NOMINAL_DAYS: Record<CalendarPeriod, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366, fiscalYear: 366 };

/**
 * The score of a set of records as detection ranks it (the library's `scoreRun`, the one thing the
 * oracle does not rewrite), on items the oracle builds itself.
 */
export function oracleRank(o: ResolvedOptions, t: ResolvedThreshold, baselines?: { readonly of: BuyerBaselines; readonly k: ReadonlyMap<string, number> }): (records: readonly OracleRecord[]) => number {
  const ids = new Map<string, number>();
  const idOf = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  const ctx = { thresholds: o.thresholds, windowDays: 'days' in o.window ? o.window.days : NOMINAL_DAYS[o.window.period], sameVendor: o.vendor === 'same', band: o.band, weights: o.weights, ...(baselines ? { baselines: baselines.of } : {}) };
  return (records) => {
    const items: Item[] = records.map((r) => ({
      k: baselines ? (baselines.k.get(r.rec.id) as number) : r.rec.index,
      day: r.rec.day,
      value: r.value,
      amount: r.rec.amount,
      vendorKey: r.rec.vendorKey,
      // A placeholder vendor is a vendor of its own in every count (vendorIdentity).
      ...(o.placeholderVendors.has(r.rec.vendorKey) ? { placeholderVendor: true } : {}),
      categoryKey: r.rec.categoryKey,
      document: r.rec.document,
      subject: r.rec.subject,
      // As the record table computes it: the amount as a double, times the rate as a double.
      approx: r.rec.currency === o.currency ? r.rec.amount.toNumber() : r.rec.amount.toNumber() * (o.rates.get(r.rec.currency) as Decimal).toNumber(),
      tokens: r.tokens.map(idOf).sort((a, b) => a - b),
      weights: [],
      // As the record table cuts it: the category code to the prefix depth, when that signal is on.
      categoryPrefix: o.subject.categoryPrefix > 0 && r.rec.categoryKey !== undefined ? r.rec.categoryKey.slice(0, o.subject.categoryPrefix) : undefined,
      project: r.linkProject,
    }));
    return runRank(scoreRun(items, t, ctx));
  };
}

/**
 * How two records' subjects agree, plainly: the best of their token sets' Jaccard similarity, the
 * share of the longer category code the two codes share from the start (when the policy compares
 * codes), and a shared specific project (full when nothing else was compared, else halfway from
 * the rest to 1); NaN when they have none of these to compare.
 */
export function agreement(o: ResolvedOptions, a: OracleRecord, b: OracleRecord): number {
  let best = 0;
  let compared = false;
  if (a.tokens.length > 0 && b.tokens.length > 0) {
    const A = new Set(a.tokens);
    const B = new Set(b.tokens);
    const shared = [...A].filter((t) => B.has(t)).length;
    best = shared / (A.size + B.size - shared);
    compared = true;
  }
  const ca = a.rec.categoryKey;
  const cb = b.rec.categoryKey;
  if (o.subject.categoryPrefix > 0 && ca !== undefined && cb !== undefined) {
    let n = 0;
    while (n < ca.length && n < cb.length && ca[n] === cb[n]) n++;
    best = Math.max(best, n / Math.max(ca.length, cb.length));
    compared = true;
  }
  if (a.linkProject !== undefined && b.linkProject !== undefined) {
    if (a.linkProject === b.linkProject) best = compared ? (1 + best) / 2 : 1;
    compared = true;
  }
  return compared ? best : Number.NaN;
}

/**
 * Detection, plainly: per threshold, most serious first, the clusters are the connected components
 * (all pairs, union-find) of the threshold's eligible records — those already in a run of a more
 * serious threshold included: they link, but are no parts — and each cluster's runs and large runs
 * are cut by {@link plainRuns}, ranked by the score.
 */
export function oracleRuns(input: readonly unknown[], options: DetectSplitsOptions): { findings: OracleFinding[]; largeRuns: OracleLargeRun[] } {
  const o = resolveOptions(options);
  const all = oracleRecords(input, o);
  // The buyers' baselines are part of the score, which the oracle takes from the library as it is.
  const table = scanRecords(input, { currency: o.currency, rates: o.rates });
  const baselines = { of: buyerBaselines(table, o), k: new Map(table.id.map((id, k) => [id, k])) };
  const assigned = new Set<string>();
  const findings: OracleFinding[] = [];
  const largeRuns: OracleLargeRun[] = [];
  for (const t of o.thresholds) {
    const elig = all.filter((r) => eligibleFor(o, t, r));
    // Union-find over all pairs.
    const parent = elig.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x] as number)));
    for (let i = 0; i < elig.length; i++) {
      for (let j = i + 1; j < elig.length; j++) {
        if (linked(o, elig[i] as OracleRecord, elig[j] as OracleRecord, (a, b) => withinBudget(o, elig, a, b))) parent[find(i)] = find(j);
      }
    }
    const comps = new Map<number, OracleRecord[]>();
    elig.forEach((r, i) => {
      const root = find(i);
      comps.set(root, [...(comps.get(root) ?? []), r]);
    });
    const rank = oracleRank(o, t, baselines);
    for (const comp of comps.values()) {
      comp.sort(byDateId);
      const rule: PlainRunRule = {
        value: t.value,
        comparison: t.threshold.cumulative ?? t.threshold.comparison,
        toDay: t.toDay,
        sameWindow: (a, b) => sameWindow(o, a, b),
        minParts: o.minParts,
        maxParts: o.maxParts,
        whole: o.runs === 'window',
        period: 'period' in o.window,
        rank: (parts) => rank(parts.map((i) => comp[i] as OracleRecord)),
        related: (i, j) => !(agreement(o, comp[i] as OracleRecord, comp[j] as OracleRecord) < o.subject.minSimilarity),
      };
      const cut = plainRuns(comp.map((r) => ({ day: r.rec.day, value: r.value, vendor: o.placeholderVendors.has(r.rec.vendorKey) ? undefined : r.rec.vendorKey, project: r.linkProject, amount: r.rec.amount })), comp.map((r) => !assigned.has(r.rec.id)), rule);
      const ids = (parts: number[]) => parts.map((i) => (comp[i] as OracleRecord).rec.id);
      for (const parts of cut.largeRuns) largeRuns.push({ thresholdId: t.threshold.id, recordIds: ids(parts) });
      for (const parts of cut.runs) findings.push({ thresholdId: t.threshold.id, recordIds: ids(parts).sort() });
      for (const parts of [...cut.largeRuns, ...cut.runs]) for (const id of ids(parts)) assigned.add(id);
    }
  }
  return { findings: sortFindings(findings), largeRuns: sortFindings(largeRuns) };
}

/** The runs the oracle finds (every crossing run, as `minScore: 0` reports them). */
export function oracleDetect(input: readonly unknown[], options: DetectSplitsOptions): OracleFinding[] {
  return oracleRuns(input, options).findings;
}

export function sortFindings(f: OracleFinding[]): OracleFinding[] {
  const key = (x: OracleFinding) => `${x.thresholdId}\u0000${x.recordIds.join('\u0001')}`;
  return [...f].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
