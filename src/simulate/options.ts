import type { ThresholdInput } from '../thresholds/threshold.js';
import { OptionsError, type OptionIssue } from '../errors.js';
import { dayOf } from '../_lib/days.js';
import { exactDecimal } from '../_lib/decimal.js';
import { GROUPS } from './_catalogue.js';
import { DECOY_KINDS, SCHEME_KINDS, type DecoyKind, type SchemeKind } from './truth.js';

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

/** A threshold as the simulator uses it: integer cents and day numbers. */
export interface Tier {
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

/** {@link SimulateOptions} checked, with defaults filled in. */
export interface SimulationConfig {
  readonly seed: number;
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

/**
 * Checks {@link SimulateOptions} and fills in defaults.
 *
 * @throws {OptionsError} naming `simulate` and each bad option with its path.
 */
export function resolveSimulateOptions(o: SimulateOptions): SimulationConfig {
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
