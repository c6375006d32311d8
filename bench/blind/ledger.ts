/**
 * A labelled ledger written blind to the detector (issue 11): `blindLedger(seed)` builds about
 * 14,000 purchases of 40 buyers over one fiscal year, with 50–70 injected splits and legitimate decoys,
 * and returns them with their truth. Nobody tunes the detector on it; bench/blind/report.ts measures
 * the detector's defaults on seeds 1–8 and writes bench/QUALITY-blind.md.
 *
 * Written from procurement practice (/work/shared/DOMAIN.md and the author's own knowledge), without
 * reading the detector or the project's simulator. Its own choices:
 *
 * - **Jurisdiction per seed** (real rows of thresholds.csv; seed mod 4): 1 → Hangzhou 2018
 *   (CN-HZ-2018-DECENT 300,000 and CN-HZ-2018-OPEN 1,000,000 CNY; fiscal year 2018); 2 → US federal
 *   FY2023 (US-MPT-4 10,000 and US-SAT-3 250,000 USD, both "above"); 3 → Ukraine 2021
 *   (UA-2020-SIMPL 50,000 and UA-2020-OPEN-GS 200,000 UAH); 0 → Brazil 2024 (BR-2024-II 59,906.02
 *   BRL, one tier). All buyers of a seed share its table and currency.
 * - **Buyers**: 40, sizes Zipf (exponent 0.85, log-normal noise σ 0.3), so the largest buys tens of times more
 *   often than the smallest; each has its own amount scale (median about e^-3.3 of the lower threshold,
 *   log-normal across buyers), spread (σ 0.6–1.5) and a 4% Pareto tail (α 1.2); 4–12 habitual
 *   categories with skewed weights, 1–4 habitual vendors per category; 0–2 busy categories bought
 *   every 4–10 days from 1–3 vendors. Fields kept per buyer: category 75%, project 60%, document 65%,
 *   method 55%, subject 96%; some write subjects in capitals, abbreviate or mistype; CN seeds mix
 *   Chinese (85%) and English buyers, other seeds are English.
 * - **Calendar**: fiscal-month weights with a year-end rush (×1.8 in the last month, ×1.3 the one
 *   before), a Spring-Festival dip in CN seeds, weekends at 4% of a weekday.
 * - **Vendors**: about 25 per trade (17 trades) plus 4 big general suppliers, popularity Zipf; 30
 *   vendor families (2–3 firms sharing a name stem, e.g. "Kestrel Media Ltd" and "Kestrel Printing
 *   Co.").
 * - **Splits** (50–70 per seed; spans below are drawn before weekend parts move to a weekday, ±2 days;
 *   one requirement, parts each under the threshold avoided, total over
 *   it; 80% avoid the lower tier): `sameVendorEqual` 15% (2–6 near-equal parts, 0–10 days),
 *   `sameVendorUnequal` 15% (random shares, 2–28 days), `justUnderParts` 12% (2–3 parts each at
 *   85–99% of the limit, 0–21 days), `relatedVendors` 12% (one vendor family, 0–21 days),
 *   `unrelatedVendors` 12% (the Chengxi shape: a requirement bundle over several categories and
 *   contractors, 0–16 days), `busyCategory` 14% (inside a busy category, from its usual vendor, worded
 *   as routine, 0–8 days), `reworded` 12% (same category, subjects from other templates or language,
 *   abbreviated, mistyped; vendor same or another of the trade, 1–25 days), `slowDrip` 8% (3–6 parts
 *   over 22–38 days). 15% of the non-busy splits charge parts to different budget projects.
 * - **Decoys** (legitimate; per seed): `recurringService` ~18 (a monthly service, 12 payments, one
 *   vendor), `frameworkCallOff` ~10 (4–10 call-offs from a 3-vendor pool under a named framework,
 *   over months), `justUnder` ~30 (one purchase at 90–99.5% of a limit), `multiLine` ~14 (one order
 *   over the limit, properly procured, charged as 2–5 lines of one document on one day),
 *   `perPersonTravel` ~8 (one ticket or room per named traveller, one day, one vendor),
 *   `sameDayCoincidence` ~20 (two unrelated purchases in one category on one day, different vendors,
 *   projects and wording, one at 85–97% of the limit), `stagedTender` ~10 (a tendered contract paid
 *   in 3–5 stages months apart), `bigSupplier` ~8 (25–60 small buys from one big supplier over the
 *   year, no 30 days of which reach the limit).
 * - **Ties** (`BlindSplit.ties`): which fields every part shares, a rule could use: `vendor` (same
 *   name), `category` (all coded, same first 4 digits), `project` (all the same), `subject` (a word of
 *   3+ letters or a Chinese character pair in every part's subject).
 *
 * Money is handled as integer cents (exact in a double below 2^53) and written as 2-decimal strings.
 */
import {
  ABBREVIATIONS, BUNDLES, BUYER_PLACES_EN, BUYER_PLACES_ZH, BUYER_UNITS_EN, BUYER_UNITS_ZH, CITIES_ZH,
  LEAVES, PEOPLE_EN, PEOPLE_ZH, QUALIFIERS_EN, QUALIFIERS_ZH, RECURRING, SITES_EN, SITES_ZH,
  TRADE_WORDS, VENDOR_STEMS_EN, VENDOR_STEMS_ZH, VENDOR_SUFFIXES_EN, type Leaf, type Trade,
} from './_catalogue.js';
import { BlindRng } from './_rng.js';

/** A purchase record in the shape `detectSplits` takes: the fields it needs, then those a ledger may leave out. */
export interface BlindRecord {
  id: string; buyer: string; vendor: string; date: string; amount: string; currency: string;
  subject?: string; category?: string; project?: string; document?: string; method?: string;
}

export interface BlindThreshold {
  id: string;
  amount: string;
  currency: string;
  procedure: string;
  comparison: 'atOrAbove' | 'above';
}

export const SPLIT_KINDS = [
  'sameVendorEqual', 'sameVendorUnequal', 'justUnderParts', 'relatedVendors', 'unrelatedVendors',
  'busyCategory', 'reworded', 'slowDrip',
] as const;
export type SplitKind = (typeof SPLIT_KINDS)[number];

