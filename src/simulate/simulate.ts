import type { ThresholdInput } from '../thresholds/threshold.js';
import { OptionsError, type OptionIssue } from '../errors.js';
import { dayOf, isoOf, partsOf, dayFromParts } from '../_lib/days.js';
import { exactDecimal } from '../_lib/decimal.js';
import { Rng, cumulative } from './_prng.js';
import {
  BIG_VENDORS_EN, BIG_VENDORS_ZH, BUREAUS_EN, BUREAUS_ZH, CITIES_ZH, DEPTS_EN, DEPTS_ZH, DISTRICTS_EN, DISTRICTS_ZH,
  DOMAIN_PROJECT, GROUPS, LEGAL_EN, LEGAL_ZH, MONTH_WEIGHTS, RECURRING_GROUPS, REQUIREMENTS, VENDOR_STEMS_EN,
  VENDOR_STEMS_ZH, type Domain, type Item, type Requirement,
} from './_catalogue.js';
import {
  DECOY_KINDS, SCHEME_KINDS, type DecoyKind, type DecoyTruth, type SchemeKind, type SchemeTruth,
  type SimulatedRecord, type Truth,
} from './truth.js';

/** Language of a buyer's ledger: subjects, vendor names, methods and projects. */
export type SimulatedLanguage = 'zh' | 'en';

/**
 * The default thresholds: a Hangzhou-like pair (2018 catalogue, see DOMAIN.md): decentralised
 * procurement from 300,000 CNY and public tender from 1,000,000 CNY, both triggered at or above.
 */
