import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';

/**
 * Every finding of a report: its `findings` and, for a report that went through `applyDecisions`,
 * the `dismissed` ones it keeps apart.
 */
export function allFindings<F extends ReportFinding>(report: { readonly findings: readonly F[]; readonly dismissed?: readonly F[] }): readonly F[] {
  return report.dismissed === undefined || report.dismissed.length === 0 ? report.findings : [...report.findings, ...report.dismissed];
}

/** True when a report lists fewer findings than detection found (`top`): comparisons are then partial. */
export function isPartial(report: ScanReport): boolean {
  return report.summary.shown < report.summary.findings;
}