export const DECOY_KINDS = [
  'recurringService', 'frameworkCallOff', 'justUnder', 'multiLine', 'perPersonTravel',
  'sameDayCoincidence', 'stagedTender', 'bigSupplier',
] as const;
export type DecoyKind = (typeof DECOY_KINDS)[number];

export type Tie = 'vendor' | 'category' | 'project' | 'subject';

export interface BlindSplit {
  id: string;
  kind: SplitKind;
  buyer: string;
  recordIds: string[];
  /** The threshold the parts stay under and their total reaches. */
  threshold: { id: string; amount: string };
  /** Fields every part shares that a rule could link on (empty: nothing but buyer and time). */
  ties: Tie[];
  /** Days from the first part to the last. */
  spanDays: number;
}

export interface BlindDecoy {
  id: string;
  kind: DecoyKind;
  buyer: string;
  recordIds: string[];
  /** The limit the decoy is measured against (its parts are under it; most totals reach it). */
  threshold: { id: string; amount: string };
  /** What makes it legitimate, as the generator knows it (a framework, contract or order number, travellers). */
  reference: string;
}

export interface BlindLedger {
  seed: number;
  jurisdiction: string;
  fiscalYear: { start: string; end: string };
  records: BlindRecord[];
  thresholds: BlindThreshold[];
  splits: BlindSplit[];
  decoys: BlindDecoy[];
}

interface Jurisdiction {
  name: string;
  currency: string;
  start: [number, number, number];
  springDip: boolean;
  tiers: { id: string; cents: number; procedure: string; comparison: 'atOrAbove' | 'above'; methodEn: string; methodZh: string }[];
}

const JURISDICTIONS: readonly Jurisdiction[] = [
  {
    name: 'Brazil 2024 (Lei 14.133 art. 75 II, Decreto 11.871/2023)', currency: 'BRL', start: [2024, 0, 1], springDip: false,
    tiers: [{ id: 'BR-2024-II', cents: 5_990_602, procedure: 'licitação (dispensa limit)', comparison: 'atOrAbove', methodEn: 'competitive bidding', methodZh: '招标' }],
  },
  {
    name: 'Hangzhou 2018 (2018年杭州市政府采购目录和限额标准)', currency: 'CNY', start: [2018, 0, 1], springDip: true,
    tiers: [
      { id: 'CN-HZ-2018-DECENT', cents: 30_000_000, procedure: 'decentralised government procurement', comparison: 'atOrAbove', methodEn: 'competitive negotiation', methodZh: '竞争性磋商' },
      { id: 'CN-HZ-2018-OPEN', cents: 100_000_000, procedure: 'public tender', comparison: 'atOrAbove', methodEn: 'open tender', methodZh: '公开招标' },
    ],
  },
  {
    name: 'US federal FY2023 (FAR 2.101: micro-purchase and simplified acquisition thresholds)', currency: 'USD', start: [2022, 9, 1], springDip: false,
    tiers: [
      { id: 'US-MPT-4', cents: 1_000_000, procedure: 'competitive quotations (above micro-purchase)', comparison: 'above', methodEn: 'simplified acquisition', methodZh: '简易采购' },
      { id: 'US-SAT-3', cents: 25_000_000, procedure: 'full and open competition (above SAT)', comparison: 'above', methodEn: 'full and open competition', methodZh: '公开竞争' },
    ],
  },
  {
    name: 'Ukraine 2021 (Law 922-VIII art. 3(1) as revised by Law 114-IX)', currency: 'UAH', start: [2021, 0, 1], springDip: false,
    tiers: [
      { id: 'UA-2020-SIMPL', cents: 5_000_000, procedure: 'simplified procurement', comparison: 'atOrAbove', methodEn: 'simplified procurement', methodZh: '简易采购' },
      { id: 'UA-2020-OPEN-GS', cents: 20_000_000, procedure: 'open tender', comparison: 'atOrAbove', methodEn: 'open tender', methodZh: '公开招标' },
    ],
  },
];

const YEAR_DAYS = 365;
const DAY_MS = 86_400_000;
const LEAF_BY_CODE = new Map(LEAVES.map((leaf) => [leaf.code, leaf]));
const TRADES = [...new Set(LEAVES.map((leaf) => leaf.trade))];
const GENERAL_TRADES: readonly Trade[] = ['office', 'it', 'furniture', 'print', 'medical'];

type Lang = 'en' | 'zh';

interface Vendor { name: string; trades: Trade[]; popularity: number }

interface Buyer {
  name: string;
  lang: Lang;
  weight: number;
  medianCents: number;
  sigma: number;
  leaves: Leaf[];
  leafWeights: number[];
  busy: { leaf: Leaf; vendors: number[]; every: number; medianCents: number }[];
  habit: Map<string, number[]>;
  projects: string[];
  projectOf: Map<string, string>;
  has: { category: boolean; project: boolean; document: boolean; method: boolean; subject: boolean };
  capitals: boolean;
  abbreviate: number;
  typos: number;
  roundAmounts: boolean;
  docStyle: number;
}

interface Draft {
  buyer: number;
  vendor: number;
  day: number;
  cents: number;
  subject: string;
  leaf: Leaf;
  project: string | undefined;
  method: string;
  /** A document number fixed by the event (an order's lines, a contract's stages). */
  document?: string;
  label?: { type: 'split' | 'decoy'; index: number };
  key: number;
}

interface SplitDraft { kind: SplitKind; buyer: number; tier: number; drafts: Draft[] }
interface DecoyDraft { kind: DecoyKind; buyer: number; tier: number; reference: string; drafts: Draft[] }

/** The generator's state for one seed. */
class Builder {
  readonly rng: BlindRng;
  readonly j: Jurisdiction;
  readonly cnSeed: boolean;
  readonly dayWeights: number[];
  readonly vendors: Vendor[] = [];
  readonly vendorsByTrade = new Map<Trade, number[]>();
  readonly families: number[][] = [];
  readonly bigSuppliers: number[] = [];
  readonly buyers: Buyer[] = [];
  readonly drafts: Draft[] = [];
  readonly splits: SplitDraft[] = [];
  readonly decoys: DecoyDraft[] = [];
  readonly yearLabel: number;