export const SIMULATION_THRESHOLDS: readonly ThresholdInput[] = [
  { id: 'sim-decentralised', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement', comparison: 'atOrAbove', label: 'Hangzhou-like decentralised procurement threshold (simulation)' },
  { id: 'sim-open-tender', amount: '1000000', currency: 'CNY', procedure: 'public tender', comparison: 'atOrAbove', label: 'Hangzhou-like public tender threshold (simulation)' },
];

/** Options of {@link simulate}. All optional. */
export interface SimulateOptions {
  /** Seed of the generator: the same seed and options give the same ledger. @defaultValue 1 */
  seed?: number | undefined;
  /** Number of buyers. @defaultValue 20, or `round(size / recordsPerBuyer)` when `size` is given */
  buyers?: number | undefined;
  /** Mean routine (background) purchases per buyer; buyers vary ×0.3–×1.7 around it. @defaultValue 500 */
  recordsPerBuyer?: number | undefined;
  /** Total routine purchases; overrides `recordsPerBuyer`. Schemes and decoys come on top. */
  size?: number | undefined;
  /** Tiers to split under (one currency). @defaultValue {@link SIMULATION_THRESHOLDS} */
  thresholds?: readonly ThresholdInput[] | undefined;
  /** First day of the ledger, `YYYY-MM-DD`. @defaultValue `'2023-01-01'` */
  start?: string | undefined;
  /** Last day of the ledger, `YYYY-MM-DD`. @defaultValue `'2024-12-31'` */
  end?: string | undefined;
  /** First month (1–12) of the fiscal year used by `fiscalYear` schemes and recurring services. @defaultValue 1 */
  fiscalYearStart?: number | undefined;
  /** Schemes per kind. @defaultValue `ceil(buyers / 2)` of each kind (`twoTiers` needs two tiers) */
  schemes?: Partial<Record<SchemeKind, number>> | undefined;
  /** Decoys per kind. @defaultValue `ceil(buyers / 2)` of each kind */
  decoys?: Partial<Record<DecoyKind, number>> | undefined;
  /** Languages of buyers' ledgers, drawn uniformly per buyer. @defaultValue `['zh', 'en']` */
  languages?: readonly SimulatedLanguage[] | undefined;
  /** Prefix of record ids. @defaultValue `'P'` */
  idPrefix?: string | undefined;
}

/** What {@link simulate} returns. */
export interface SimulateResult {
  /** The ledger in date order (ties in random order), ids `P0000001` … in that order. */
  readonly records: SimulatedRecord[];
  readonly truth: Truth;
}

interface Tier {
  readonly id: string;
  readonly cents: number;
  readonly above: boolean;
  readonly from: number;
  readonly to: number;
  /** Groups (indices into GROUPS) whose codes the tier applies to. */
  readonly groups: readonly number[];
  /** The tier names categories: records need one to fall under it. */
  readonly scoped: boolean;
}

interface Buyer {
  readonly name: string;
  readonly lang: SimulatedLanguage;
  readonly categories: boolean;
  readonly projects: boolean;
  readonly groupCum: readonly number[];
  readonly pools: (string[] | undefined)[];
}

const DEFAULT_RPB = 500;

/**
 * Simulates a procurement ledger with ground-truth labels: routine purchases per buyer plus injected
 * split schemes and legitimate decoys.
 *
 * Routine purchases: each buyer prefers some of 38 CPV-like category groups, buys from a small pool of
 * vendors per group (Zipf-like loyalty), with log-normal amounts around each group's median (σ = 1,
 * redrawn when at or above half the lowest tier (after 8 tries, uniform under it); 0.3 % are large purchases above it, bought by public
 * tender), seasonality (Spring Festival lull, December budget flush, few weekend purchases), subjects
 * in Chinese or English with natural variation, category codes (85 % of buyers record them), budget
 * projects (70 % of buyers: a domain project, the general running-costs project, or none), methods
 * (quotation, direct award, framework call-off, card, e-marketplace) and invoice numbers.
 * Schemes and decoys are described at {@link SchemeKind} and {@link DecoyKind}. Amounts are built
 * from integer cents, so every label is exact.
 *
 * Runs in O(n) time and memory; 1M records take a few seconds.
 *
 * @throws {OptionsError} on bad options (negative counts, bad dates, thresholds in several currencies).
 * @example
 * const { records, truth } = simulate({ seed: 7, buyers: 4, recordsPerBuyer: 100 });
 * records.length > 400           //=> true
 * truth.schemes[0]?.kind         //=> 'sameVendor'
 */
export function simulate(options: SimulateOptions = {}): SimulateResult {
  const cfg = readOptions(options);
  const rng = new Rng(cfg.seed);
  const bg = rng.fork(1);
  const inj = rng.fork(2);
  const tiers = cfg.tiers;
  const lowest = tiers[0] as Tier;
  const currency = cfg.currency;

  // Per-day weights: month seasonality, weekends rare.
  const dayWeights: number[] = [];
  for (let d = cfg.start; d <= cfg.end; d++) {
    const month = (partsOf(d)[1] - 1);
    const weekday = (((d + 4) % 7) + 7) % 7;
    dayWeights.push((MONTH_WEIGHTS[month] ?? 1) * (weekday === 0 || weekday === 6 ? 0.12 : 1));
  }
  const dayCum = cumulative(dayWeights);
  const isoCache: string[] = [];
  const yearCache = new Int32Array(cfg.end - cfg.start + 1);
  for (let d = cfg.start; d <= cfg.end; d++) yearCache[d - cfg.start] = partsOf(d)[0];
  const yearOf = (d: number): number => (d >= cfg.start && d <= cfg.end ? yearCache[d - cfg.start]! : partsOf(d)[0]);
  const iso = (d: number): string => (isoCache[d - cfg.start] ??= isoOf(d));

  const out: SimulatedRecord[] = [];
  const outDays: number[] = [];
  const add = (b: Buyer, day: number, vendor: string, cents: number, subject: string, extra: Partial<Pick<SimulatedRecord, 'category' | 'project' | 'method' | 'document'>>): SimulatedRecord => {
    const r: SimulatedRecord = { id: '', buyer: b.name, vendor, date: iso(day), amount: money(cents), currency, subject };
    if (extra.category !== undefined) r.category = extra.category;
    if (extra.project !== undefined) r.project = extra.project;
    if (extra.method !== undefined) r.method = extra.method;
    if (extra.document !== undefined) r.document = extra.document;
    out.push(r);
    outDays.push(day - cfg.start);
    return r;
  };

  // ---- Buyers ------------------------------------------------------------------------------------
  const baseWeights = GROUPS.map((gr) => gr.weight);
  const buyers: Buyer[] = [];
  for (let i = 0; i < cfg.buyers; i++) {
    const lang = bg.pick(cfg.languages);
    const nd = DISTRICTS_ZH.length;
    const nb = BUREAUS_ZH.length;
    const round = Math.floor(i / (nd * nb));
    const suffix = round > 0 ? (lang === 'zh' ? `第${round + 1}分局` : ` No. ${round + 1}`) : '';
    const name = lang === 'zh'
      ? `杭州市${DISTRICTS_ZH[i % nd]}${BUREAUS_ZH[Math.floor(i / nd) % nb]}${suffix}`
      : `${DISTRICTS_EN[i % nd]} ${BUREAUS_EN[Math.floor(i / nd) % nb]}${suffix}`;
    const prefs = baseWeights.map((w) => (bg.chance(0.25) ? 0 : w * Math.exp(0.8 * bg.normal())));
    buyers.push({
      name, lang,
      categories: bg.chance(0.85),
      projects: bg.chance(0.7),
      groupCum: cumulative(prefs),
      pools: [],
    });
  }
  const pool = (b: Buyer, group: number, r: Rng): string[] => {
    let p = b.pools[group];
    if (!p) {
      const ks = r.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, r.int(2, 6));
      p = ks.map((k) => vendorName(group, k, b.lang));
      b.pools[group] = p;
    }
    return p;
  };
  const loyalVendor = (b: Buyer, group: number, r: Rng): string => {
    const p = pool(b, group, r);
    // Zipf-like: the first vendor of the pool gets most of the work.
    const x = r.next() * harmonic(p.length);
    let acc = 0;
    for (let k = 0; k < p.length; k++) {
      acc += 1 / (k + 1);
      if (x < acc) return p[k] as string;
    }
    return p[p.length - 1] as string;
  };
  const projectCache = new Map<string, string>();
  const domainProject = (b: Buyer, domain: Domain, day: number): string => {
    const year = yearOf(day);
    const key = `${b.lang}${domain}${year}`;
    let p = projectCache.get(key);
    if (p === undefined) {
      const [zh, en] = DOMAIN_PROJECT[domain];
      p = b.lang === 'zh' ? `${year}年${zh}` : `${en} ${year}`;
      projectCache.set(key, p);
    }
    return p;
  };
  const routineProject = (b: Buyer, domain: Domain, day: number, r: Rng): string | undefined => {
    if (!b.projects) return undefined;
    const x = r.next();
    if (x < 0.6) return domainProject(b, domain, day);
    if (x < 0.85) return domainProject(b, 'general', day);
    return undefined;
  };
  const category = (b: Buyer, code: string, r: Rng): string | undefined => (b.categories && r.chance(0.97) ? code : undefined);

  // ---- Routine purchases -------------------------------------------------------------------------
  const sizes = buyers.map(() => bg.uniform(0.3, 1.7));
  const sizeSum = sizes.reduce((a, x) => a + x, 0);
  const methodsZh = ['询价', '直接采购', '定点采购', '公务卡', '电子卖场'];
  const methodsEn = ['request for quotation', 'direct award', 'framework call-off', 'purchasing card', 'e-marketplace'];
  const methodCum = cumulative([0.25, 0.35, 0.15, 0.15, 0.1]);
  const halfLowest = lowest.cents / 2;
  let assigned = 0;
  buyers.forEach((b, bi) => {
    const n = bi === buyers.length - 1 ? cfg.total - assigned : Math.round((cfg.total * (sizes[bi] as number)) / sizeSum);
    assigned += n;
    for (let j = 0; j < n; j++) {
      const day = cfg.start + bg.weighted(dayCum);
      const gi = bg.weighted(b.groupCum);
      const group = GROUPS[gi]!;
      const item = bg.pick(group.items);
      let cents: number;
      let method: string;
      if (bg.chance(0.003)) {
        cents = Math.round(lowest.cents * bg.uniform(1, 3));
        method = b.lang === 'zh' ? '公开招标' : 'public tender';
      } else {
        let tries = 0;
        do cents = Math.max(100, Math.round(group.median * 100 * Math.exp(bg.normal())));
        while (cents >= halfLowest && ++tries < 8);
        // Thresholds far below a group's typical amount (a card limit): stay under half the lowest tier.
        if (cents >= halfLowest) cents = Math.max(1, Math.round(halfLowest * bg.uniform(0.05, 1)) - 1);
        if (cents > 50_000_00 && bg.chance(0.5)) cents = Math.round(cents / 100_00) * 100_00;
        const m = bg.weighted(methodCum);
        method = (b.lang === 'zh' ? methodsZh[m] : methodsEn[m]) as string;
      }
      const year = yearOf(day);
      const r: SimulatedRecord = { id: '', buyer: b.name, vendor: loyalVendor(b, gi, bg), date: iso(day), amount: money(cents), currency, subject: subjectOf(item, b.lang, year, bg) };
      const cat = category(b, item.code, bg);
      if (cat !== undefined) r.category = cat;
      const project = routineProject(b, group.domain, day, bg);
      if (project !== undefined) r.project = project;
      r.method = method;
      r.document = `FP${year}${String(bg.int(0, 999_999)).padStart(6, '0')}`;
      out.push(r);
      outDays.push(day - cfg.start);
    }
  });

  // ---- Schemes and decoys ------------------------------------------------------------------------
  const schemes: { kind: SchemeKind; recs: SimulatedRecord[]; tier: string; cents: number; buyer: string }[] = [];
  const decoys: { kind: DecoyKind; recs: SimulatedRecord[]; tier: string; buyer: string }[] = [];
  const ctx: Ctx = { cfg, rng: inj, tiers, buyers, add, loyalVendor, pool, domainProject, routineProject, category };
  for (const kind of SCHEME_KINDS) {
    const count = cfg.schemes[kind];
    for (let i = 0; i < count; i++) {
      const s = injectScheme(ctx, kind);
      if (s) schemes.push({ kind, ...s });
    }
  }
  for (const kind of DECOY_KINDS) {
    const count = cfg.decoys[kind];
    for (let i = 0; i < count; i++) {
      const d = injectDecoy(ctx, kind);
      if (d) decoys.push({ kind, ...d });
    }
  }

  // ---- Date order, ids ---------------------------------------------------------------------------
  // A random permutation, then a counting sort by day: date order, ties in random order.
  const n = out.length;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const shuf = rng.fork(3);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(shuf.next() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const span = cfg.end - cfg.start + 1;
  const counts = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) counts[outDays[i]! + 1]! += 1;
  for (let d = 1; d <= span; d++) counts[d]! += counts[d - 1]!;
  const records: SimulatedRecord[] = new Array<SimulatedRecord>(n);
  for (let i = 0; i < n; i++) {
    const k = perm[i]!;
    records[counts[outDays[k]!]!++] = out[k]!;
  }
  const width = Math.max(7, String(records.length).length);
  records.forEach((r, i) => {
    r.id = `${cfg.idPrefix}${String(i + 1).padStart(width, '0')}`;
  });

  const byDate = (recs: SimulatedRecord[]): string[] =>
    recs.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((r) => r.id);
  const schemeTruth: SchemeTruth[] = schemes.map((s, i) => ({
    id: `S${String(i + 1).padStart(4, '0')}`, kind: s.kind, buyer: s.buyer, recordIds: byDate(s.recs), thresholdId: s.tier, total: money(s.cents),
  }));
  const decoyTruth: DecoyTruth[] = decoys.map((d, i) => ({
    id: `D${String(i + 1).padStart(4, '0')}`, kind: d.kind, buyer: d.buyer, recordIds: byDate(d.recs), thresholdId: d.tier,
  }));
  return { records, truth: { seed: cfg.seed, thresholds: cfg.thresholdInputs, schemes: schemeTruth, decoys: decoyTruth } };
}

