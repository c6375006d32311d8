/**
 * The detection options of a scan, from its flags: a preset (and its tier), a thresholds file, an
 * ad-hoc `--threshold`, or an `--options` file (detectSplits options, or a report whose provenance
 * to rerun), then the grouping flags on top.
 */
import { readFile } from 'node:fs/promises';
import { closest } from '../_lib/closest.js';
import { InputError } from '../errors.js';
import { decodeText } from '../io/read/decode.js';
import type { ReportProvenance } from '../io/write/scanReport.js';
import { DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_SKIP_METHODS, type DetectSplitsOptions } from '../options/options.js';
import { getPreset, loadThresholds, presetKey, presetNames } from '../presets/index.js';
import type { PresetOverrides } from '../presets/preset.js';
import type { ThresholdInput } from '../thresholds/threshold.js';
import { type ScanArgs, UsageError } from './args.js';
import { optionsFromJson } from './provenance.js';

/** A scan's detection options, and what an `--options` report said about reading its files. */
export interface Policy {
  readonly options: DetectSplitsOptions;
  /** The provenance of the report given as `--options`, when one was. */
  readonly rerun?: ReportProvenance;
}

/** A file's text, decoded as the ledger reader decodes (BOM, UTF-16, GB18030 …). */
export async function readText(path: string, what: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError('unreadable', `cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`, [path]);
  }
  return decodeText(bytes).text;
}

/** A JSON file, parsed. */
export async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError('invalid_json', `${what} ${path} is not valid JSON: ${(e as Error).message}`, [path]);
  }
}

/** The options of an `--options` file: detectSplits options, or a report's provenance. */
async function optionsFile(path: string): Promise<Policy> {
  const json = await readJson(path, 'options file');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InputError('invalid_options_file', `options file ${path} must be a JSON object of detectSplits options, or a splitscan report`, [path]);
  const o = json as Record<string, unknown>;
  if (o['schema'] === 'splitscan/report@1') {
    const rerun = o['provenance'] as ReportProvenance | undefined;
    if (rerun?.options === undefined) throw new InputError('invalid_options_file', `report ${path} has no provenance to rerun (reports of splitscan 0.2 and later have one)`, [path]);
    return { options: optionsFromJson(rerun.options as Record<string, unknown>), rerun };
  }
  return { options: optionsFromJson(o) };
}

/** A preset name as given, checked, with the nearest name for a typo. */
function presetName(name: string): string {
  const names = presetNames();
  if (names.includes(name) || names.some((n) => presetKey(n) === name)) return name;
  const near = closest(name, names);
  throw new UsageError(`unknown preset "${name}"${near ? `; did you mean "${near}"?` : ''} (list them: splitscan presets)`);
}

/** The threshold of `--threshold AMOUNT --currency CODE [--procedure TEXT] [--comparison C]`. */
function adHocThreshold(t: NonNullable<ScanArgs['threshold']>, currency: string): ThresholdInput {
  return {
    id: `THRESHOLD-${t.amount}-${currency}`,
    amount: t.amount,
    currency,
    procedure: t.procedure ?? 'a procurement procedure',
    comparison: t.comparison ?? 'atOrAbove',
    label: `Threshold ${t.amount} ${currency} given on the command line`,
    source: 'given on the command line (--threshold)',
  };
}

/**
 * The detection options of a scan. Flags given override an `--options` file; a preset, a
 * thresholds file or `--threshold` replace its thresholds; the grouping flags replace the preset's
 * (subject fields and `--rate` rates one by one; exclusions and placeholder vendors are added to
 * the preset's).
 *
 * @throws UsageError for an unknown preset (with the nearest name), pcard without `--limit`, a
 *   limit or tier where it does not apply.
 */
