/**
 * The brute-force oracle: the detection semantics written as plainly as possible, comparing every
 * pair. O(n²) per threshold; fine up to a few thousand records. The fast detector must agree with
 * it exactly. It shares only record validation, option resolution, tokenisation, the token weight
 * formula and the text join's budget constant with the library, none of the windows, candidate,
 * similarity, clustering or run-cutting code: it keeps its own plain copies.
 */
import Decimal from 'decimal.js';
import { validateRecords } from '../src/records/validate.js';
import { resolveOptions, type ResolvedOptions } from '../src/options/resolve.js';
import type { ResolvedThreshold } from '../src/thresholds/threshold.js';
import { subjectTokens } from '../src/similarity/tokens.js';
import { RARE_WEIGHT, rarityWeight } from '../src/similarity/rarity.js';
import { TEXT_BUDGET } from '../src/cluster/link.js';
import type { DetectSplitsOptions } from '../src/options/options.js';
import type { PurchaseRecord } from '../src/records/record.js';
import type { WindowOption } from '../src/options/policy.js';

export interface OracleFinding {
  thresholdId: string;
  /** Sorted record ids. */
  recordIds: string[];
}

export interface OracleRecord {
  rec: PurchaseRecord;
  /** The project, when it is specific enough to link (see SubjectRule.maxProjectCategories). */
  linkProject: string | undefined;
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
  const codeOf = (c: string) => (s.categoryPrefix > 0 ? c.slice(0, s.categoryPrefix) : c);
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
    // Categories of the same buyer's records in the same project, counted the plain way.
    const codes = new Set(
      accepted
        .filter((r) => rec.projectKey !== undefined && r.buyerKey === rec.buyerKey && r.projectKey === rec.projectKey && r.categoryKey !== undefined)
        .map((r) => codeOf(r.categoryKey as string)),
    );
    const tokens = tokensOf(rec);
    const weights = weightsOf.get(rec.buyerKey) ?? new Map<string, number>();
    out.push({
      rec,
      linkProject: codes.size > s.maxProjectCategories ? undefined : rec.projectKey,
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
  if (o.vendor === 'same' && a.rec.vendorKey !== b.rec.vendorKey) return false;
  if (!sameWindow(o, a.rec.day, b.rec.day)) return false;
  const s = o.subject;
  const cat = (r: OracleRecord) => (s.categoryPrefix > 0 && r.rec.categoryKey !== undefined ? r.rec.categoryKey.slice(0, s.categoryPrefix) : undefined);
  const ca = cat(a);
  const cb = cat(b);
  const pa = a.linkProject;
  const pb = b.linkProject;
  if (!s.sameProject && !s.sameCategory && o.vendor === 'any' && o.linkSameVendor && a.rec.vendorKey === b.rec.vendorKey) return true;
  if (s.sameProject || s.sameCategory) {
    if (s.sameProject && (a.rec.projectKey === undefined || a.rec.projectKey !== b.rec.projectKey)) return false;
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

export function crossesTier(t: ResolvedThreshold, v: Decimal): boolean {
  return t.threshold.comparison === 'above' ? v.gt(t.value) : v.gte(t.value);
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
  if (r.value.lt(t.value.times(o.minPartShare))) return false;
  if (r.rec.day < t.fromDay) return false;
  // A record after the last day in force can still be a part if an opener in force can reach it.
  if (t.toDay !== Infinity && r.rec.day > windowEndOf(o, t.toDay)) return false;
  return true;
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

export function oracleDetect(input: readonly unknown[], options: DetectSplitsOptions): OracleFinding[] {
  const o = resolveOptions(options);
  const all = oracleRecords(input, o);
  const assigned = new Set<string>();
  const findings: OracleFinding[] = [];
  for (const t of o.thresholds) {
    const elig = all.filter((r) => !assigned.has(r.rec.id) && eligibleFor(o, t, r));
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
    for (const comp of comps.values()) {
      comp.sort(byDateId);
      const taken = new Set<string>();
      for (const opener of comp) {
        if (taken.has(opener.rec.id)) continue;
        if (opener.rec.day > t.toDay) continue;
        const run = comp.filter(
          (r) => !taken.has(r.rec.id) && r.rec.day >= opener.rec.day && sameWindow(o, opener.rec.day, r.rec.day),
        );
        const total = run.reduce((s, r) => s.plus(r.value), new Decimal(0));
        if (run.length >= o.minParts && crossesTier(t, total)) {
          for (const r of run) taken.add(r.rec.id);
          findings.push({ thresholdId: t.threshold.id, recordIds: run.map((r) => r.rec.id).sort() });
        }
      }
      for (const id of taken) assigned.add(id);
    }
  }
  return sortFindings(findings);
}

export function sortFindings(f: OracleFinding[]): OracleFinding[] {
  const key = (x: OracleFinding) => `${x.thresholdId}\u0000${x.recordIds.join('\u0001')}`;
  return [...f].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