// ================================================================================================

interface Config {
  seed: number;
  buyers: number;
  total: number;
  tiers: Tier[];
  thresholdInputs: ThresholdInput[];
  currency: string;
  start: number;
  end: number;
  fiscalYearStart: number;
  schemes: Record<SchemeKind, number>;
  decoys: Record<DecoyKind, number>;
  languages: readonly SimulatedLanguage[];
  idPrefix: string;
}

interface Ctx {
  cfg: Config;
  rng: Rng;
  tiers: Tier[];
  buyers: Buyer[];
  add: (b: Buyer, day: number, vendor: string, cents: number, subject: string, extra: Partial<Pick<SimulatedRecord, 'category' | 'project' | 'method' | 'document'>>) => SimulatedRecord;
  loyalVendor: (b: Buyer, group: number, r: Rng) => string;
  pool: (b: Buyer, group: number, r: Rng) => string[];
  domainProject: (b: Buyer, domain: Domain, day: number) => string;
  routineProject: (b: Buyer, domain: Domain, day: number, r: Rng) => string | undefined;
  category: (b: Buyer, code: string, r: Rng) => string | undefined;
}

function readOptions(o: SimulateOptions): Config {
  const issues: OptionIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path: [path], message });
  const posInt = (v: number | undefined, path: string, min: number): void => {
    if (v !== undefined && (!Number.isInteger(v) || v < min)) bad(path, `must be an integer ≥ ${min}`);
  };
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed)) bad('seed', 'must be an integer');
  posInt(o.buyers, 'buyers', 1);
  posInt(o.recordsPerBuyer, 'recordsPerBuyer', 0);
  posInt(o.size, 'size', 0);
  const start = dayOf(o.start ?? '2023-01-01');
  const end = dayOf(o.end ?? '2024-12-31');
  if (start === undefined) bad('start', 'must be a calendar date YYYY-MM-DD');
  if (end === undefined) bad('end', 'must be a calendar date YYYY-MM-DD');
  if (start !== undefined && end !== undefined && end - start < 59) bad('end', 'must be at least 60 days after start');
  const fy = o.fiscalYearStart ?? 1;
  if (!Number.isInteger(fy) || fy < 1 || fy > 12) bad('fiscalYearStart', 'must be a month number 1–12');
  const languages = o.languages ?? ['zh', 'en'];
  if (languages.length === 0 || languages.some((l) => l !== 'zh' && l !== 'en')) bad('languages', "must be a non-empty list of 'zh' and 'en'");
  const inputs = [...(o.thresholds ?? SIMULATION_THRESHOLDS)];
  if (inputs.length === 0) bad('thresholds', 'give at least one threshold');
  const tiers: Tier[] = [];
  inputs.forEach((t, i) => {
    const a = exactDecimal(t.amount);
    if (!a || a.lte(0)) return void issues.push({ path: ['thresholds', i, 'amount'], message: 'must be a positive decimal' });
    if (t.currency !== inputs[0]?.currency) issues.push({ path: ['thresholds', i, 'currency'], message: 'all thresholds must share one currency' });
    const from = t.validFrom !== undefined ? dayOf(t.validFrom) : -1e9;
    const to = t.validTo !== undefined ? dayOf(t.validTo) : 1e9;
    if (from === undefined || to === undefined) return void issues.push({ path: ['thresholds', i, 'validFrom'], message: 'validity dates must be YYYY-MM-DD' });
    const norm = (c: string) => c.toUpperCase().replace(/[\s._-]/gu, '');
    const inc = t.categories?.map(norm);
    const exc = t.excludeCategories?.map(norm) ?? [];
    const groups: number[] = [];
    GROUPS.forEach((gr, gi) => {
      if (gr.items.every((it) => (!inc || inc.some((p) => it.code.startsWith(p))) && !exc.some((p) => it.code.startsWith(p)))) groups.push(gi);
    });
    if (groups.length === 0) return void issues.push({ path: ['thresholds', i, 'categories'], message: 'no simulated category group falls under these categories' });
    tiers.push({ id: t.id, cents: Math.ceil(a.mul(100).toNumber()), above: t.comparison === 'above', from, to, groups, scoped: inc !== undefined });
  });
  const buyers = o.buyers ?? (o.size !== undefined ? Math.max(1, Math.round(o.size / (o.recordsPerBuyer ?? DEFAULT_RPB))) : 20);
  const total = o.size ?? buyers * (o.recordsPerBuyer ?? DEFAULT_RPB);
  const dflt = Math.ceil(buyers / 2);
  const schemes = {} as Record<SchemeKind, number>;
  for (const k of SCHEME_KINDS) {
    const v = o.schemes?.[k] ?? (k === 'twoTiers' && tiers.length < 2 ? 0 : dflt);
    if (!Number.isInteger(v) || v < 0) issues.push({ path: ['schemes', k], message: 'must be an integer ≥ 0' });
    else if (k === 'twoTiers' && v > 0 && tiers.length < 2) issues.push({ path: ['schemes', k], message: 'needs at least two thresholds' });
    schemes[k] = v;
  }
  const decoys = {} as Record<DecoyKind, number>;
  for (const k of DECOY_KINDS) {
    const v = o.decoys?.[k] ?? dflt;
    if (!Number.isInteger(v) || v < 0) issues.push({ path: ['decoys', k], message: 'must be an integer ≥ 0' });
    decoys[k] = v;
  }
  if (issues.length > 0) throw new OptionsError('simulate', issues);
  tiers.sort((a, b) => a.cents - b.cents);
  return {
    seed, buyers, total, tiers, thresholdInputs: inputs, currency: inputs[0]!.currency.toUpperCase(),
    start: start!, end: end!, fiscalYearStart: fy, schemes, decoys, languages, idPrefix: o.idPrefix ?? 'P',
  };
}