export async function policyOf(args: ScanArgs): Promise<Policy> {
  const fromFile: Policy | undefined = args.optionsFile !== undefined ? await optionsFile(args.optionsFile) : undefined;
  let options: DetectSplitsOptions = fromFile?.options ?? { thresholds: [] };
  if (args.preset !== undefined) {
    const name = presetName(args.preset);
    const pcard = name === 'pcard';
    if (pcard && args.threshold !== undefined) throw new UsageError(`pcard takes the card's single-transaction limit as --limit ${args.threshold.amount}`);
    if (pcard && args.limit === undefined && args.thresholds === undefined) throw new UsageError("--preset pcard needs --limit AMOUNT and --currency CODE: the card's single-transaction limit, e.g. --limit 3000 --currency CAD");
    if (!pcard && args.limit !== undefined) throw new UsageError('--limit goes with --preset pcard (another limit: --threshold AMOUNT)');
    const overrides: PresetOverrides = {
      ...(args.limit !== undefined ? { limit: args.limit, currency: args.currency } : {}),
      ...(args.tier !== undefined ? { tier: args.tier } : {}),
    };
    const preset = getPreset(name, overrides);
    // The card's limit came from --limit: the report says so in the command's words.
    const thresholds = pcard && args.limit !== undefined ? preset.thresholds.map((t) => ({ ...t, source: 'single-transaction limit given on the command line (--limit)' })) : preset.thresholds;
    options = { ...options, ...preset, thresholds };
  } else if (args.limit !== undefined) throw new UsageError('--limit goes with --preset pcard (another limit: --threshold AMOUNT)');
  else if (args.tier !== undefined) throw new UsageError('--tier goes with a preset that has tiers (eu-2014-24, uk-pa2023, eu, uk)');
  if (args.thresholds !== undefined) {
    // The table's own currency is the report currency (when it has one), not the preset's; a table
    // in several currencies is reported in --currency, the one currency the command was given.
    const { currency: _preset, ...rest } = options;
    const thresholds = loadThresholds(await readJson(args.thresholds, 'thresholds file'));
    const several = new Set(thresholds.map((t) => t.currency)).size > 1;
    options = { ...rest, thresholds, ...(several && args.currency !== undefined ? { currency: args.currency } : {}) };
  }
  if (args.threshold !== undefined) options = { ...options, thresholds: [adHocThreshold(args.threshold, args.currency as string)], currency: args.currency as string };
  const exclude = args.exclude
    ? {
      vendors: [...(options.exclude?.vendors ?? []), ...args.exclude.vendors],
      categories: [...(args.exclude.replaceCategories ? [] : options.exclude?.categories ?? []), ...args.exclude.categories],
    }
    : undefined;
  // --fiscal-year-start moves a fiscal-year window's start, the flag's or the preset's; alone it would do nothing.
  let window = args.window ?? options.window;
  if (args.fiscalYearStart !== undefined) {
    if (window === undefined || !('period' in window) || window.period !== 'fiscalYear') throw new UsageError(`--fiscal-year-start ${args.fiscalYearStart} goes with a fiscal-year window (--window fiscal-year, or a preset that has one)`);
    window = { ...window, fiscalYearStart: args.fiscalYearStart };
  }
  return {
    ...(fromFile?.rerun ? { rerun: fromFile.rerun } : {}),
    options: {
      ...options,
      ...(window !== undefined ? { window } : {}),
      ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
      ...(args.rates !== undefined ? { rates: { ...options.rates, ...args.rates } } : {}),
      ...(args.vat !== undefined ? { vat: args.vat } : {}),
      ...(args.minScore !== undefined ? { minScore: args.minScore } : {}),
      ...(args.minPartShare !== undefined ? { minPartShare: args.minPartShare } : {}),
      ...(args.subject !== undefined ? { subject: { ...options.subject, ...args.subject } } : {}),
      ...(exclude !== undefined ? { exclude } : {}),
      ...(args.skipMethods !== undefined ? { skipMethods: [...(options.skipMethods ?? DEFAULT_SKIP_METHODS), ...args.skipMethods] } : {}),
      ...(args.placeholderVendors !== undefined ? { placeholderVendors: [...(options.placeholderVendors ?? DEFAULT_PLACEHOLDER_VENDORS), ...args.placeholderVendors] } : {}),
    },
  };
}
