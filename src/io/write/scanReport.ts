/**
 * A scan's report: findings ranked, their parts with file lines, counts and rejects — the one
 * structure every output format renders (see `formats.ts`).
 */
import type { Reject } from '../../records/record.js';
import { normalizeText } from '../../records/normalize.js';
import type { Finding, FindingPart } from '../../report/finding.js';
import type { BuyerStats } from '../../score/baseline.js';
import type { LargeRun } from '../../report/largeRun.js';
import { compareText } from '../../_lib/order.js';
import { plainValue } from './values.js';
import { checkShape, type Shape } from '../../_lib/args.js';

/** Schema tag of {@link ScanReport}; changes only when the shape changes incompatibly. */
const REPORT_SCHEMA = 'splitscan/report@1';

/** A finding's part with the file line (and, when several files were read, the file) it came from. */
export interface ReportPart extends FindingPart {
  readonly line?: number;
  readonly file?: string;
}

/** A finding as reported: its rank and parts with lines. */
export interface ReportFinding extends Omit<Finding, 'parts'> {
  /** 1 = highest score. */
  readonly rank: number;
  readonly parts: readonly ReportPart[];
}

/**
 * Counts of a run. Every row read is accounted for: `rows` = `analysed` + `rejected` + `blank` +
 * `merged` + `netted`.
 */
export interface ReportSummary {
  /** Data rows read from the source (or records passed). */
  readonly rows: number;
  /** Records analysed by detection (accepted). */
  readonly analysed: number;
  /** Rejects from loading and detection. */
  readonly rejected: number;
  /** Rows with every cell empty, skipped. */
  readonly blank: number;
  /** Rows summed into another row of the same document (`--lines sum`). */
  readonly merged: number;
  /** Credits netted against a purchase (`--credits net`). */
  readonly netted: number;
  /**
   * Windows of more than `maxParts` linked purchases that crossed a threshold: a rule grouping too
   * much, listed in `largeRuns`, not as findings.
   */
  readonly largeRuns: number;
  /** Findings detected. */
  readonly findings: number;
  /** Findings in this report after `top`. */
  readonly shown: number;
}

/** One input of a run: which file, exactly which bytes, and how they were read. */
export interface ProvenanceInput {
  /** The file as named on the command line (`'-'` for standard input). */
  readonly file: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
  /** `'csv'`, `'json'`, `'ndjson'` or `'ocds'`. */
  readonly format?: string;
  /** Encoding the bytes were read in. */
  readonly encoding?: string;
  /** Delimiter, for delimited text. */
  readonly delimiter?: string;
  /** The header(s) each record field was read from. */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** Data rows read from this input. */
  readonly rows?: number;
}

/**
 * Where a report came from, complete enough to run it again and get the same findings: the tool
 * and version, each input with its SHA-256, how the files were read, and every option and threshold
 * detection used (a preset expanded, defaults filled in). `splitscan scan FILE --options REPORT.json`
 * reruns a report from it. See docs/cli.md, "Provenance".
 */
export interface ReportProvenance {
  /** The tool and its version. */
  readonly tool: { readonly name: string; readonly version: string };
  /** The command line as given, when the report came from the command. */
  readonly argv?: readonly string[];
  readonly inputs: readonly ProvenanceInput[];
  /** The reading options as given (`map`, `dateFormat`, `decimalComma`, `unit`, `currency` …). */
  readonly reading?: Readonly<Record<string, unknown>>;
  /** Every `detectSplits` option used, thresholds included, with defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
  /** What shaped the report besides detection (`top`, flag-rate limits). */
  readonly output?: Readonly<Record<string, unknown>>;
}

/** Something the reader of a report should know before its findings. */
export interface ReportWarning {
  /** A stable code: `'rejected_rows'`, `'flag_rate'` … */
  readonly code: string;
  /** A sentence for every format. */
  readonly message: string;
  /** The buyer it concerns, if one. */
  readonly buyer?: string;
}

/**
 * A buyer as the report lists it: its purchases, how many findings are its own, and its bunching
 * test at each threshold in force for it (`result.buyers` of `detectSplits`; see `BUNCHING`).
 */
export interface ReportBuyer extends BuyerStats {
  /** Findings of the buyer, whatever `top` keeps. */
  readonly findings: number;
}

/** The full report (`--format json`). */
export interface ScanReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly source?: string;
  readonly policy?: { readonly name?: string; readonly citation?: string; readonly description?: string };
  readonly provenance?: ReportProvenance;
  readonly summary: ReportSummary;
  /** What the reader of the report should know first (empty when nothing). */
  readonly warnings: readonly ReportWarning[];
  /**
   * The buyers with findings, or with a bunching test that applies, strongest bunching first
   * (see {@link buildReport}); only when the buyers were given.
   */
  readonly buyers?: readonly ReportBuyer[];
  readonly findings: readonly ReportFinding[];
  /** Windows too crowded to be one requirement (`stats.largeRuns` of `detectSplits`): what to narrow. */
  readonly largeRuns: readonly LargeRun[];
  readonly rejects: readonly Reject[];
}

