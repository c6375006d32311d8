/**
 * The report's provenance: what ran on which bytes with which options, complete enough to run it
 * again (`splitscan scan FILE --options REPORT.json`) and get the same findings.
 */
import { DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_SKIP_METHODS, type DetectSplitsOptions } from '../options/options.js';
import { resolveOptions } from '../options/resolve.js';
import type { ProvenanceInput, ReportProvenance } from '../io/write/scanReport.js';
import { TOOL } from './version.js';

/**
 * The options detection used, as plain JSON: the options given (a preset expanded) with every
 * default filled in from what `detectSplits` resolved them to. `Infinity` (an unbounded
 * `maxProjectCategories`) is written as the string `"Infinity"`, which {@link optionsFromJson} reads back.
 */
export function effectiveOptions(options: DetectSplitsOptions): Record<string, unknown> {
  const r = resolveOptions(options);
  const rates = Object.fromEntries([...r.rates].filter(([code]) => code !== r.currency).map(([code, rate]) => [code, rate.toString()]));
  const { maxProjectCategories, ...subject } = r.subject;
  return {
    ...options,
    window: r.window,
    vendor: r.vendor,
    linkSameVendor: r.linkSameVendor,
    subject: { ...subject, maxProjectCategories: Number.isFinite(maxProjectCategories) ? maxProjectCategories : 'Infinity' },
    currency: r.currency,
    rates,
    band: r.band,
    minParts: r.minParts,
    maxParts: r.maxParts,
    runs: r.runs,
    minPartShare: r.minPartShare,
    minScore: r.minScore,
    skipMethods: options.skipMethods ?? DEFAULT_SKIP_METHODS,
    exclude: { vendors: options.exclude?.vendors ?? [], categories: options.exclude?.categories ?? [] },
    placeholderVendors: options.placeholderVendors ?? DEFAULT_PLACEHOLDER_VENDORS,
    weights: r.weights,
  };
}

/** Options read from JSON (an `--options` file or a report's provenance): `"Infinity"` back to a number. */
export function optionsFromJson(json: Record<string, unknown>): DetectSplitsOptions {
  const subject = json['subject'] as Record<string, unknown> | undefined;
  if (subject?.['maxProjectCategories'] === 'Infinity') return { ...json, subject: { ...subject, maxProjectCategories: Infinity } } as unknown as DetectSplitsOptions;
  return json as unknown as DetectSplitsOptions;
}

/** What {@link buildProvenance} records. */
export interface ProvenanceInputs {
  readonly argv: readonly string[];
  readonly inputs: readonly ProvenanceInput[];
  readonly reading: Readonly<Record<string, unknown>>;
  readonly options: DetectSplitsOptions;
  readonly output: Readonly<Record<string, unknown>>;
}

/** The provenance of a command-line run (tool and version embedded at build time). */
export function buildProvenance(p: ProvenanceInputs): ReportProvenance {
  return {
    tool: { name: TOOL.name, version: TOOL.version },
    argv: p.argv,
    inputs: p.inputs,
    reading: p.reading,
    options: effectiveOptions(p.options),
    output: p.output,
  };
}
