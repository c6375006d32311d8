import * as z from 'zod/mini';
import type { Decimal } from 'decimal.js';
import { OptionsError } from '../errors.js';
import { exactDecimal } from '../_lib/decimal.js';
import { optionIssues } from '../_lib/issues.js';
import { closest } from '../_lib/closest.js';
import { optionsSchema } from '../options/options.js';
import { parseThresholds } from '../thresholds/schema.js';
import type { ThresholdInput } from '../thresholds/threshold.js';
import { _deepCopy } from './_clone.js';
import type { _PresetDefinition } from './_definition.js';
import type { Preset, PresetInfo, PresetOverrides } from './preset.js';
import { _POLICY_PRESETS } from './policies.js';
import { _TABLE_PRESETS } from './tablePresets.js';
import { badArgument } from '../_lib/args.js';

const DEFINITIONS: readonly _PresetDefinition[] = [..._POLICY_PRESETS, ..._TABLE_PRESETS];

/**
 * The `presets` key of a preset name: camelCase at hyphens, and an underscore between two numbers
 * that a hyphen separated. `'cn-central'` → `'cnCentral'`, `'eu-2014-24'` → `'eu2014_24'`,
 * `'us-far-13'` → `'usFar13'`, `'ua-922'` → `'ua922'`.
 */
export function presetKey(name: string): string {
  if (typeof name !== 'string') badArgument('presetKey', 'name', 'a string', name);
  return name.split('-').reduce((key, part, i) => {
    if (i === 0) return part;
    if (/^\d/u.test(part)) return /\d$/u.test(key) ? `${key}_${part}` : `${key}${part}`;
    return `${key}${part.charAt(0).toUpperCase()}${part.slice(1)}`;
  }, '');
}

const BY_NAME = new Map<string, _PresetDefinition>();
for (const d of DEFINITIONS) {
  BY_NAME.set(d.name, d);
  BY_NAME.set(presetKey(d.name), d);
}

/** Overrides merged field by field into the preset's own object rather than replacing it. */
const MERGED_KEYS = new Set<string>(['subject', 'weights', 'exclude']);

function knownNames(): string {
  return DEFINITIONS.map((d) => d.name).join(', ');
}

function lookup(name: unknown, fn: string): _PresetDefinition {
  const def = typeof name === 'string' ? BY_NAME.get(name.trim()) ?? BY_NAME.get(name.trim().toLowerCase()) : undefined;
  if (!def) {
    const shown = typeof name === 'string' ? `"${name}"` : String(name);
    throw new OptionsError(fn, [{ path: ['name'], message: `unknown preset ${shown}; known presets: ${knownNames()}` }]);
  }
  return def;
}

const HOW = "give the card programme's single-transaction limit and its currency, e.g. getPreset('pcard', { limit: '3000', currency: 'CAD' })";

/** A card programme's single-transaction limit: a positive decimal. */
const limitSchema = z
  .union([z.string(), z.number()], { error: (iss) => (iss.input === undefined ? `pcard needs a limit: ${HOW}` : `must be a positive decimal such as '3000' (got ${JSON.stringify(iss.input)}); ${HOW}`) })
  .check(z.refine((v) => exactDecimal(v)?.gt(0) === true, { error: (iss) => `must be a positive decimal such as '3000' (got ${JSON.stringify(iss.input)}); ${HOW}` }));

/** What `pcard` needs besides its options: the limit and its currency. */
const pcardSchema = z.object({
  limit: limitSchema,
  currency: z.string({ error: `pcard needs the limit's currency: ${HOW}` }),
});

/**
 * The overrides a preset takes: any detectSplits option (checked by the options schema itself),
 * plus `limit` where the preset requires one.
 */