  constructor(readonly seed: number) {
    this.rng = new BlindRng(seed * 7919 + 17);
    const j = JURISDICTIONS[seed % JURISDICTIONS.length];
    if (j === undefined) throw new Error('no jurisdiction');
    this.j = j;
    this.cnSeed = j.currency === 'CNY';
    this.yearLabel = j.start[0] + (j.start[1] > 0 ? 1 : 0);
    this.dayWeights = this.calendar();
    this.makeVendors();
    this.makeBuyers();
  }

  /** Day weights over the fiscal year: month rhythm, year-end rush, weekends. */
  calendar(): number[] {
    const months = [0.75, 0.9, 1, 1, 1, 1.05, 0.95, 0.85, 1, 1.05, 1.3, 1.8];
    const weights: number[] = [];
    for (let d = 0; d < YEAR_DAYS; d += 1) {
      const date = this.dateOf(d);
      const month = (date.getUTCMonth() - this.j.start[1] + 12) % 12;
      let w = months[month] ?? 1;
      if (this.j.springDip && date.getUTCMonth() === 1) w *= 0.55;
      const dow = date.getUTCDay();
      if (dow === 0 || dow === 6) w *= 0.04;
      weights.push(w);
    }
    return weights;
  }

  dateOf(day: number): Date {
    const [y, m, d] = this.j.start;
    return new Date(Date.UTC(y, m, d) + day * DAY_MS);
  }

  iso(day: number): string {
    return this.dateOf(day).toISOString().slice(0, 10);
  }

  isWeekend(day: number): boolean {
    const dow = this.dateOf(day).getUTCDay();
    return dow === 0 || dow === 6;
  }

  /** A day drawn from the calendar's weights, within [lo, hi]. */
  day(lo = 0, hi = YEAR_DAYS - 1): number {
    return lo + this.rng.weighted(this.dayWeights.slice(lo, hi + 1));
  }

  /** A weekday near `day` (weekends kept with probability 4%), inside the year. */
  workday(day: number): number {
    let d = Math.min(YEAR_DAYS - 1, Math.max(0, day));
    if (this.isWeekend(d) && !this.rng.chance(0.04)) {
      d = this.isWeekend(d + 1) && d + 2 < YEAR_DAYS ? d + 2 : d + 1 < YEAR_DAYS ? d + 1 : d - 2;
    }
    return Math.min(YEAR_DAYS - 1, Math.max(0, d));
  }

  vendorName(lang: Lang, stem: string, trade: Trade): string {
    const [en, zh] = TRADE_WORDS[trade];
    return lang === 'zh'
      ? `${this.rng.pick(CITIES_ZH)}${stem}${zh}有限公司`
      : `${stem} ${en} ${this.rng.pick(VENDOR_SUFFIXES_EN)}`;
  }

  addVendor(name: string, trades: Trade[], popularity: number): number | undefined {
    if (this.vendors.some((v) => v.name === name)) return undefined;
    const index = this.vendors.length;
    this.vendors.push({ name, trades, popularity });
    for (const trade of trades) {
      const list = this.vendorsByTrade.get(trade) ?? [];
      list.push(index);
      this.vendorsByTrade.set(trade, list);
    }
    return index;
  }

  vendorLang(): Lang {
    return this.cnSeed && this.rng.chance(0.85) ? 'zh' : 'en';
  }

  makeVendors(): void {
    const rng = this.rng;
    for (const trade of TRADES) {
      const count = rng.int(18, 32);
      for (let i = 0; i < count; i += 1) {
        const lang = this.vendorLang();
        const stem = rng.pick(lang === 'zh' ? VENDOR_STEMS_ZH : VENDOR_STEMS_EN);
        const suffix = rng.chance(0.3) ? (lang === 'zh' ? rng.pick(['', '第二', '新']) : ` ${rng.pick(['North', 'South', 'East', 'West', 'City'])}`) : '';
        this.addVendor(this.vendorName(lang, stem + suffix, trade), [trade], (i + 1) ** -1.1 * Math.exp(0.4 * rng.normal()));
      }
    }
    const bigNames = this.cnSeed ? ['京东企业购', '得力集团有限公司', '齐心办公集团', '苏宁易购政企'] : ['OfficeMart Direct', 'Staples Business', 'GovSupply Depot', 'MegaSource Inc.'];
    for (const name of bigNames) {
      const index = this.addVendor(name, [...GENERAL_TRADES], 3);
      if (index !== undefined) this.bigSuppliers.push(index);
    }
    const stems = rng.sample(this.cnSeed ? VENDOR_STEMS_ZH : VENDOR_STEMS_EN, 30);
    for (const stem of stems) {
      const family: number[] = [];
      const size = rng.int(2, 3);
      const trades = rng.sample(TRADES, size);
      for (const trade of trades) {
        const lang: Lang = this.cnSeed ? 'zh' : 'en';
        const index = this.addVendor(this.vendorName(lang, stem, trade), [trade], 0.3);
        if (index !== undefined) family.push(index);
      }
      if (family.length >= 2) this.families.push(family);
    }
  }

  /** A vendor of a trade, drawn by popularity. */
  vendorOf(trade: Trade, exclude: readonly number[] = []): number {
    const list = (this.vendorsByTrade.get(trade) ?? []).filter((v) => !exclude.includes(v) && !this.bigSuppliers.includes(v));
    if (list.length === 0) throw new Error(`no vendor for ${trade}`);
    return list[this.rng.weighted(list.map((v) => this.vendors[v]?.popularity ?? 0))] as number;
  }