/** Input of {@link buildReport}. */
export interface BuildReportInput {
  readonly findings: readonly Finding[];
  /** All rejects (loader and detection), with lines where known. */
  readonly rejects: readonly Reject[];
  /** Rows read. */
  readonly rows: number;
  /** Records accepted by detection. */
  readonly analysed: number;
  /** Rows skipped blank, summed into another row, netted as credits (a loader's `stats`). @defaultValue 0 each */
  readonly blank?: number;
  readonly merged?: number;
  readonly netted?: number;
  /** Windows too crowded to be one requirement (`stats.largeRuns`). @defaultValue none */
  readonly largeRuns?: readonly LargeRun[];
  /** `lines[i]` = file line of record i (from the loader). */
  readonly lines?: readonly number[];
  /** `files[i]` = file of record i, when several files were read. */
  readonly files?: readonly string[];
  readonly source?: string;
  readonly policy?: { readonly name?: string; readonly citation?: string; readonly description?: string };
  /** Keep the first N findings. @defaultValue all */
  readonly top?: number;
  /** Where the report came from. @defaultValue none */
  readonly provenance?: ReportProvenance;
  /** Warnings to carry. @defaultValue none */
  readonly warnings?: readonly ReportWarning[];
  /** The run's buyers (`result.buyers`), to list those with findings or an applicable bunching test. @defaultValue none (no `buyers` section) */
  readonly buyers?: readonly BuyerStats[];
}

/** What {@link buildReport} reads of its input first. */
const BUILD_INPUT: Shape = { what: 'the findings and rejects of a run (BuildReportInput)', fields: { findings: 'array', rejects: 'array' } };

/**
 * Assembles a {@link ScanReport}: findings ranked as given (detection sorts them by score), filtered
 * to the first `top`, each part carrying its file line; each reject's `value` as plain JSON data (a
 * value that throws when read, such as a revoked Proxy, as the text `[a value that cannot be
 * shown: …]`), so every format can write the report. With `buyers`, the buyers that have findings
 * or a bunching test that applies, with their number of findings: smallest bunching p-value first
 * (buyers without an applicable test last), then most findings, then by name as detection compares
 * buyers. Runs in O(size of the report + b log b) for b buyers.
 */
export function buildReport(input: BuildReportInput): ScanReport {
  checkShape(input, BUILD_INPUT, 'buildReport', 'input');
  const shown = input.top === undefined ? input.findings : input.findings.slice(0, input.top);
  const findings = shown.map((f, i): ReportFinding => ({
    ...f,
    rank: i + 1,
    parts: f.parts.map((p) => {
      const line = input.lines?.[p.index];
      const file = input.files?.[p.index];
      return { ...p, ...(line !== undefined ? { line } : {}), ...(file !== undefined ? { file } : {}) };
    }),
  }));
  return {
    schema: REPORT_SCHEMA,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    ...(input.provenance !== undefined ? { provenance: input.provenance } : {}),
    summary: {
      rows: input.rows,
      analysed: input.analysed,
      rejected: input.rejects.length,
      blank: input.blank ?? 0,
      merged: input.merged ?? 0,
      netted: input.netted ?? 0,
      largeRuns: input.largeRuns?.length ?? 0,
      findings: input.findings.length,
      shown: findings.length,
    },
    warnings: input.warnings ?? [],
    ...(input.buyers !== undefined ? { buyers: reportBuyers(input.buyers, input.findings) } : {}),
    findings,
    largeRuns: input.largeRuns ?? [],
    // Values as plain data: what a caller passed may throw or refuse JSON when written. A reject
    // whose value is already plain (a loader's text) is kept as it is, not copied.
    rejects: input.rejects.map((r) => {
      if (!('value' in r)) return r;
      const given = r.value;
      const value = plainValue(given);
      return value === given ? r : { ...r, value };
    }),
  };
}

/** The buyers a report lists, in its order (see {@link buildReport}). */
function reportBuyers(buyers: readonly BuyerStats[], findings: readonly Finding[]): ReportBuyer[] {
  const found = new Map<string, number>();
  for (const f of findings) {
    const key = normalizeText(f.buyer);
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  const listed = buyers
    .map((b) => {
      const key = normalizeText(b.buyer);
      // An applicable test's p is in [0, 1]; anything else (NaN) counts as no test.
      const p = Math.min(...b.bunching.map((t) => (t.applicable && t.p >= 0 ? t.p : Infinity)));
      return { key, p, buyer: { buyer: b.buyer, records: b.records, first: b.first, last: b.last, findings: found.get(key) ?? 0, bunching: b.bunching } };
    })
    .filter((b) => b.buyer.findings > 0 || b.p !== Infinity);
  listed.sort((x, y) => (x.p === y.p ? 0 : x.p < y.p ? -1 : 1) || y.buyer.findings - x.buyer.findings || compareText(x.key, y.key));
  return listed.map((b) => b.buyer);
}