function overridesSchema(def: _PresetDefinition) {
  const tiers = Object.keys(def.tiers ?? {});
  const noTier = (iss: { readonly input?: unknown }) => {
    const near = closest(String(iss.input), tiers);
    return `${def.name} has no tier ${JSON.stringify(iss.input)}${near ? `; did you mean "${near}"?` : ''} (tiers: ${tiers.join(', ')})`;
  };
  return z.extend(z.partial(optionsSchema), {
    limit: def.requires?.includes('limit') ? z.optional(limitSchema) : z.optional(z.never({ error: `only the pcard preset takes a limit, not ${def.name}` })),
    tier: tiers.length > 0
      ? z.optional(z.string({ error: noTier }).check(z.refine((t) => tiers.includes(t), { error: noTier })))
      : z.optional(z.never({ error: `${def.name} has no tiers (presets with tiers: ${DEFINITIONS.filter((d) => d.tiers).map((d) => d.name).join(', ')})` })),
  });
}

/** The user-set threshold of `pcard`. */
function pcardThreshold(limit: unknown, currency: unknown): ThresholdInput {
  const parsed = pcardSchema.safeParse({ limit, currency });
  if (!parsed.success) throw new OptionsError('getPreset', optionIssues(parsed.error, pcardSchema));
  const code = parsed.data.currency.toUpperCase();
  const given = parsed.data.limit;
  const text = typeof given === 'string' ? given.trim() : (exactDecimal(given) as Decimal).toFixed();
  return {
    id: 'PCARD-LIMIT',
    amount: text,
    currency: code,
    // Read as "the 3,000.00 USD limit for <procedure>": what a purchase over the limit needs instead.
    procedure: 'normal procurement instead of the card, unless the limit was raised',
    comparison: 'above',
    label: `Card single-transaction limit ${text} ${code}`,
    jurisdiction: 'card programme',
    source: 'single-transaction limit set by the user (getPreset pcard `limit`)',
    status: 'verified',
  };
}

/**
 * A preset by name (`'eu-2014-24'`) or by its `presets` key (`'eu2014_24'`): the options
 * `detectSplits` takes, with `name`, `description` and `citation`, as a fresh deep copy the caller
 * may change. `overrides` replace the preset's options (`subject`, `weights` and `exclude` are merged field by
 * field; `undefined` values are ignored, so a CLI can pass its flags through unconditionally).
 *
 * Runs in O(number of thresholds).
 *
 * @throws {OptionsError} for an unknown name (the message lists the known ones), an override that is
 *   not a detectSplits option (with the nearest option's name) or not a valid value for it, `limit`
 *   on a preset other than `pcard`, `pcard` without `limit` and `currency`, or a `tier` the preset
 *   does not have.
 * @example
 * // records: purchase records (here the seed's; docs/examples.md)
 * const p = getPreset('eu-2014-24', { window: { period: 'fiscalYear', fiscalYearStart: 1 } });
 * p.thresholds.find((t) => t.id === 'EU-2024-W')?.amount //=> '5538000'
 * detectSplits(records, p)
 * getPreset('pcard', { limit: '3000', currency: 'CAD' }).thresholds[0]?.amount //=> '3000'
 * getPreset('uk-pa2023', { tier: 'sub-central' }).thresholds.some((t) => t.id === 'UK-2024-central') //=> false
 */
export function getPreset(name: string, overrides?: PresetOverrides): Preset {
  const def = lookup(name, 'getPreset');
  const given: Record<string, unknown> = {};
  if (overrides !== undefined) {
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      throw new OptionsError('getPreset', [{ path: [], message: 'overrides must be an object of detectSplits options' }]);
    }
    const schema = overridesSchema(def);
    const parsed = schema.safeParse(overrides);
    if (!parsed.success) throw new OptionsError('getPreset', optionIssues(parsed.error, schema));
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) given[k] = v;
    if (given.thresholds !== undefined) parseThresholds(given.thresholds, 'getPreset', ['thresholds']);
  }

  const out: Record<string, unknown> = {
    name: def.name,
    description: def.description,
    citation: def.citation,
    ..._deepCopy(def.options),
  };
  const limit = def.requires?.includes('limit') && (given.limit !== undefined || given.thresholds === undefined)
    ? pcardThreshold(given.limit, given.currency)
    : undefined;
  if (limit) out.thresholds = [limit];
  const tier = typeof given.tier === 'string' ? def.tiers?.[given.tier] : undefined;
  if (tier) out.thresholds = _deepCopy(tier);
  for (const [k, v] of Object.entries(given)) {
    if (k === 'limit' || k === 'tier') continue;
    const base = out[k];
    out[k] = MERGED_KEYS.has(k) && base && typeof base === 'object' && v && typeof v === 'object' ? { ...base, ...v } : v;
  }
  if (limit) out.currency = limit.currency;
  return _deepCopy(out) as unknown as Preset;
}