  makeBuyers(): void {
    const rng = this.rng;
    const t1 = this.tier(0).cents;
    const names = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const lang: Lang = this.cnSeed && rng.chance(0.85) ? 'zh' : 'en';
      let name = '';
      do {
        name = lang === 'zh' ? `${rng.pick(BUYER_PLACES_ZH)}${rng.pick(BUYER_UNITS_ZH)}` : `${rng.pick(BUYER_PLACES_EN)} ${rng.pick(BUYER_UNITS_EN)}`;
      } while (names.has(name));
      names.add(name);
      const leafCount = rng.int(4, 12);
      const leaves = rng.sample(LEAVES, leafCount);
      const leafWeights = leaves.map((_, k) => (k + 1) ** -0.9 * Math.exp(0.5 * rng.normal()));
      const habit = new Map<string, number[]>();
      for (const leaf of leaves) {
        const k = rng.int(1, 4);
        const chosen: number[] = [];
        for (let v = 0; v < k; v += 1) chosen.push(this.vendorOf(leaf.trade, chosen));
        habit.set(leaf.code, chosen);
      }
      const medianCents = Math.min(t1 / 6, Math.max(t1 / 300, t1 * Math.exp(-3.3 + 0.7 * rng.normal())));
      const busyCount = rng.weighted([0.35, 0.45, 0.2]);
      const busy = rng.sample(leaves, Math.min(busyCount, leaves.length)).map((leaf) => ({
        leaf,
        vendors: (habit.get(leaf.code) ?? []).slice(0, rng.int(1, 3)),
        every: rng.int(4, 10),
        medianCents: t1 * rng.uniform(0.015, 0.08),
      }));
      const hasProject = rng.chance(0.6);
      const projects: string[] = [];
      const projectOf = new Map<string, string>();
      if (hasProject) {
        const count = rng.int(3, 12);
        for (let p = 0; p < count; p += 1) {
          projects.push(lang === 'zh' ? `${this.yearLabel}-${rng.pick(['运行经费', '专项', '信息化', '基建', '宣传', '培训', '会务', '维修'])}-${String(p + 1).padStart(2, '0')}` : `${rng.pick(['OPS', 'CAP', 'ICT', 'PRJ', 'MNT', 'COM'])}-${this.yearLabel}-${String(rng.int(1, 999)).padStart(3, '0')}`);
        }
        for (const leaf of leaves) projectOf.set(leaf.code, rng.pick(projects));
      }
      this.buyers.push({
        name, lang, weight: (i + 1) ** -0.85 * Math.exp(0.3 * rng.normal()), medianCents,
        sigma: rng.uniform(0.6, 1.5), leaves, leafWeights, busy, habit, projects, projectOf,
        has: { category: rng.chance(0.75), project: hasProject, document: rng.chance(0.65), method: rng.chance(0.55), subject: rng.chance(0.96) },
        capitals: lang === 'en' && rng.chance(0.15), abbreviate: rng.chance(0.4) ? rng.uniform(0.2, 0.7) : 0,
        typos: rng.chance(0.3) ? rng.uniform(0.03, 0.12) : 0.005, roundAmounts: rng.chance(0.25), docStyle: rng.int(0, 3),
      });
    }
  }

  tier(index: number): Jurisdiction['tiers'][number] {
    const tier = this.j.tiers[Math.min(index, this.j.tiers.length - 1)];
    if (tier === undefined) throw new Error('no tier');
    return tier;
  }

  buyer(index: number): Buyer {
    const buyer = this.buyers[index];
    if (buyer === undefined) throw new Error('no buyer');
    return buyer;
  }

  /** The method a purchase of this size would state (the procedure of the highest tier it reaches). */
  method(buyer: Buyer, cents: number): string {
    let method = buyer.lang === 'zh' ? '直接采购' : 'direct award';
    for (const tier of this.j.tiers) if (cents >= tier.cents) method = buyer.lang === 'zh' ? tier.methodZh : tier.methodEn;
    return method;
  }

  /** A subject for a purchase of `leaf`, in the buyer's habits (or forced variations). */
  subject(buyer: Buyer, leaf: Leaf, extra: { lang?: Lang; base?: string; site?: string; person?: string; prefix?: string; messy?: boolean } = {}): string {
    const rng = this.rng;
    const lang = extra.lang ?? buyer.lang;
    let text = extra.base ?? rng.pick(lang === 'zh' ? leaf.zh : leaf.en);
    if (lang === 'zh') {
      if (rng.chance(0.3)) text += rng.pick(['采购', '一批', '费用', '项目']);
      if (extra.site !== undefined) text = `${extra.site}${text}`;
      if (rng.chance(0.45)) {
        const q = rng.pick(QUALIFIERS_ZH);
        text += q.startsWith('（') ? q : ` ${q}`;
      }
      if (extra.person !== undefined) text += `（${extra.person}）`;
    } else {
      if (extra.site !== undefined) text = `${text} - ${extra.site}`;
      if (rng.chance(0.45)) text += ` ${rng.pick(QUALIFIERS_EN)}`;
      const abbreviate = extra.messy === true ? Math.max(0.6, buyer.abbreviate) : buyer.abbreviate;
      text = text.split(' ').map((word) => {
        const short = ABBREVIATIONS.get(word.toLowerCase());
        return short !== undefined && rng.chance(abbreviate) ? short : word;
      }).join(' ');
      if (rng.chance(extra.messy === true ? 0.5 : buyer.typos)) text = typo(rng, text);
      // A traveller's name is copied from the booking, never abbreviated or mistyped.
      if (extra.person !== undefined) text += ` - ${extra.person}`;
      if (buyer.capitals) text = text.toUpperCase();
    }
    return extra.prefix === undefined ? text : `${extra.prefix}${text}`;
  }

  /** A routine amount of `leaf` for the buyer: log-normal around its scale, with a Pareto tail. */
  routineCents(buyer: Buyer, leaf: Leaf): number {
    const rng = this.rng;
    const median = buyer.medianCents * leaf.scale;
    let cents = rng.chance(0.04)
      ? median * 3 * (1 - rng.next()) ** (-1 / 1.2)
      : median * Math.exp(buyer.sigma * rng.normal());
    const top = this.tier(this.j.tiers.length - 1).cents;
    cents = Math.min(cents, top * 8);
    return this.money(buyer, cents);
  }

  money(buyer: Buyer, cents: number): number {
    const c = Math.max(100, Math.round(cents));
    return buyer.roundAmounts ? Math.max(100, Math.round(c / 100) * 100) : c;
  }

  draft(buyerIndex: number, vendor: number, day: number, cents: number, leaf: Leaf, subject: string, project?: string, method?: string): Draft {
    const buyer = this.buyer(buyerIndex);
    const draft: Draft = {
      buyer: buyerIndex, vendor, day, cents, subject, leaf,
      project: project ?? (buyer.has.project ? buyer.projectOf.get(leaf.code) ?? buyer.projects[0] : undefined),
      method: method ?? this.method(buyer, cents), key: this.rng.next(),
    };
    this.drafts.push(draft);
    return draft;
  }

  habitVendor(buyer: Buyer, leaf: Leaf): number {
    const list = buyer.habit.get(leaf.code);
    if (list === undefined || list.length === 0 || this.rng.chance(0.12)) return this.vendorOf(leaf.trade);
    return list[this.rng.weighted(list.map((_, k) => (k + 1) ** -1.3))] as number;
  }

  buyerLeaf(buyer: Buyer): Leaf {
    return buyer.leaves[this.rng.weighted(buyer.leafWeights)] as Leaf;
  }

  /** A buyer index, drawn with weight size^power (splits and decoys favour no one too much). */
  pickBuyer(power: number, accept: (b: Buyer) => boolean = () => true): number {
    const weights = this.buyers.map((b) => (accept(b) ? b.weight ** power : 0));
    return this.rng.weighted(weights);
  }
}

