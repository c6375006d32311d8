/**
 * The buyers of a simulated ledger and their habits: which category groups they buy from, their few
 * vendors per group, whether they record category codes and budget projects, and how they name
 * projects. Routine purchases, schemes and decoys all buy through these habits, so injected records
 * look like the buyer's own.
 */
import { BUREAUS_EN, BUREAUS_ZH, DISTRICTS_EN, DISTRICTS_ZH, DOMAIN_PROJECT, GROUPS, NEGOTIATED_METHODS_EN, NEGOTIATED_METHODS_ZH, SITES_EN, SITES_ZH, type Domain } from './_catalogue.js';
import { cumulative, type Rng } from './_prng.js';
import { vendorName } from './_wording.js';
import type { SimulatedLanguage, SimulationConfig } from './options.js';
import { CLASSIC_HABITS, drawHabits, UNEVEN_REGIMES, type Habits } from './regimes.js';

/** A category the buyer buys every few days: its group, its main vendor and the usual share of the lowest tier. */
export interface BusyCategory {
  readonly group: number;
  readonly vendor: string;
  readonly share: number;
}

export interface Buyer {
  readonly name: string;
  readonly lang: SimulatedLanguage;
  /** Records category codes. */
  readonly categories: boolean;
  /** Records budget projects. */
  readonly projects: boolean;
  /** Cumulative preference for each category group (0: never buys from it). */
  readonly groupCum: readonly number[];
  /** Vendors per category group, drawn at the first purchase from the group. */
  readonly pools: (string[] | undefined)[];
  /** Names of domain projects by domain and year, so that records share one string. */
  readonly projectNames: Map<string, string>;
  /** How it buys and keeps records. */
  readonly habits: Habits;
  /** Its busy categories, filled in when routine buying starts (none in the classic regime). */
  readonly busy: BusyCategory[];
  /**
   * Its weight in sharing the ledger's routine purchases when its habits rank it (see `Habits.ranked`);
   * undefined: drawn as the classic simulator does (×0.3–×1.7).
   */
  size: number | undefined;
  /** Its routine purchases, set when routine buying starts. */
  purchases: number;
  /** The sites (buildings, parks) its subjects may name: none unless its habits make site bundles. */
  readonly sites: readonly string[];
}

/** Exponent of the rank-size rule of ranked buyers (`Habits.ranked`): weight rank^−1.1. */
export const RANK_EXPONENT = 1.1;

/**
 * `config.buyers` buyers: Hangzhou-like district bureaus (or their English kin), each with its
 * language, its preferred category groups and its record-keeping. With a regime, each also draws its
 * habits from `habitsRng`, so the draws of `r` are those of the classic simulation.
 */
export function makeBuyers(config: SimulationConfig, r: Rng, habitsRng?: Rng): Buyer[] {
  const baseWeights = GROUPS.map((gr) => gr.weight);
  const buyers: Buyer[] = [];
  for (let i = 0; i < config.buyers; i++) {
    const lang = r.pick(config.languages);
    const nd = DISTRICTS_ZH.length;
    const nb = BUREAUS_ZH.length;
    const round = Math.floor(i / (nd * nb));
    const suffix = round > 0 ? (lang === 'zh' ? `第${round + 1}分局` : ` No. ${round + 1}`) : '';
    const name = lang === 'zh'
      ? `杭州市${DISTRICTS_ZH[i % nd]}${BUREAUS_ZH[Math.floor(i / nd) % nb]}${suffix}`
      : `${DISTRICTS_EN[i % nd]} ${BUREAUS_EN[Math.floor(i / nd) % nb]}${suffix}`;
    const prefs = baseWeights.map((w) => (r.chance(0.25) ? 0 : w * Math.exp(0.8 * r.normal())));
    const categories = r.chance(0.85);
    const projects = r.chance(0.7);
    const habits = config.regime !== undefined && habitsRng ? drawHabits(config.regime, habitsRng) : CLASSIC_HABITS;
    const sites = habits.siteBundles > 0 && habitsRng ? habitsRng.shuffle(lang === 'zh' ? SITES_ZH : SITES_EN).slice(0, habitsRng.int(2, 3)) : [];
    buyers.push({
      name, lang,
      categories: habits.categories ?? categories,
      projects: habits.projects ?? projects,
      groupCum: cumulative(prefs),
      pools: [],
      projectNames: new Map(),
      habits,
      busy: [],
      size: undefined,
      purchases: 0,
      sites,
    });
  }
  if (habitsRng && config.regime !== undefined && UNEVEN_REGIMES.includes(config.regime)) rankBuyers(buyers, habitsRng);
  return buyers;
}

/**
 * Sizes by rank: the buyers whose habits rank them in a random order, the k-th weighing k^−1.1 scaled
 * so that their mean weight is 1 (the mean of the classic draw ×0.3–×1.7, which the others keep).
 */
