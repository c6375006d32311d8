/**
 * A scan's report: findings ranked, their parts with file lines, counts and rejects — the one
 * structure every output format renders (see `formats.ts`).
 */
import type { Reject } from '../../records/record.js';
import type { Finding, FindingPart } from '../../report/finding.js';

/** Schema tag of {@link ScanReport}; changes only when the shape changes incompatibly. */
const REPORT_SCHEMA = 'splitscan/report@1';

/** A finding's part with the file line it came from. */
export interface ReportPart extends FindingPart {
  readonly line?: number;
}

/** A finding as reported: its rank and parts with lines. */
export interface ReportFinding extends Omit<Finding, 'parts'> {
  /** 1 = highest score. */
  readonly rank: number;
  readonly parts: readonly ReportPart[];
}

/** Counts of a run. */
export interface ReportSummary {
  /** Data rows read from the source (or records passed). */
  readonly rows: number;
  /** Records analysed by detection (accepted). */
  readonly analysed: number;
  /** Rejects from loading and detection. */
  readonly rejected: number;
  /** Findings detected. */
  readonly findings: number;
  /** Findings in this report after `top`. */
  readonly shown: number;
}

/** The full report (`--format json`). */
export interface ScanReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly source?: string;
  readonly policy?: { readonly name?: string; readonly citation?: string; readonly description?: string };
  readonly summary: ReportSummary;
  readonly findings: readonly ReportFinding[];
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
  /** `lines[i]` = file line of record i (from the loader). */
  readonly lines?: readonly number[];
  readonly source?: string;
  readonly policy?: { readonly name?: string; readonly citation?: string; readonly description?: string };
  /** Keep the first N findings. @defaultValue all */
  readonly top?: number;
}

/**
 * Assembles a {@link ScanReport}: findings ranked as given (detection sorts them by score), filtered
 * to the first `top`, each part carrying its file line.
 */
export function buildReport(input: BuildReportInput): ScanReport {
  const shown = input.top === undefined ? input.findings : input.findings.slice(0, input.top);
  const findings = shown.map((f, i): ReportFinding => ({
    ...f,
    rank: i + 1,
    parts: f.parts.map((p) => {
      const line = input.lines?.[p.index];
      return line === undefined ? p : { ...p, line };
    }),
  }));
  return {
    schema: REPORT_SCHEMA,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.policy !== undefined ? { policy: input.policy } : {}),
    summary: {
      rows: input.rows,
      analysed: input.analysed,
      rejected: input.rejects.length,
      findings: input.findings.length,
      shown: findings.length,
    },
    findings,
    rejects: input.rejects,
  };
}