/** Swap two neighbouring letters of one word, or drop one letter. */
function typo(rng: BlindRng, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{5,}$/u.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = rng.pick(candidates);
  const at = rng.int(1, word.length - 2);
  const changed = rng.chance(0.5)
    ? word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2)
    : word.slice(0, at) + word.slice(at + 1);
  words[index] = changed;
  return words.join(' ');
}

/** Shares of a total in n parts: each in (minShare, maxShare) of the whole threshold. */
function partsCents(rng: BlindRng, thresholdCents: number, n: number, shape: 'equal' | 'unequal' | 'justUnder', round: boolean): number[] {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    let parts: number[];
    if (shape === 'justUnder') {
      parts = Array.from({ length: n }, () => thresholdCents * rng.uniform(0.85, 0.99));
    } else {
      const maxTotal = Math.min(n * 0.97, 2.4);
      const total = thresholdCents * rng.uniform(1.01, Math.max(1.05, maxTotal));
      const raw = Array.from({ length: n }, () => (shape === 'equal' ? 1 + 0.015 * rng.normal() : -Math.log(1 - rng.next())));
      const sum = raw.reduce((a, b) => a + b, 0);
      parts = raw.map((r) => (total * r) / sum);
    }
    const cents = parts.map((p) => (round ? Math.round(p / 10_000) * 10_000 : Math.round(p)));
    const total = cents.reduce((a, b) => a + b, 0);
    if (cents.every((c) => c < thresholdCents && c >= thresholdCents * 0.04) && total > thresholdCents) return cents;
  }
  throw new Error('partsCents: no valid parts');
}

/** Sorted offsets in [0, span], first 0 and last `span` when n > 1. */
function offsets(rng: BlindRng, n: number, span: number): number[] {
  const inner = Array.from({ length: Math.max(0, n - 2) }, () => rng.int(0, span));
  return n === 1 ? [0] : [0, ...inner.sort((a, b) => a - b), span];
}

const SPLIT_MIX: Record<SplitKind, number> = {
  sameVendorEqual: 0.15, sameVendorUnequal: 0.15, justUnderParts: 0.12, relatedVendors: 0.12,
  unrelatedVendors: 0.12, busyCategory: 0.14, reworded: 0.12, slowDrip: 0.08,
};

function addSplit(b: Builder, kind: SplitKind, index: number): void {
  const rng = b.rng;
  const buyerIndex = kind === 'busyCategory' ? b.pickBuyer(0.5, (x) => x.busy.length > 0) : b.pickBuyer(0.5);
  const buyer = b.buyer(buyerIndex);
  const tierIndex = b.j.tiers.length > 1 && rng.chance(0.2) ? 1 : 0;
  const tier = b.tier(tierIndex);
  const n = kind === 'justUnderParts' ? rng.int(2, 3) : kind === 'slowDrip' ? rng.int(3, 6) : 2 + rng.weighted([0.3, 0.3, 0.2, 0.12, 0.08]);
  const shape = kind === 'sameVendorEqual' ? 'equal' : kind === 'justUnderParts' ? 'justUnder' : kind === 'busyCategory' || kind === 'relatedVendors' ? (rng.chance(0.5) ? 'equal' : 'unequal') : 'unequal';
  const cents = partsCents(rng, tier.cents, n, shape, buyer.roundAmounts || rng.chance(0.2));
  const span = { sameVendorEqual: rng.int(0, 10), sameVendorUnequal: rng.int(2, 28), justUnderParts: rng.int(0, 21), relatedVendors: rng.int(0, 21), unrelatedVendors: rng.int(0, 16), busyCategory: rng.int(0, 8), reworded: rng.int(1, 25), slowDrip: rng.int(22, 38) }[kind];
  const start = b.day(0, YEAR_DAYS - 1 - span);
  const days = offsets(rng, n, span).map((o) => b.workday(start + o));
  let leaves: Leaf[];
  let vendors: number[];
  if (kind === 'busyCategory') {
    const busy = rng.pick(buyer.busy);
    leaves = Array.from({ length: n }, () => busy.leaf);
    const v = busy.vendors[0] ?? b.vendorOf(busy.leaf.trade);
    vendors = Array.from({ length: n }, () => v);
  } else if (kind === 'unrelatedVendors') {
    const bundle = rng.shuffle(rng.pick(BUNDLES));
    leaves = Array.from({ length: n }, (_, k) => LEAF_BY_CODE.get(bundle[k % bundle.length] as string) as Leaf);
    const used: number[] = [];
    vendors = leaves.map((leaf) => {
      const v = b.vendorOf(leaf.trade, used);
      used.push(v);
      return v;
    });
  } else if (kind === 'relatedVendors') {
    const family = rng.pick(b.families);
    const first = b.vendors[family[0] as number];
    const leafChoices = LEAVES.filter((leaf) => first?.trades.includes(leaf.trade));
    const leaf = rng.pick(leafChoices);
    leaves = Array.from({ length: n }, () => leaf);
    const order = rng.shuffle(family);
    vendors = Array.from({ length: n }, (_, k) => order[k % order.length] as number);
  } else {
    const leaf = b.buyerLeaf(buyer);
    leaves = Array.from({ length: n }, () => leaf);
    const v = b.habitVendor(buyer, leaf);
    vendors = Array.from({ length: n }, () => (kind === 'reworded' && rng.chance(0.5) ? b.vendorOf(leaf.trade) : v));
  }
  const firstLeaf = leaves[0] as Leaf;
  const baseProject = buyer.has.project ? buyer.projectOf.get(firstLeaf.code) ?? rng.pick(buyer.projects) : undefined;
  const scatter = buyer.has.project && kind !== 'busyCategory' && rng.chance(0.15);
  const site = kind === 'unrelatedVendors' && rng.chance(0.5) ? rng.pick(buyer.lang === 'zh' ? SITES_ZH : SITES_EN) : undefined;
  const template = rng.next();
  const drafts = leaves.map((leaf, k) => {
    const project = scatter ? rng.pick(buyer.projects) : baseProject;
    let subject: string;
    if (kind === 'reworded') {
      subject = b.subject(buyer, leaf, { lang: b.cnSeed && rng.chance(0.3) ? (buyer.lang === 'zh' ? 'en' : 'zh') : buyer.lang, messy: true });
    } else if (kind === 'unrelatedVendors' || kind === 'busyCategory') {
      subject = b.subject(buyer, leaf, site === undefined ? {} : { site });
    } else {
      // One requirement, one wording: the same template, varied qualifiers.
      const list = buyer.lang === 'zh' ? leaf.zh : leaf.en;
      const base = list[Math.floor(template * list.length)] as string;
      const part = buyer.lang === 'zh' ? `${base}${rng.chance(0.4) ? `（${k + 1}）` : ''}` : `${base}${rng.chance(0.4) ? ` (part ${k + 1})` : ''}`;
      subject = buyer.capitals ? part.toUpperCase() : part;
    }
    const draft = b.draft(buyerIndex, vendors[k] as number, days[k] as number, cents[k] as number, leaf, subject, project);
    draft.label = { type: 'split', index };
    return draft;
  });
  b.splits.push({ kind, buyer: buyerIndex, tier: tierIndex, drafts });
}