function rankBuyers(buyers: Buyer[], r: Rng): void {
  const ranked = r.shuffle(buyers.filter((b) => b.habits.ranked));
  let sum = 0;
  for (let k = 1; k <= ranked.length; k++) sum += k ** -RANK_EXPONENT;
  ranked.forEach((b, k) => {
    b.size = ((k + 1) ** -RANK_EXPONENT * ranked.length) / sum;
  });
}

/**
 * A buyer for a scheme or decoy: uniformly, or, when some buyer is sized by rank, in proportion to
 * its routine purchases (plus one). One draw either way.
 */
export function pickBuyer(buyers: readonly Buyer[], r: Rng): Buyer {
  if (!buyers.some((b) => b.size !== undefined)) return r.pick(buyers);
  let cum = pickWeights.get(buyers);
  if (!cum) pickWeights.set(buyers, (cum = cumulative(buyers.map((b) => b.purchases + 1))));
  return buyers[r.weighted(cum)]!;
}

const pickWeights = new WeakMap<readonly Buyer[], number[]>();

/** The buyer's vendors of a category group: 2–6 of the trade's first twelve, drawn once. */
export function vendorPool(b: Buyer, group: number, r: Rng): string[] {
  let p = b.pools[group];
  if (!p) {
    const ks = r.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, r.int(2, 6));
    p = ks.map((k) => vendorName(group, k, b.lang));
    b.pools[group] = p;
  }
  return p;
}

/** Distinct vendors, one for each of `groups`: the buyer's pool of the group first, then other vendors of the trade. */
export function distinctVendors(b: Buyer, groups: readonly number[], r: Rng): string[] {
  const seen = new Set<string>();
  return groups.map((gi) => {
    const p = vendorPool(b, gi, r);
    let v = p.find((x) => !seen.has(x));
    for (let k = 0; v === undefined; k++) {
      const cand = vendorName(gi, (k + 12) % 24, b.lang);
      if (!seen.has(cand)) v = cand;
    }
    seen.add(v);
    return v;
  });
}

/** A vendor of the buyer's pool, Zipf-like: the first vendor of the pool gets most of the work. */
export function loyalVendor(b: Buyer, group: number, r: Rng): string {
  const p = vendorPool(b, group, r);
  const x = r.next() * harmonic(p.length);
  let acc = 0;
  for (let k = 0; k < p.length; k++) {
    acc += 1 / (k + 1);
    if (x < acc) return p[k] as string;
  }
  return p[p.length - 1] as string;
}

function harmonic(n: number): number {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  return h;
}

/** The buyer's budget project of a domain in a year: `2023年信息化建设`, `IT modernisation 2023`. */
export function domainProject(b: Buyer, domain: Domain, year: number): string {
  const key = `${domain}${year}`;
  let p = b.projectNames.get(key);
  if (p === undefined) {
    const [zh, en] = DOMAIN_PROJECT[domain];
    p = b.lang === 'zh' ? `${year}年${zh}` : `${en} ${year}`;
    b.projectNames.set(key, p);
  }
  return p;
}

/** A domain whose project is not `domain`'s: general running costs, or professional services for general purchases. */
export const otherDomain = (domain: Domain): Domain => (domain === 'general' ? 'services' : 'general');

/** The project of a routine purchase: its domain's (60 %), general running costs (25 %) or none. */
export function routineProject(b: Buyer, domain: Domain, year: number, r: Rng): string | undefined {
  if (!b.projects) return undefined;
  const x = r.next();
  if (x < 0.6) return domainProject(b, domain, year);
  if (x < 0.85) return domainProject(b, 'general', year);
  return undefined;
}

/** The category code as the buyer records it: undefined when it records none, or forgot (3 %). */
export const recordedCategory = (b: Buyer, code: string, r: Rng): string | undefined => (b.categories && r.chance(0.97) ? code : undefined);

/** A negotiated method (quotation, direct award, single source, competitive negotiation). */
export const negotiatedMethod = (b: Buyer, r: Rng): string => r.pick(b.lang === 'zh' ? NEGOTIATED_METHODS_ZH : NEGOTIATED_METHODS_EN);

/** The card as a method: `公务卡`, `purchasing card`. */
export const cardMethod = (b: Buyer): string => (b.lang === 'zh' ? '公务卡' : 'purchasing card');

/** The group of `groups` the buyer prefers most (the first when it prefers none of them). */
export function favouriteGroup(b: Buyer, groups: readonly number[]): number {
  const weight = (gi: number): number => (b.groupCum[gi] ?? 0) - (gi > 0 ? (b.groupCum[gi - 1] ?? 0) : 0);
  return groups.reduce((best, gi) => (weight(gi) > weight(best) ? gi : best), groups[0]!);
}
