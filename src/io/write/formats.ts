/**
 * A {@link ScanReport} rendered: `json` (the full report, stable schema), `csv` (one row per
 * finding × record, spreadsheet-safe), `md` (audit working papers) and `table` (terminals).
 */
import { D, groupedMoney } from '../../_lib/decimal.js';
import { safeCsv } from './csv.js';
import type { ReportFinding, ScanReport } from './scanReport.js';

/** The output formats, the terminal's first. */
export const REPORT_FORMATS = ['table', 'json', 'csv', 'md'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders a report in one of {@link REPORT_FORMATS}. */
export function formatReport(report: ScanReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return reportToCsv(report);
    case 'md':
      return reportToMarkdown(report);
    case 'table':
      return reportToTable(report);
  }
}

/** Columns of the CSV report. */
const REPORT_CSV_COLUMNS = [
  'rank',
  'finding_id',
  'score',
  'buyer',
  'threshold_id',
  'threshold_amount',
  'procedure',
  'total',
  'currency',
  'start',
  'end',
  'span_days',
  'parts',
  'vendors',
  'record_id',
  'line',
  'date',
  'vendor',
  'amount',
  'record_currency',
  'converted',
  'subject',
  'category',
  'project',
  'method',
  'document',
  'explanation',
] as const;

/**
 * One row per finding × record, safe to open in a spreadsheet (cells starting with `=` `+` `-` `@`
 * or a control character get a leading `'`).
 */
function reportToCsv(report: ScanReport): string {
  const rows: unknown[][] = [];
  for (const f of report.findings) {
    for (const p of f.parts) {
      rows.push([
        f.rank,
        f.id,
        f.score.toFixed(3),
        f.buyer,
        f.threshold.id,
        f.threshold.amount,
        f.threshold.procedure,
        f.total,
        f.currency,
        f.start,
        f.end,
        f.spanDays,
        f.parts.length,
        f.vendors.join('; '),
        p.id,
        p.line ?? '',
        p.date,
        p.vendor,
        p.amount,
        p.currency,
        p.converted,
        p.subject ?? '',
        p.category ?? '',
        p.project ?? '',
        p.method ?? '',
        p.document ?? '',
        f.explanation,
      ]);
    }
  }
  return safeCsv(REPORT_CSV_COLUMNS, rows);
}

const money = (s: string): string => groupedMoney(new D(s));

function headline(f: ReportFinding): string {
  const cmp = f.threshold.comparison === 'above' ? '>' : '≥';
  return `${f.buyer}: ${f.parts.length} purchases from ${f.vendors.length} vendor${f.vendors.length === 1 ? '' : 's'}, ${money(f.total)} ${f.currency} ${cmp} ${money(f.threshold.amount)} ${f.threshold.currency} (${f.threshold.procedure})`;
}

/** Escapes text for a Markdown table cell. */
function mdCell(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/\r?\n/gu, ' ');
}

/** A report for audit working papers: summary, then each finding with records, reasons, explanation. */
function reportToMarkdown(report: ScanReport): string {
  const s = report.summary;
  const out: string[] = ['# Split-purchase review', ''];
  if (report.source !== undefined) out.push(`- Source: \`${report.source}\``);
  if (report.policy?.name !== undefined) {
    out.push(`- Policy: ${report.policy.name}${report.policy.citation ? ` (${report.policy.citation})` : ''}`);
  }
  out.push(
    `- Rows read: ${s.rows}; analysed: ${s.analysed}; rejected: ${s.rejected}`,
    `- Findings: ${s.findings}${s.shown !== s.findings ? ` (${s.shown} shown)` : ''}`,
    '',
    'Each finding is a candidate for human review, not a conclusion: a reviewer decides whether the',
    'purchases were one requirement and whether an exception applies.',
    '',
  );
  if (report.findings.length === 0) out.push('No findings.', '');
  for (const f of report.findings) {
    out.push(`## ${f.rank}. ${mdCell(headline(f))}`, '');
    out.push(
      `- Finding id: \`${f.id}\`; score ${f.score.toFixed(2)}`,
      `- Period: ${f.start} to ${f.end} (${f.spanDays} day${f.spanDays === 1 ? '' : 's'})`,
      `- Threshold: \`${f.threshold.id}\` ${money(f.threshold.amount)} ${f.threshold.currency}${f.threshold.source ? ` — ${f.threshold.source}` : ''}`,
    );
    if (f.rule) out.push(`- Rule: ${f.rule.name}${f.rule.citation ? ` (${f.rule.citation})` : ''}`);
    out.push('', `> ${mdCell(f.explanation)}`, '');
    out.push('| # | line | id | date | vendor | amount | subject | category | project | method | document |');
    out.push('|---|---|---|---|---|---:|---|---|---|---|---|');
    f.parts.forEach((p, i) => {
      out.push(
        `| ${i + 1} | ${p.line ?? ''} | ${mdCell(p.id)} | ${p.date} | ${mdCell(p.vendor)} | ${money(p.amount)} ${p.currency} | ${mdCell(p.subject)} | ${mdCell(p.category)} | ${mdCell(p.project)} | ${mdCell(p.method)} | ${mdCell(p.document)} |`,
      );
    });
    out.push(`| | | | | **total** | **${money(f.total)} ${f.currency}** | | | | | |`, '', 'Reasons:', '');
    for (const r of [...f.reasons].sort((a, b) => b.strength * b.weight - a.strength * a.weight)) {
      out.push(`- **${r.code}** (strength ${r.strength.toFixed(2)}, weight ${r.weight}): ${mdCell(r.message)}`);
    }
    out.push('', 'Reviewer decision: ☐ split ☐ not a split ☐ exception applies — notes:', '');
  }
  return `${out.join('\n')}\n`;
}

function width(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1;
  return w;
}

function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

function clip(s: string, n: number): string {
  if (width(s) <= n) return s;
  let out = '';
  for (const c of s) {
    if (width(out + c) > n - 1) break;
    out += c;
  }
  return `${out}…`;
}

/** A compact text report for terminals: one block per finding, parts indented. */
function reportToTable(report: ScanReport): string {
  const s = report.summary;
  const out: string[] = [];
  for (const f of report.findings) {
    out.push(`#${f.rank}  score ${f.score.toFixed(2)}  ${headline(f)}`);
    out.push(`    ${f.start} → ${f.end} (${f.spanDays} d)  ${f.threshold.id}`);
    const amountWidth = Math.max(...f.parts.map((p) => money(p.amount).length));
    for (const p of f.parts) {
      out.push(
        `    ${p.date}  ${pad(clip(p.id, 10), 10)}  ${pad(clip(p.vendor, 28), 28)}  ${pad(money(p.amount), amountWidth, true)}  ${clip(p.subject ?? '', 40)}`,
      );
    }
    out.push(`    ${clip(f.explanation, 200)}`, '');
  }
  if (report.findings.length === 0) out.push('No findings.');
  out.push(`${s.findings} finding${s.findings === 1 ? '' : 's'}${s.shown !== s.findings ? ` (${s.shown} shown)` : ''}; ${s.rows} rows read, ${s.analysed} analysed, ${s.rejected} rejected`);
  return `${out.join('\n')}\n`;
}