function addDecoy(b: Builder, kind: DecoyKind, index: number): void {
  const rng = b.rng;
  const power = kind === 'bigSupplier' || kind === 'recurringService' ? 0.8 : 0.5;
  const buyerIndex = b.pickBuyer(power, kind === 'multiLine' ? (x) => x.has.document : () => true);
  const buyer = b.buyer(buyerIndex);
  const tierIndex = kind === 'stagedTender' && b.j.tiers.length > 1 && rng.chance(0.3) ? 1 : 0;
  const tier = b.tier(tierIndex);
  const t = tier.cents;
  const zh = buyer.lang === 'zh';
  const procured = zh ? tier.methodZh : tier.methodEn;
  const drafts: Draft[] = [];
  let reference = '';
  const leafOf = (codes: readonly string[]): Leaf => LEAF_BY_CODE.get(rng.pick(codes)) as Leaf;
  switch (kind) {
    case 'recurringService': {
      const leaf = leafOf(RECURRING);
      const vendor = b.vendorOf(leaf.trade);
      const monthly = b.money(buyer, (t / 12) * rng.uniform(0.6, 2.4));
      const dom = rng.int(1, 26);
      reference = zh ? `服务合同 FW-${b.yearLabel}-${String(index + 1).padStart(3, '0')}` : `service contract SC-${b.yearLabel}-${String(index + 1).padStart(3, '0')}`;
      const startDate = b.dateOf(0);
      for (let m = 0; m < 12; m += 1) {
        const date = Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + m, dom);
        const day = b.workday(Math.round((date - startDate.getTime()) / DAY_MS));
        const at = new Date(date);
        const prefix = zh ? `${at.getUTCFullYear()}年${at.getUTCMonth() + 1}月 ` : `${at.toISOString().slice(0, 7)} `;
        drafts.push(b.draft(buyerIndex, vendor, day, monthly, leaf, b.subject(buyer, leaf, { prefix }), undefined, zh ? '合同续付' : 'contract payment'));
      }
      break;
    }
    case 'frameworkCallOff': {
      const leaf = rng.pick(LEAVES.filter((l) => l.trade !== 'fuel'));
      const pool = [b.vendorOf(leaf.trade)];
      pool.push(b.vendorOf(leaf.trade, pool));
      pool.push(b.vendorOf(leaf.trade, pool));
      reference = zh ? `协议供货 KJ-${b.yearLabel}-${String(index + 1).padStart(2, '0')}` : `framework FA-${b.yearLabel}-${String(index + 1).padStart(2, '0')}`;
      const n = rng.int(4, 10);
      const span = rng.int(60, 240);
      const start = b.day(0, YEAR_DAYS - 1 - span);
      const amounts = Array.from({ length: n }, () => b.money(buyer, t * rng.uniform(0.3, 0.6)));
      offsets(rng, n, span).forEach((o, k) => {
        drafts.push(b.draft(buyerIndex, rng.pick(pool), b.workday(start + o), Math.min(amounts[k] as number, t - 100), leaf,
          b.subject(buyer, leaf, { prefix: zh ? `${reference} 第${k + 1}次订单 ` : `call-off ${k + 1} under ${reference}: ` }), undefined, zh ? '协议供货' : 'framework call-off'));
      });
      break;
    }
    case 'justUnder': {
      const leaf = b.buyerLeaf(buyer);
      const cents = Math.min(t - 1, b.money(buyer, t * rng.uniform(0.9, 0.995)));
      reference = 'a single purchase';
      drafts.push(b.draft(buyerIndex, b.habitVendor(buyer, leaf), b.workday(b.day()), cents, leaf, b.subject(buyer, leaf)));
      break;
    }
    case 'multiLine': {
      const leaf = b.buyerLeaf(buyer);
      const vendor = b.habitVendor(buyer, leaf);
      const n = rng.int(2, 5);
      const cents = partsCents(rng, t, n, 'unequal', false);
      reference = zh ? `订单 DD${b.yearLabel}${String(rng.int(10000, 99999))}` : `order PO-${b.yearLabel}-${String(rng.int(10000, 99999))}`;
      const order = reference.split(' ')[1] as string;
      const suffixed = rng.chance(0.5);
      const day = b.workday(b.day());
      const subject = b.subject(buyer, leaf);
      let total = 0;
      for (const c of cents) total += c;
      cents.forEach((c, k) => {
        const d = b.draft(buyerIndex, vendor, day, c, leaf, zh ? `${subject} 第${k + 1}行` : `${subject} line ${k + 1}`, undefined, b.method(buyer, total));
        d.document = suffixed ? `${order}_${k + 1}` : order;
        drafts.push(d);
      });
      break;
    }
    case 'perPersonTravel': {
      const n = rng.int(5, 16);
      const perPerson = (t * rng.uniform(1.05, 1.5)) / n;
      const leaf = LEAF_BY_CODE.get(perPerson > buyer.medianCents * 2 ? '60410000' : '55110000') as Leaf;
      const vendor = b.vendorOf(leaf.trade);
      const day = b.workday(b.day());
      const people = rng.sample(zh ? PEOPLE_ZH : PEOPLE_EN, n);
      reference = `travellers: ${people.join(', ')}`;
      for (const person of people) {
        drafts.push(b.draft(buyerIndex, vendor, day, Math.min(t - 1, b.money(buyer, perPerson * rng.uniform(0.97, 1.03))), leaf, b.subject(buyer, leaf, { person })));
      }
      break;
    }
    case 'sameDayCoincidence': {
      const leaf = b.buyerLeaf(buyer);
      const first = b.vendorOf(leaf.trade);
      const second = b.vendorOf(leaf.trade, [first]);
      const day = b.workday(b.day());
      const big = Math.min(t - 1, b.money(buyer, t * rng.uniform(0.85, 0.97)));
      const small = Math.min(t - 1, b.money(buyer, t * rng.uniform(0.16, 0.45)));
      const projects = buyer.has.project ? rng.sample(buyer.projects, Math.min(2, buyer.projects.length)) : [];
      const texts = rng.sample(zh ? leaf.zh : leaf.en, 2);
      reference = 'two unrelated requirements';
      drafts.push(b.draft(buyerIndex, first, day, big, leaf, b.subject(buyer, leaf, { base: texts[0] as string }), projects[0]));
      drafts.push(b.draft(buyerIndex, second, day, small, leaf, b.subject(buyer, leaf, { base: texts[1] as string }), projects[1] ?? projects[0]));
      break;
    }
    case 'stagedTender': {
      const leaf = leafOf(['45233294', '45442100', '45332000', '45310000', '71320000', '72413000', '79952000']);
      const vendor = b.vendorOf(leaf.trade);
      const n = rng.int(3, 5);
      const shares = n === 3 ? [0.3, 0.6, 0.1] : n === 4 ? [0.3, 0.3, 0.3, 0.1] : [0.2, 0.2, 0.25, 0.25, 0.1];
      const contract = t * rng.uniform(1.1, Math.min(3, 0.97 / Math.max(...shares)));
      const gap = rng.int(35, 70);
      const start = b.day(0, Math.max(0, YEAR_DAYS - 1 - gap * (n - 1)));
      reference = zh ? `合同 HT-${b.yearLabel}-${String(index + 1).padStart(3, '0')}` : `contract CT-${b.yearLabel}-${String(index + 1).padStart(3, '0')}`;
      const number = reference.split(' ')[1] as string;
      shares.forEach((s, k) => {
        const d = b.draft(buyerIndex, vendor, b.workday(start + k * gap + rng.int(-3, 3)), Math.min(t - 1, b.money(buyer, contract * s)), leaf,
          zh ? `${b.subject(buyer, leaf)} 第${k + 1}期款` : `${b.subject(buyer, leaf)} - stage payment ${k + 1}/${n}`, undefined, procured);
        d.document = number;
        drafts.push(d);
      });
      break;
    }
    case 'bigSupplier': {
      const vendor = rng.pick(b.bigSuppliers);
      const n = rng.int(25, 60);
      const leaves = LEAVES.filter((l) => GENERAL_TRADES.includes(l.trade) && /^(3|22)/u.test(l.code));
      reference = 'catalogue purchases';
      const amounts = Array.from({ length: n }, () => b.money(buyer, t * rng.uniform(0.01, 0.06)));
      const days = Array.from({ length: n }, () => b.workday(b.day())).sort((x, y) => x - y);
      // No 30 days of it may reach the limit: scale down until that holds.
      for (let scale = 1; ; scale *= 0.85) {
        const scaled = amounts.map((a) => Math.max(100, Math.round(a * scale)));
        if (maxWindowSum(days, scaled, 30) < t) {
          scaled.forEach((a, k) => {
            const leaf = rng.pick(leaves);
            drafts.push(b.draft(buyerIndex, vendor, days[k] as number, a, leaf, b.subject(buyer, leaf)));
          });
          break;
        }
      }
      break;
    }
  }
  for (const d of drafts) d.label = { type: 'decoy', index };
  b.decoys.push({ kind, buyer: buyerIndex, tier: tierIndex, reference, drafts });
}

