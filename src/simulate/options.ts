import * as z from 'zod/mini';
import type { Decimal } from 'decimal.js';
import type { ThresholdInput } from '../thresholds/threshold.js';
import { thresholdListSchema } from '../thresholds/schema.js';
import { optionIssues } from '../_lib/issues.js';
import { categoryKey } from '../records/normalize.js';
import { OptionsError } from '../errors.js';
import { dayOf, isIsoDate } from '../_lib/days.js';
import { exactDecimal } from '../_lib/decimal.js';
import { GROUPS } from './_catalogue.js';
import { REGIMES, type SimulatedRegime } from './regimes.js';
import { CLASSIC_DECOY_KINDS, CLASSIC_SCHEME_KINDS, DECOY_KINDS, SCHEME_KINDS, type DecoyKind, type SchemeKind } from './truth.js';

/** Language of a buyer's ledger: subjects, vendor names, methods and projects. */
export type SimulatedLanguage = 'zh' | 'en';

/**
 * The default thresholds: a Hangzhou-like pair (2018 catalogue, as the Chengxi rectification report cites them): decentralised
 * procurement from 300,000 CNY and public tender from 1,000,000 CNY, both triggered at or above.
 */
export const SIMULATION_THRESHOLDS: readonly ThresholdInput[] = Object.freeze([
  Object.freeze({ id: 'sim-decentralised', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement', comparison: 'atOrAbove', label: 'Hangzhou-like decentralised procurement threshold (simulation)' }),
  Object.freeze({ id: 'sim-open-tender', amount: '1000000', currency: 'CNY', procedure: 'public tender', comparison: 'atOrAbove', label: 'Hangzhou-like public tender threshold (simulation)' }),
]);

/**
 * The scheme and decoy kinds a ledger makes unless counts say otherwise: without a regime, the
 * classic kinds; with one, every kind.
 */
export function madeIn(regime: SimulatedRegime | undefined): { readonly schemes: readonly SchemeKind[]; readonly decoys: readonly DecoyKind[] } {
  if (regime === undefined) return { schemes: CLASSIC_SCHEME_KINDS, decoys: CLASSIC_DECOY_KINDS };
  return { schemes: SCHEME_KINDS, decoys: DECOY_KINDS };
}

/** Options of {@link simulate}. All optional. */
export interface SimulateOptions {
  /** Seed of the generator: the same seed and options give the same ledger. @defaultValue 1 */
  seed?: number | undefined;
  /**
   * How the buyers buy and keep records (see {@link SimulatedRegime}). With a regime, amounts follow
   * the thresholds (a routine purchase is the same share of the lowest tier whatever its currency) and
   * every scheme and decoy kind is made; without
   * one, the ledger is the classic simulation, amounts on a CNY scale, with the six scheme kinds and
   * four decoy kinds it has always had.
   * @defaultValue undefined
   */
  regime?: SimulatedRegime | undefined;
  /** Number of buyers. @defaultValue 20, or `round(size / recordsPerBuyer)` (at least 1) when `size` is given */
  buyers?: number | undefined;
  /**
   * Mean routine (background) purchases per buyer; buyers vary ×0.3–×1.7 around it, or by rank where
   * the regime sizes buyers so (`uneven`, some buyers of `mixed`). @defaultValue 500
   */
  recordsPerBuyer?: number | undefined;
  /** Total routine purchases; overrides `recordsPerBuyer`. Schemes and decoys come on top. @defaultValue `buyers × recordsPerBuyer` */
  size?: number | undefined;
  /** Tiers to split under: one currency, distinct ids. @defaultValue {@link SIMULATION_THRESHOLDS} */
  thresholds?: readonly ThresholdInput[] | undefined;
  /** First day of the ledger, `YYYY-MM-DD`. @defaultValue `'2023-01-01'` */
  start?: string | undefined;
  /** Last day of the ledger, `YYYY-MM-DD`. @defaultValue `'2024-12-31'` */
  end?: string | undefined;
  /** First month (1–12) of the fiscal year used by `fiscalYear` schemes and recurring services. @defaultValue 1 */
  fiscalYearStart?: number | undefined;
  /**
   * Schemes per kind. @defaultValue `ceil(buyers / 2)` of each kind (`twoTiers` needs two tiers;
   * without a regime, none of `mixedSubjects` and `busyCategory`)
   */
  schemes?: Partial<Record<SchemeKind, number>> | undefined;
  /**
   * Decoys per kind. @defaultValue `ceil(buyers / 2)` of each kind (without a regime, none of the kinds
   * from `tenderedContract` on)
   */
  decoys?: Partial<Record<DecoyKind, number>> | undefined;
  /** Languages of buyers' ledgers, drawn uniformly per buyer. @defaultValue `['zh', 'en']` */
  languages?: readonly SimulatedLanguage[] | undefined;
  /** Prefix of record ids. @defaultValue `'P'` */
  idPrefix?: string | undefined;
}

/** A threshold as the simulator uses it: integer cents and day numbers. */
export interface Tier {
  readonly id: string;
  /** The amount in cents, rounded up. */
  readonly cents: number;
  /** Triggered above the amount (`comparison: 'above'`), not at it. */
  readonly above: boolean;
  /** First and last day in force (±1e9 when open). */
  readonly from: number;
  readonly to: number;
  /** Groups (indices into GROUPS) whose codes the tier applies to. */
  readonly groups: readonly number[];
  /** The tier names categories: records need one to fall under it. */
  readonly scoped: boolean;
}

/** {@link SimulateOptions} checked, with defaults filled in. */
export interface SimulationConfig {
  readonly seed: number;
  readonly regime: SimulatedRegime | undefined;
  /** Multiplies the catalogue's CNY medians: 1 without a regime, else the lowest tier ÷ 300,000. */
  readonly scale: number;
  readonly buyers: number;
  /** Routine purchases in all. */
  readonly total: number;
  /** Lowest first. */
  readonly tiers: readonly Tier[];
  readonly thresholdInputs: readonly ThresholdInput[];
  readonly currency: string;
  /** First and last day of the ledger (day numbers). */
  readonly start: number;
  readonly end: number;
  readonly fiscalYearStart: number;
  readonly schemes: Readonly<Record<SchemeKind, number>>;
  readonly decoys: Readonly<Record<DecoyKind, number>>;
  readonly languages: readonly SimulatedLanguage[];
  readonly idPrefix: string;
}

const DEFAULT_RPB = 500;
const DEFAULT_START = '2023-01-01';
const DEFAULT_END = '2024-12-31';

/** A whole number in [min, max]: zod's `int` (safe integers), with one message for every failure. */
function wholeNumber(min?: number, max?: number) {
  const text = min === undefined ? 'must be a whole number' : max === undefined ? `must be a whole number ≥ ${min}` : `must be a whole number from ${min} to ${max}`;
  return z.number({ error: text }).check(z.int(text), ...(min === undefined ? [] : [z.gte(min, text)]), ...(max === undefined ? [] : [z.lte(max, text)]));
}

/** Counts per kind: an object with only these kinds as keys. */
function countsOf<K extends string>(kinds: readonly K[]) {
  return z.strictObject(Object.fromEntries(kinds.map((k) => [k, z.optional(wholeNumber(0))])) as Record<K, z.ZodMiniOptional<ReturnType<typeof wholeNumber>>>, {
    error: 'must be an object of counts per kind',
  });
}

const isoDay = z.string({ error: 'must be a calendar date YYYY-MM-DD' }).check(z.refine(isIsoDate, 'must be a calendar date YYYY-MM-DD'));

/** Indices of the category groups a threshold applies to: every item of the group falls under it. */
function groupsUnder(t: ThresholdInput): number[] {
  const inc = t.categories?.map(categoryKey);
  const exc = t.excludeCategories?.map(categoryKey) ?? [];
  const groups: number[] = [];
  GROUPS.forEach((gr, gi) => {
    if (gr.items.every((it) => (!inc || inc.some((p) => it.code.startsWith(p))) && !exc.some((p) => it.code.startsWith(p)))) groups.push(gi);
  });
  return groups;
}

/** The zod schema of {@link SimulateOptions}: each option alone, then the rules that join them. */
const simulateOptionsSchema = z
  .strictObject(
    {
      seed: z.optional(wholeNumber()),
      regime: z.optional(z.enum(REGIMES, { error: `must be one of ${REGIMES.map((x) => `'${x}'`).join(', ')}` })),
      buyers: z.optional(wholeNumber(1)),
      recordsPerBuyer: z.optional(wholeNumber(0)),
      size: z.optional(wholeNumber(0)),
      thresholds: z.optional(thresholdListSchema),
      start: z.optional(isoDay),
      end: z.optional(isoDay),
      fiscalYearStart: z.optional(wholeNumber(1, 12)),
      schemes: z.optional(countsOf(SCHEME_KINDS)),
      decoys: z.optional(countsOf(DECOY_KINDS)),
      languages: z.optional(z.array(z.enum(['zh', 'en'], { error: "must be 'zh' or 'en'" }), { error: "must be a list of 'zh' and 'en'" }).check(z.minLength(1, "must name at least one language, 'zh' or 'en'"))),
      idPrefix: z.optional(z.string({ error: 'must be a string' })),
    },
    { error: 'options must be an object' },
  )
  .check(z.superRefine((o, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const start = dayOf(o.start ?? DEFAULT_START) as number;
    const end = dayOf(o.end ?? DEFAULT_END) as number;
    if (end - start < 59) issue(['end'], 'must leave a ledger of at least 60 days from start, both included');
    if (o.size !== undefined && o.buyers === undefined && o.recordsPerBuyer === 0) {
      issue(['recordsPerBuyer'], 'must be at least 1 when the number of buyers comes from size (or give buyers)');
    }
    const thresholds = o.thresholds ?? SIMULATION_THRESHOLDS;
    const currency = thresholds[0]?.currency.toUpperCase();
    thresholds.forEach((t, i) => {
      if (t.currency.toUpperCase() !== currency) issue(['thresholds', i, 'currency'], 'all thresholds must share one currency');
      if (groupsUnder(t).length === 0) issue(['thresholds', i, t.categories ? 'categories' : 'excludeCategories'], 'no simulated category group falls under these categories');
    });
    if ((o.schemes?.twoTiers ?? 0) > 0 && thresholds.length < 2) issue(['schemes', 'twoTiers'], 'needs at least two thresholds');
  }));

/**
 * Checks {@link SimulateOptions} and fills in defaults.
 *
 * @throws {OptionsError} naming `simulate` and each bad option with its path.
 */
export function resolveSimulateOptions(options: SimulateOptions): SimulationConfig {
  const parsed = simulateOptionsSchema.safeParse(options);
  if (!parsed.success) throw new OptionsError('simulate', optionIssues(parsed.error, simulateOptionsSchema, []));
  const o = parsed.data;
  // The caller's own threshold objects go into the truth, as given.
  const inputs = [...(options.thresholds ?? SIMULATION_THRESHOLDS)];
  const tiers: Tier[] = inputs
    .map((t) => ({
      id: t.id,
      cents: Math.ceil((exactDecimal(t.amount) as Decimal).mul(100).toNumber()),
      above: t.comparison === 'above',
      from: t.validFrom !== undefined ? (dayOf(t.validFrom) as number) : -1e9,
      to: t.validTo !== undefined ? (dayOf(t.validTo) as number) : 1e9,
      groups: groupsUnder(t),
      scoped: t.categories !== undefined,
    }))
    .sort((a, b) => a.cents - b.cents);
  const buyers = o.buyers ?? (o.size !== undefined ? Math.max(1, Math.round(o.size / (o.recordsPerBuyer ?? DEFAULT_RPB))) : 20);
  const dflt = Math.ceil(buyers / 2);
  const schemes = {} as Record<SchemeKind, number>;
  for (const k of SCHEME_KINDS) schemes[k] = o.schemes?.[k] ?? (k === 'twoTiers' && tiers.length < 2 ? 0 : madeIn(o.regime).schemes.includes(k) ? dflt : 0);
  const decoys = {} as Record<DecoyKind, number>;
  for (const k of DECOY_KINDS) decoys[k] = o.decoys?.[k] ?? (madeIn(o.regime).decoys.includes(k) ? dflt : 0);
  return {
    seed: o.seed ?? 1,
    regime: o.regime,
    scale: o.regime === undefined ? 1 : tiers[0]!.cents / 30_000_000,
    buyers,
    total: o.size ?? buyers * (o.recordsPerBuyer ?? DEFAULT_RPB),
    tiers,
    thresholdInputs: inputs,
    currency: inputs[0]!.currency.toUpperCase(),
    start: dayOf(o.start ?? DEFAULT_START) as number,
    end: dayOf(o.end ?? DEFAULT_END) as number,
    fiscalYearStart: o.fiscalYearStart ?? 1,
    schemes,
    decoys,
    languages: o.languages ?? ['zh', 'en'],
    idPrefix: o.idPrefix ?? 'P',
  };
}
