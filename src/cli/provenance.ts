/**
 * The report's provenance: what ran on which bytes with which options, complete enough to run it
 * again (`splitscan scan FILE --options REPORT.json`) and get the same findings.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_SKIP_METHODS, type DetectSplitsOptions } from '../options/options.js';
import { resolveOptions } from '../options/resolve.js';
import type { ProvenanceInput, ReportProvenance, ReportWarning } from '../io/write/scanReport.js';
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

/**
 * An `input_changed` warning for each file a report read (`before`, its provenance's inputs) that
 * this run read again (`now`) with other bytes. Files are the same by real path, however each run
 * named them (`b.csv`, `./b.csv`, `/abs/b.csv`, a link to it), resolved from the working folder;
 * standard input (`-`) is standard input.
 */
export async function changedInputs(before: readonly ProvenanceInput[], now: readonly ProvenanceInput[]): Promise<ReportWarning[]> {
  const real = (file: string): Promise<string> => (file === '-' ? Promise.resolve('-') : realpath(file).catch(() => resolve(file)));
  const read = await Promise.all(now.map(async (n) => [await real(n.file), n] as const));
  const warnings: ReportWarning[] = [];
  for (const b of before) {
    const key = await real(b.file);
    const n = read.find(([k]) => k === key)?.[1];
    if (n === undefined || n.sha256 === b.sha256) continue;
    const named = n.file === b.file ? n.file : `${n.file} (${b.file} in the report)`;
    warnings.push({ code: 'input_changed', message: `${named} is not the file the report read (SHA-256 ${n.sha256.slice(0, 12)}…, was ${b.sha256.slice(0, 12)}…)` });
  }
  return warnings;
}