/** The largest sum of amounts whose days lie within `window` consecutive days (days sorted). */
export function maxWindowSum(days: readonly number[], cents: readonly number[], window: number): number {
  let best = 0;
  let sum = 0;
  let lo = 0;
  for (let hi = 0; hi < days.length; hi += 1) {
    sum += cents[hi] ?? 0;
    while ((days[hi] ?? 0) - (days[lo] ?? 0) >= window) sum -= cents[lo++] ?? 0;
    best = Math.max(best, sum);
  }
  return best;
}

const DECOY_COUNTS: Record<DecoyKind, [number, number]> = {
  recurringService: [14, 22], frameworkCallOff: [8, 12], justUnder: [24, 36], multiLine: [10, 18],
  perPersonTravel: [6, 10], sameDayCoincidence: [16, 24], stagedTender: [8, 12], bigSupplier: [6, 10],
};

function addBackground(b: Builder, target: number): void {
  const rng = b.rng;
  // Busy categories: bought every few days, all year, from the usual one to three vendors.
  b.buyers.forEach((buyer, i) => {
    for (const busy of buyer.busy) {
      for (let day = rng.int(0, busy.every); day < YEAR_DAYS; day += busy.every + rng.int(-2, 2)) {
        if (rng.chance(0.1) || b.isWeekend(day)) continue;
        const cents = b.money(buyer, busy.medianCents * Math.exp(0.5 * rng.normal()));
        b.draft(i, rng.pick(busy.vendors.length > 0 ? busy.vendors : [b.vendorOf(busy.leaf.trade)]), day, cents, busy.leaf, b.subject(buyer, busy.leaf));
      }
    }
  });
  const remaining = Math.max(0, target - b.drafts.length);
  const total = b.buyers.reduce((s, x) => s + x.weight, 0);
  b.buyers.forEach((buyer, i) => {
    const count = Math.max(30, Math.round((remaining * buyer.weight) / total));
    for (let k = 0; k < count; k += 1) {
      const leaf = b.buyerLeaf(buyer);
      b.draft(i, b.habitVendor(buyer, leaf), b.day(), b.routineCents(buyer, leaf), leaf, b.subject(buyer, leaf));
    }
  });
}