// ---- Amounts ------------------------------------------------------------------------------------

/** Integer cents → `'1234.56'`. */
function money(cents: number): string {
  const c = cents % 100;
  return `${(cents - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

/** Smallest total that crosses a tier. */
const crossing = (t: Tier): number => t.cents + (t.above ? 1 : 0);

/** Largest total that stays under every tier above `t` (Infinity when `t` is the highest). */
function capOf(tiers: readonly Tier[], t: Tier): number {
  let cap = Infinity;
  for (const u of tiers) if (u.cents > t.cents) cap = Math.min(cap, u.cents - 1);
  return cap;
}

/** Splits `total` cents into k random parts, each in [1, maxPart]; undefined when it cannot. */
function splitCents(total: number, k: number, maxPart: number, r: Rng): number[] | undefined {
  if (total > k * maxPart || total < k) return undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    const w = Array.from({ length: k }, () => r.uniform(0.5, 1.5));
    const ws = w.reduce((a, x) => a + x, 0);
    const parts = w.map((x) => Math.max(1, Math.floor((total * x) / ws)));
    parts[k - 1]! += total - parts.reduce((a, x) => a + x, 0);
    if (parts.every((p) => p >= 1 && p <= maxPart)) return parts;
  }
  const even = Math.floor(total / k);
  const parts = Array.from({ length: k }, () => even);
  parts[k - 1]! += total - even * k;
  return parts.every((p) => p <= maxPart) ? parts : undefined;
}

// ---- Text ---------------------------------------------------------------------------------------

function harmonic(n: number): number {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  return h;
}

function vendorName(group: number, k: number, lang: SimulatedLanguage): string {
  const gr = GROUPS[group]!;
  const h = (group * 31 + k * 17) >>> 0;
  if (lang === 'zh') {
    const stem = VENDOR_STEMS_ZH[(group * 7 + k * 5) % VENDOR_STEMS_ZH.length];
    return `${CITIES_ZH[h % CITIES_ZH.length]}${stem}${gr.tradeZh}${LEGAL_ZH[h % LEGAL_ZH.length]}`;
  }
  const stem = VENDOR_STEMS_EN[(group * 7 + k * 5) % VENDOR_STEMS_EN.length];
  return `${stem} ${gr.tradeEn} ${LEGAL_EN[h % LEGAL_EN.length]}`;
}

const BATCH_ZH = ['一期', '二期', '第一批', '第二批', '补充'];

/** A subject line for an item, with the variation real ledgers show. */
function subjectOf(item: Item, lang: SimulatedLanguage, year: number, r: Rng): string {
  const t = r.int(0, 6);
  if (lang === 'zh') {
    switch (t) {
      case 0: return item.zh;
      case 1: return `${item.zh}采购`;
      case 2: return `采购${item.zh}`;
      case 3: return `${r.pick(DEPTS_ZH)}${item.zh}`;
      case 4: return `${item.zh}（${r.pick(BATCH_ZH)}）`;
      case 5: return `${year}年${item.zh}`;
      default: return `${r.pick(DEPTS_ZH)}${item.zh}采购`;
    }
  }
  switch (t) {
    case 0: return item.en.charAt(0).toUpperCase() + item.en.slice(1);
    case 1: return `Supply of ${item.en}`;
    case 2: return `${item.en} for ${r.pick(DEPTS_EN)}`;
    case 3: return `Purchase of ${item.en}`;
    case 4: return `${item.en} (batch ${r.int(1, 4)})`;
    case 5: return `${item.en} ${year}`;
    default: return `${r.pick(DEPTS_EN)} - ${item.en}`;
  }
}

// ---- Placement ----------------------------------------------------------------------------------

/** k sorted days within `span` days starting somewhere tiers `ts` are all in force; first offset 0. */
function placeDays(c: Ctx, ts: readonly Tier[], span: number, k: number): number[] | undefined {
  const r = c.rng;
  const lo = Math.max(c.cfg.start, ...ts.map((t) => t.from));
  const hi = Math.min(c.cfg.end, ...ts.map((t) => t.to)) - span;
  if (hi < lo) return undefined;
  const start = r.int(lo, hi);
  const offs = [0];
  for (let i = 1; i < k; i++) offs.push(r.int(0, span));
  offs.sort((a, b) => a - b);
  return offs.map((o) => start + o);
}

/** k days in distinct months of one fiscal year lying inside the ledger and tiers `ts`. */
function fiscalYearDays(c: Ctx, ts: readonly Tier[], k: number, sameDay?: number): number[] | undefined {
  const r = c.rng;
  const fy = c.cfg.fiscalYearStart;
  const lo = Math.max(c.cfg.start, ...ts.map((t) => t.from));
  const hi = Math.min(c.cfg.end, ...ts.map((t) => t.to));
  const firstYear = partsOf(c.cfg.start)[0] - 1;
  const lastYear = partsOf(c.cfg.end)[0];
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    if (dayFromParts(y, fy, 1) >= lo && dayFromParts(y + 1, fy, 1) - 1 <= hi) years.push(y);
  }
  if (years.length === 0) return undefined;
  const y = r.pick(years);
  const months = r.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, k).sort((a, b) => a - b);
  return months.map((m) => dayFromParts(y, fy + m, sameDay ?? r.int(1, 28)));
}

const specificProject = (b: Buyer, name: readonly [string, string]): string => (b.lang === 'zh' ? `${name[0]}项目` : `${name[1]} project`);

/** The budget project of a scheme's parts: undefined when the buyer does not record projects. */
function schemeProject(c: Ctx, b: Buyer, domain: Domain, day: number, name: readonly [string, string]): string | undefined {
  if (!b.projects) return undefined;
  return c.rng.chance(0.5) ? specificProject(b, name) : c.domainProject(b, domain, day);
}

/** Distinct vendors of a group for a buyer: its pool first, then other vendors of the trade. */
function distinctVendors(c: Ctx, b: Buyer, groups: readonly number[]): string[] {
  const seen = new Set<string>();
  return groups.map((gi) => {
    const p = c.pool(b, gi, c.rng);
    let v = p.find((x) => !seen.has(x));
    for (let k = 0; v === undefined; k++) {
      const cand = vendorName(gi, (k + 12) % 24, b.lang);
      if (!seen.has(cand)) v = cand;
    }
    seen.add(v);
    return v;
  });
}

const methodOf = (b: Buyer, r: Rng): string =>
  b.lang === 'zh' ? r.pick(['询价', '直接采购', '单一来源', '竞争性磋商']) : r.pick(['request for quotation', 'direct award', 'single source', 'competitive negotiation']);

// ---- Schemes ------------------------------------------------------------------------------------

interface Injected { recs: SimulatedRecord[]; tier: string; buyer: string }

function injectScheme(c: Ctx, kind: SchemeKind): (Injected & { cents: number }) | undefined {
  const r = c.rng;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = r.pick(c.buyers);
    let tier: Tier;
    let lower: Tier | undefined;
    if (kind === 'twoTiers') {
      const i = r.int(0, c.tiers.length - 2);
      lower = c.tiers[i]!;
      tier = c.tiers[i + 1]!;
      if (tier.cents === lower.cents) continue;
    } else tier = r.pick(c.tiers);
    const groupsOk = lower ? tier.groups.filter((gi) => lower!.groups.includes(gi)) : tier.groups;
    if (groupsOk.length === 0) continue;
    const cap = capOf(c.tiers, tier);
    const min = crossing(tier);
    const maxPart = tier.cents - 1;

    // Items: one group, or the items of a multi-item requirement (rotated vendors, sometimes others).
    const reqs = REQUIREMENTS.filter((q) => q.parts.every(([gi]) => groupsOk.includes(gi)));
    const useReq = kind === 'rotatedVendors' || ((kind === 'justBelow' || kind === 'twoTiers') && r.chance(0.5));
    const req: Requirement | undefined = useReq && reqs.length > 0 ? r.pick(reqs) : undefined;
    if (kind === 'rotatedVendors' && !req) continue;
    const weights = groupsOk.map((gi) => GROUPS[gi]!.median);
    const gi0 = groupsOk[r.weighted(cumulative(weights))]!;

    let amounts: number[] | undefined;
    let span: number;
    let k: number;
    switch (kind) {
      case 'sameVendor':
      case 'rotatedVendors': {
        k = req ? r.int(2, req.parts.length) : r.int(2, 5);
        const hi = Math.min(cap, Math.floor(tier.cents * Math.min(1.8, 0.95 * k)));
        amounts = splitCents(r.int(min, Math.max(min, hi)), k, maxPart, r);
        if (amounts && r.chance(0.3)) amounts = roundParts(amounts, min, maxPart);
        span = kind === 'sameVendor' ? r.int(0, 7) : r.int(3, 25);
        break;
      }
      case 'justBelow': {
        k = r.int(2, 3);
        amounts = Array.from({ length: k }, () => r.int(Math.ceil(tier.cents * 0.9), maxPart));
        span = r.int(0, 14);
        break;
      }
      case 'equalParts': {
        k = r.int(2, 6);
        const step = [100_00, 1_000_00, 10_000_00].filter((s) => s * 10 * k <= tier.cents).pop() ?? 1;
        const base = Math.ceil(min / k / step) * step;
        const part = base + step * r.int(0, Math.max(0, Math.floor((0.4 * tier.cents) / k / step)));
        amounts = Array.from({ length: k }, () => part);
        span = r.int(0, 10);
        break;
      }
      case 'fiscalYear': {
        k = r.int(4, 10);
        const hi = Math.min(cap, Math.floor(tier.cents * 1.5));
        amounts = splitCents(r.int(min, Math.max(min, hi)), k, maxPart, r);
        span = 0;
        break;
      }
      case 'twoTiers': {
        const L = lower!;
        const lows = Array.from({ length: r.int(1, 3) }, () => r.int(Math.ceil(L.cents * 0.85), L.cents - 1));
        const sumLow = lows.reduce((a, x) => a + x, 0);
        const target = min + r.int(0, Math.floor(tier.cents * 0.3));
        let nMid = r.int(1, 2);
        let per = Math.ceil((target - sumLow) / nMid);
        while (per > maxPart && nMid < 4) per = Math.ceil((target - sumLow) / ++nMid);
        per = Math.max(per, L.cents);
        if (per > maxPart) continue;
        amounts = r.shuffle([...lows, ...Array.from({ length: nMid }, () => per)]);
        k = amounts.length;
        span = r.int(0, 20);
        break;
      }
    }
    if (!amounts) continue;
    const total = amounts.reduce((a, x) => a + x, 0);
    if (total < min || total > cap || amounts.some((a) => a > maxPart || a < 1)) continue;
    const ts = lower ? [lower, tier] : [tier];
    const days = kind === 'fiscalYear' ? fiscalYearDays(c, ts, k) : placeDays(c, ts, span, k);
    if (!days) continue;

    // Items and vendors.
    const items: { group: number; item: Item }[] = [];
    for (let i = 0; i < k; i++) {
      if (req) {
        const [gi, ii] = req.parts[i % req.parts.length]!;
        items.push({ group: gi, item: GROUPS[gi]!.items[ii]! });
      } else items.push({ group: gi0, item: kind === 'fiscalYear' || r.chance(0.7) ? GROUPS[gi0]!.items[0]! : r.pick(GROUPS[gi0]!.items) });
    }
    const rotate = kind === 'rotatedVendors' || (kind !== 'sameVendor' && r.chance(0.5));
    const vendors = rotate ? distinctVendors(c, b, items.map((x) => x.group)) : items.map(() => c.loyalVendor(b, items[0]!.group, r));
    if (!rotate) vendors.fill(vendors[0]!);
    const name: readonly [string, string] = req ? [req.zh, req.en] : [items[0]!.item.zh, items[0]!.item.en];
    const project = schemeProject(c, b, req?.domain ?? GROUPS[gi0]!.domain, days[0]!, name);
    const consecutive = !rotate && r.chance(0.4);
    const docBase = r.int(10_000, 989_999);
    const recs = amounts.map((cents, i) => {
      const { item } = items[i]!;
      const day = days[i]!;
      let subject: string;
      if (kind === 'fiscalYear') subject = b.lang === 'zh' ? `${item.zh}（第${i + 1}期）` : `${item.en} phase ${i + 1}`;
      else if (req && r.chance(0.4)) subject = b.lang === 'zh' ? `${req.zh}${item.zh}` : `${req.en}: ${item.en}`;
      else subject = subjectOf(item, b.lang, partsOf(day)[0], r);
      return c.add(b, day, vendors[i]!, cents, subject, {
        // A tier scoped to categories only sees records that carry one.
        category: tier.scoped || lower?.scoped ? item.code : c.category(b, item.code, r),
        project: project !== undefined && r.chance(0.95) ? project : undefined,
        method: methodOf(b, r),
        document: consecutive ? `FP${partsOf(day)[0]}${String(docBase + i).padStart(6, '0')}` : `FP${partsOf(day)[0]}${String(r.int(0, 999_999)).padStart(6, '0')}`,
      });
    });
    return { recs, tier: tier.id, buyer: b.name, cents: total };
  }
  return undefined;
}

/** Rounds parts to whole thousands when that keeps every constraint. */
function roundParts(parts: number[], min: number, maxPart: number): number[] {
  const rounded = parts.map((p) => Math.max(1_000_00, Math.round(p / 1_000_00) * 1_000_00));
  const total = rounded.reduce((a, x) => a + x, 0);
  return total >= min && rounded.every((p) => p <= maxPart) ? rounded : parts;
}

// ---- Decoys -------------------------------------------------------------------------------------

function injectDecoy(c: Ctx, kind: DecoyKind): Injected | undefined {
  const r = c.rng;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = r.pick(c.buyers);
    const tier = kind === 'singleJustBelow' ? r.pick(c.tiers) : c.tiers[0]!;
    const cap = capOf(c.tiers, tier);
    const min = crossing(tier);
    switch (kind) {
      case 'recurringService': {
        const recurring = RECURRING_GROUPS.filter((x) => tier.groups.includes(x));
        const gi = r.pick(recurring.length > 0 ? recurring : tier.groups);
        const group = GROUPS[gi]!;
        const monthly = Math.ceil((min * r.uniform(1.05, 1.6)) / 12 / 100_00) * 100_00;
        if (monthly * 12 > cap || monthly * 2 >= tier.cents) continue;
        const days = fiscalYearDays(c, [tier], 12, r.int(1, 28));
        if (!days) continue;
        const vendor = c.loyalVendor(b, gi, r);
        const item = group.items[0]!;
        const contract = `HT${partsOf(days[0]!)[0]}${String(r.int(100, 999))}`;
        const project = b.projects ? c.domainProject(b, group.domain, days[0]!) : undefined;
        const recs = days.map((day, i) => {
          const [y, m] = partsOf(day);
          return c.add(b, day, vendor, monthly, b.lang === 'zh' ? `${item.zh}费（${y}年${m}月）` : `${item.en} – ${MONTHS_EN[m - 1]} ${y}`, {
            category: c.category(b, item.code, r),
            project,
            method: b.lang === 'zh' ? '询价' : 'request for quotation',
            document: `${contract}-${String(i + 1).padStart(2, '0')}`,
          });
        });
        return { recs, tier: tier.id, buyer: b.name };
      }
      case 'frameworkCallOff': {
        const gi = r.pick(tier.groups);
        const group = GROUPS[gi]!;
        const k = r.int(3, 8);
        const amounts = splitCents(r.int(min, Math.min(cap, Math.floor(min * 1.6))), k, tier.cents - 1, r);
        const days = placeDays(c, [tier], r.int(0, 20), k);
        if (!amounts || !days) continue;
        const vendor = c.loyalVendor(b, gi, r);
        const recs = amounts.map((cents, i) => {
          const item = r.pick(group.items);
          return c.add(b, days[i]!, vendor, cents, subjectOf(item, b.lang, partsOf(days[i]!)[0], r), {
            category: c.category(b, item.code, r),
            project: c.routineProject(b, group.domain, days[i]!, r),
            method: b.lang === 'zh' ? r.pick(['框架协议', '定点采购']) : 'framework call-off',
          });
        });
        return { recs, tier: tier.id, buyer: b.name };
      }
      case 'singleJustBelow': {
        const gi = r.pick(tier.groups);
        const item = r.pick(GROUPS[gi]!.items);
        const days = placeDays(c, [tier], 0, 1);
        if (!days) continue;
        const rec = c.add(b, days[0]!, c.loyalVendor(b, gi, r), r.int(Math.ceil(tier.cents * 0.9), tier.cents - 1), subjectOf(item, b.lang, partsOf(days[0]!)[0], r), {
          category: c.category(b, item.code, r),
          project: c.routineProject(b, GROUPS[gi]!.domain, days[0]!, r),
          method: methodOf(b, r),
        });
        return { recs: [rec], tier: tier.id, buyer: b.name };
      }
      case 'bigVendorSmallBuys': {
        const k = r.int(15, 25);
        const prefixes = new Set<string>();
        const items: { gi: number; item: Item }[] = [];
        for (const gi of r.shuffle(tier.groups)) {
          const item = r.pick(GROUPS[gi]!.items);
          const p = item.code.slice(0, 4);
          if (prefixes.has(p)) continue;
          prefixes.add(p);
          items.push({ gi, item });
          if (items.length === k) break;
        }
        if (items.length < 2) continue;
        const total = r.int(min, Math.min(cap, Math.floor(min * 1.5)));
        const amounts = splitCents(total, items.length, Math.min(tier.cents - 1, Math.floor(tier.cents / 4)), r);
        const days = placeDays(c, [tier], r.int(5, 25), items.length);
        if (!amounts || !days) continue;
        const vendor = b.lang === 'zh' ? r.pick(BIG_VENDORS_ZH) : r.pick(BIG_VENDORS_EN);
        const recs = items.map(({ gi, item }, i) => c.add(b, days[i]!, vendor, amounts[i]!, subjectOf(item, b.lang, partsOf(days[i]!)[0], r), {
          category: c.category(b, item.code, r),
          project: c.routineProject(b, GROUPS[gi]!.domain, days[i]!, r),
          method: b.lang === 'zh' ? '电子卖场' : 'e-marketplace',
        }));
        return { recs, tier: tier.id, buyer: b.name };
      }
    }
  }
  return undefined;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