/**
 * Every preset with its kind, description and citation, policies first: what `splitscan presets`
 * prints. Runs in O(number of thresholds).
 *
 * @example
 * listPresets().find((p) => p.name === 'cn-gpl-art28')?.kind //=> 'policy'
 */
export function listPresets(): PresetInfo[] {
  return DEFINITIONS.map((d) => {
    const ts = d.options.thresholds;
    const starts = ts.map((t) => t.validFrom);
    const ends = ts.map((t) => t.validTo);
    const from = ts.length > 0 && starts.every((s) => s !== undefined) ? [...(starts as string[])].sort()[0] : undefined;
    const to = ts.length > 0 && ends.every((e) => e !== undefined) ? [...(ends as string[])].sort().at(-1) : undefined;
    return {
      name: d.name,
      key: presetKey(d.name),
      kind: d.kind,
      description: d.description,
      citation: d.citation,
      requires: [...(d.requires ?? [])],
      tiers: Object.keys(d.tiers ?? {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      thresholdCount: ts.length,
    };
  });
}

/** Names of every preset, policies first. */
export function presetNames(): string[] {
  return DEFINITIONS.map((d) => d.name);
}

/** Options of the `pcard` preset besides any override. */
export interface PcardOptions extends PresetOverrides {
  limit: string | number;
  currency: string;
}

/**
 * Every preset under a camelCase key (see {@link presetKey}). Each property is a getter that returns
 * a fresh deep copy (`presets.eu !== presets.eu`), so changing one never changes another;
 * `presets.pcard` is a function because it needs the card limit.
 *
 * @example
 * presets.cnCentral.thresholds.length //=> 9
 * presets.pcard({ limit: '3000', currency: 'CAD' }).window //=> { days: 1 }
 */
export const presets = Object.freeze({
  get cnGplArt28(): Preset { return getPreset('cn-gpl-art28'); },
  get eu2014_24(): Preset { return getPreset('eu-2014-24'); },
  get usFar13(): Preset { return getPreset('us-far-13'); },
  pcard(options: PcardOptions): Preset { return getPreset('pcard', options); },
  get ua922(): Preset { return getPreset('ua-922'); },
  get br14133(): Preset { return getPreset('br-14133'); },
  get ukPa2023(): Preset { return getPreset('uk-pa2023'); },
  get cnCentral(): Preset { return getPreset('cn-central'); },
  get cnNdrc(): Preset { return getPreset('cn-ndrc'); },
  get cnHangzhou(): Preset { return getPreset('cn-hangzhou'); },
  get eu(): Preset { return getPreset('eu'); },
  get euCentral(): Preset { return getPreset('eu-central'); },
  get euSubCentral(): Preset { return getPreset('eu-sub-central'); },
  get euUtilities(): Preset { return getPreset('eu-utilities'); },
  get euConcessions(): Preset { return getPreset('eu-concessions'); },
  get euSocial(): Preset { return getPreset('eu-social'); },
  get euUtilitiesSocial(): Preset { return getPreset('eu-utilities-social'); },
  get euSmallLots(): Preset { return getPreset('eu-small-lots'); },
  get usFar(): Preset { return getPreset('us-far'); },
  get uk(): Preset { return getPreset('uk'); },
  get ukCentral(): Preset { return getPreset('uk-central'); },
  get ukSubCentral(): Preset { return getPreset('uk-sub-central'); },
  get ukUtilities(): Preset { return getPreset('uk-utilities'); },
  get ukUtilitiesSocial(): Preset { return getPreset('uk-utilities-social'); },
  get ukSocial(): Preset { return getPreset('uk-social'); },
  get ukConcessions(): Preset { return getPreset('uk-concessions'); },
  get ukSmallLots(): Preset { return getPreset('uk-small-lots'); },
  get ua(): Preset { return getPreset('ua'); },
  get br(): Preset { return getPreset('br'); },
});