function cents2(c: number): string {
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}

const STOP = new Set(['for', 'and', 'the', 'of', 'part', 'line', 'under', 'with']);

/** Subject words (3+ letters, lower case) and Chinese character pairs. */
export function subjectTokens(subject: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of subject.toLowerCase().match(/[a-z]{3,}/gu) ?? []) if (!STOP.has(word)) tokens.add(word);
  for (const run of subject.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) tokens.add(run.slice(i, i + 2));
  }
  return tokens;
}

/** The fields every record of `parts` shares that a rule could link on. */
export function tiesOf(parts: readonly BlindRecord[]): Tie[] {
  const ties: Tie[] = [];
  const first = parts[0];
  if (first === undefined) return ties;
  if (parts.every((p) => p.vendor === first.vendor)) ties.push('vendor');
  if (parts.every((p) => p.category !== undefined && p.category.slice(0, 4) === first.category?.slice(0, 4))) ties.push('category');
  if (parts.every((p) => p.project !== undefined && p.project === first.project)) ties.push('project');
  if (parts.every((p) => p.subject !== undefined)) {
    const common = subjectTokens(first.subject ?? '');
    for (const p of parts.slice(1)) {
      const own = subjectTokens(p.subject ?? '');
      for (const t of common) if (!own.has(t)) common.delete(t);
    }
    if (common.size > 0) ties.push('subject');
  }
  return ties;
}

/**
 * A seeded labelled ledger: records in the shape `detectSplits` takes, the thresholds of its
 * jurisdiction, and its truth (injected splits and legitimate decoys).
 *
 * Deterministic: the same seed gives the same ledger. Runs in O(n log n) for n records.
 *
 * @example
 * const ledger = blindLedger(1);
 * ledger.records.length > 13_000 && ledger.splits.length >= 50
 * //=> true
 */
export function blindLedger(seed: number): BlindLedger {
  const b = new Builder(seed);
  const rng = b.rng;
  const splitCount = rng.int(50, 70);
  const kinds = Object.keys(SPLIT_MIX) as SplitKind[];
  for (let s = 0; s < splitCount; s += 1) addSplit(b, kinds[rng.weighted(kinds.map((k) => SPLIT_MIX[k]))] as SplitKind, s);
  let decoyIndex = 0;
  for (const kind of DECOY_KINDS) {
    const [lo, hi] = DECOY_COUNTS[kind];
    for (let k = rng.int(lo, hi); k > 0; k -= 1) addDecoy(b, kind, decoyIndex++);
  }
  addBackground(b, rng.int(13_600, 14_400));

  // Records in date order (ties at random), ids in that order; documents numbered per buyer.
  const ordered = [...b.drafts].sort((x, y) => x.day - y.day || x.key - y.key);
  const counters = b.buyers.map(() => rng.int(1, 400));
  const docs = new Map<Draft, string>();
  for (const d of ordered) {
    const buyer = b.buyer(d.buyer);
    if (!buyer.has.document) continue;
    if (d.document !== undefined) {
      docs.set(d, d.document);
      continue;
    }
    counters[d.buyer] = (counters[d.buyer] ?? 0) + (rng.chance(0.1) ? rng.int(2, 6) : 1);
    const n = counters[d.buyer] ?? 0;
    const style = buyer.docStyle;
    docs.set(d, style === 0 ? `PO-${b.yearLabel}-${String(n).padStart(5, '0')}` : style === 1 ? `${b.yearLabel}采字第${n}号` : style === 2 ? `INV${String(n).padStart(6, '0')}` : String(n));
  }
  const records: BlindRecord[] = ordered.map((d, i) => {
    const buyer = b.buyer(d.buyer);
    const record: BlindRecord = {
      id: `S${seed}-${String(i + 1).padStart(5, '0')}`, buyer: buyer.name, vendor: b.vendors[d.vendor]?.name ?? '',
      date: b.iso(d.day), amount: cents2(d.cents), currency: b.j.currency,
    };
    if (buyer.has.subject) record.subject = d.subject;
    if (buyer.has.category) record.category = d.leaf.code;
    if (buyer.has.project && d.project !== undefined) record.project = d.project;
    const doc = docs.get(d);
    if (doc !== undefined) record.document = doc;
    if (buyer.has.method) record.method = d.method;
    return record;
  });
  const idOf = new Map(ordered.map((d, i) => [d, records[i] as BlindRecord]));
  const partsOf = (drafts: readonly Draft[]): BlindRecord[] => drafts.map((d) => idOf.get(d) as BlindRecord);
  const threshold = (tier: number): { id: string; amount: string } => ({ id: b.tier(tier).id, amount: cents2(b.tier(tier).cents) });
  const splits: BlindSplit[] = b.splits.map((s, i) => {
    const parts = partsOf(s.drafts);
    const days = s.drafts.map((d) => d.day);
    return {
      id: `split-${seed}-${i + 1}`, kind: s.kind, buyer: b.buyer(s.buyer).name, recordIds: parts.map((p) => p.id),
      threshold: threshold(s.tier), ties: tiesOf(parts), spanDays: Math.max(...days) - Math.min(...days),
    };
  });
  const decoys: BlindDecoy[] = b.decoys.map((d, i) => ({
    id: `decoy-${seed}-${i + 1}`, kind: d.kind, buyer: b.buyer(d.buyer).name, recordIds: partsOf(d.drafts).map((p) => p.id),
    threshold: threshold(d.tier), reference: d.reference,
  }));
  return {
    seed, jurisdiction: b.j.name, fiscalYear: { start: b.iso(0), end: b.iso(YEAR_DAYS - 1) },
    records,
    thresholds: b.j.tiers.map((t) => ({ id: t.id, amount: cents2(t.cents), currency: b.j.currency, procedure: t.procedure, comparison: t.comparison })),
    splits, decoys,
  };
}
