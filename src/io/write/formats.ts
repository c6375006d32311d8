/**
 * A {@link ScanReport} rendered: `json` (the full report, stable schema), `csv` (one row per
 * finding × record, spreadsheet-safe: one plain table, so no warnings or summary), `md` (audit working papers) and `table` (terminals). A
 * report that went through `applyDecisions` (splitscan/review) shows each finding's status, the
 * dismissed findings apart and the decision counts.
 */
import type { DecidedReport } from '../../review/applyDecisions.js';
import { notShownWords, reviewLine, type Reviewed } from './reviewWords.js';
import { safeCsv } from './csv.js';
import { isAgainst } from '../../options/reasons.js';
import { markdownText, safeJson, safeJsonPieces, terminalText } from './escape.js';
import { amount, count, plural } from './numbers.js';
import { setAside } from './setAside.js';
import type { ReportBuyer, ReportFinding, ReportProvenance, ScanReport } from './scanReport.js';
import type { LargeRun } from '../../report/largeRun.js';
import { looksDeliberate } from '../../report/explain.js';
import { totalComparison } from '../../thresholds/compare.js';
import { OptionsError } from '../../errors.js';
import { checkOptions, checkShape, REPORT } from '../../_lib/args.js';

/** The output formats, the terminal's first. */
export const REPORT_FORMATS = Object.freeze(['table', 'json', 'csv', 'md'] as const);

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of {@link formatReport}. */
export interface FormatReportOptions {
  /** `table` only: bold headlines and dimmed reason codes (ANSI SGR). @defaultValue false */
  readonly color?: boolean | undefined;
}

/** A report as the formats take it: from `buildReport`, or after `applyDecisions`. */
type AnyReport = ScanReport | DecidedReport;

/** A finding, with its review status when the report went through `applyDecisions`. */
type AnyFinding = ReportFinding & Reviewed;

/**
 * Renders a report in one of {@link REPORT_FORMATS}. Text from the ledger is escaped for each sink:
 * `csv` neutralises formulas, `md` escapes every Markdown-active character, `table` shows control
 * characters as escapes. Runs in O(size of the report).
 *
 * @throws OptionsError for another format (`'html'` names `toHtml`, from `splitscan/review`).
 */
export function formatReport(report: AnyReport, format: ReportFormat, options: FormatReportOptions = {}): string {
  checkShape(report, REPORT, 'formatReport', 'report');
  checkOptions(options, 'formatReport');
  switch (format) {
    case 'json':
      return [...reportPieces(report, format, options)].join('');
    case 'csv':
      return reportToCsv(report);
    case 'md':
      return reportToMarkdown(report);
    case 'table':
      return reportToTable(report, options.color ?? false);
    default: {
      const given: unknown = format;
      const html = typeof given === 'string' && given.trim().toLowerCase() === 'html';
      const formats = REPORT_FORMATS.map((f) => `'${f}'`).join(', ');
      throw new OptionsError('formatReport', [{ path: ['format'], message: `must be one of ${formats}, got ${JSON.stringify(given)}${html ? ': an HTML page is toHtml(report), from splitscan/review' : ''}` }]);
    }
  }
}

/**
 * {@link formatReport}'s text in pieces that join to it: `json` one piece for each finding (and
 * each other top-level field), so the CLI writes a large report without building it whole; the
 * other formats in one piece. Runs in O(size of the report).
 */
export function* reportPieces(report: AnyReport, format: ReportFormat, options: FormatReportOptions = {}): Generator<string> {
  if (format !== 'json') {
    yield formatReport(report, format, options);
    return;
  }
  yield* safeJsonPieces(report, 2);
  yield '\n';
}

/** The dismissed findings of a decided report (none for a plain one). */
const dismissedOf = (report: AnyReport): readonly AnyFinding[] => ('dismissed' in report ? report.dismissed : []);

/** Columns of the CSV report. */
const REPORT_CSV_COLUMNS = [
  'rank', 'finding_id', 'score', 'buyer', 'threshold_id', 'threshold_amount', 'procedure', 'total', 'currency', 'start', 'end', 'span_days',
  'parts', 'vendors', 'record_id', 'file', 'line', 'date', 'vendor', 'amount', 'record_currency', 'converted', 'subject', 'category',
  'project', 'method', 'document', 'explanation', 'status', 'review',
] as const;

/**
 * One row per finding × record, safe to open in a spreadsheet (cells starting with `=` `+` `@`, a
 * control character, or a `-` that does not start a number get a leading `'`). Dismissed findings
 * come last; `status` and `review` (its decision in words) are empty unless the report went through
 * `applyDecisions`. One rectangular table and nothing else, for spreadsheets and pandas: the
 * report's `warnings` are not in it (the command writes them beside it, `--warnings FILE`, or on
 * stderr).
 */
function reportToCsv(report: AnyReport): string {
  const rows: unknown[][] = [];
  for (const f of [...report.findings as readonly AnyFinding[], ...dismissedOf(report)]) {
    for (const p of f.parts) {
      rows.push([
        f.rank, f.id, f.score.toFixed(3), f.buyer, f.threshold.id, f.threshold.amount, f.threshold.procedure, f.total, f.currency, f.start, f.end, f.spanDays,
        f.parts.length, f.vendors.join('; '), p.id, p.file ?? '', p.line ?? '', p.date, p.vendor, p.amount, p.currency, p.converted, p.subject ?? '',
        p.category ?? '', p.project ?? '', p.method ?? '', p.document ?? '', f.explanation, f.status ?? '', reviewLine(f, plain) ?? '',
      ]);
    }
  }
  return safeCsv(REPORT_CSV_COLUMNS, rows);
}

/** Text as it is (a CSV cell is made safe whole). */
const plain = (s: string): string => s;

/** Decision counts of a decided report, as one line. */
function decisionLine(report: AnyReport): string | undefined {
  if (!('decisions' in report)) return undefined;
  const d = report.decisions;
  const counts = Object.entries(d.counts).map(([status, n]) => `${count(n)} ${status}`).join(', ');
  const conflicts = d.conflicts > 0 ? `; ${plural(d.conflicts, 'finding')} open because the decisions about ${d.conflicts === 1 ? 'it' : 'them'} disagree` : '';
  const gone = d.unmatched.filter((u) => u.reason === 'gone').length;
  const notShown = notShownWords(d, count);
  return `${counts}; ${plural(d.changed, 'finding')} changed since ${d.changed === 1 ? 'its' : 'their'} decision${conflicts}; ${plural(gone, 'decision')} matching no finding${notShown ? `; ${notShown}` : ''}`;
}

/** JSON for a fenced Markdown block ({@link safeJson}: still valid JSON, nothing a renderer or terminal acts on). */
function fencedJson(value: unknown): string {
  return `\`\`\`\`json\n${safeJson(value, 2)}\n\`\`\`\``;
}

/** The provenance section of the Markdown report. */
function provenanceMarkdown(p: ReportProvenance): string[] {
  const out = ['## Provenance', '', `- Tool: ${md(p.tool.name)} ${md(p.tool.version)}`];
  if (p.argv !== undefined) out.push(`- Command: ${md(['splitscan', ...p.argv].join(' '))}`);
  out.push('', '| input | bytes | SHA-256 | rows | encoding |', '|---|---:|---|---:|---|');
  for (const i of p.inputs) out.push(`| ${md(i.file)} | ${count(i.bytes)} | ${i.sha256} | ${i.rows !== undefined ? count(i.rows) : ''} | ${md(i.encoding)} |`);
  out.push('', 'Reading options, detection options (every threshold, defaults filled in) and output options:', '');
  out.push(fencedJson({ reading: p.reading ?? {}, options: p.options, output: p.output ?? {} }), '');
  return out;
}

/** A buyer's bunching tests in a sentence each, data passed through `text`. */
function bunchingText(b: ReportBuyer, text: (s: string) => string): string {
  const tests = b.bunching.map((t) =>
    t.applicable
      ? `${text(t.threshold)}: ${count(t.observed)} in the band, ${t.expected.toFixed(1)} expected (ratio ${t.ratio.toFixed(2)}, z ${t.z.toFixed(2)}, p ${t.p.toPrecision(2)})`
      : `${text(t.threshold)}: not tested (${text(t.why)})`,
  );
  return tests.length > 0 ? tests.join('; ') : 'no threshold in force';
}

/** The buyers section of the Markdown report: one row per buyer listed (see `buildReport`). */
function buyersMarkdown(buyers: readonly ReportBuyer[]): string[] {
  const out = [
    '## Buyers',
    '',
    'Buyers with findings, or whose purchases could be tested for bunching: more purchases in the band just under a',
    "threshold than the buyer's own amount distribution predicts is evidence about the buyer, not about one finding.",
    'Strongest bunching first.',
    '',
  ];
  if (buyers.length === 0) return [...out, 'None.', ''];
  out.push('| buyer | purchases | period | findings | bunching just under the threshold |', '|---|---:|---|---:|---|');
  for (const b of buyers) out.push(`| ${md(b.buyer)} | ${count(b.records)} | ${b.first} to ${b.last} | ${count(b.findings)} | ${bunchingText(b, md)} |`);
  return [...out, ''];
}

/** `against: ` before a reason that speaks against splitting (`AGAINST_CODES`): its strength lowers the score. */
const against = (r: ReportFinding['reasons'][number]): string => (isAgainst(r.code) ? 'against: ' : '');

/** Reasons that counted (some strength, some weight), strongest contribution (strength × weight) first. */
function strongReasons(f: ReportFinding): ReportFinding['reasons'] {
  return [...f.reasons].filter((r) => r.strength > 0 && r.weight > 0).sort((a, b) => b.strength * b.weight - a.strength * a.weight || (a.code < b.code ? -1 : 1));
}

/** A finding's period in words: "one day", or how many days lie between its first and last part. */
const spanText = (days: number): string => (days === 0 ? 'one day' : `${plural(days, 'day')} apart`);

/** A converted part's amount in the report currency, ` (2,340.00 EUR)`, or '' for a part in it. */
function converted(p: ReportFinding['parts'][number], currency: string): string {
  return p.currency === currency ? '' : ` (${amount(p.converted)} ${currency})`;
}

/** The finding in one line, each piece of data passed through `text` (the sink's escaping). */
function headline(f: ReportFinding, text: (s: string) => string): string {
  const cmp = totalComparison(f.threshold) === 'above' ? '>' : '≥';
  return `${text(f.buyer)}: ${plural(f.parts.length, 'purchase')} from ${plural(f.vendors.length, 'vendor')}, ${amount(f.total)} ${f.currency} ${cmp} ${amount(f.threshold.amount)} ${f.threshold.currency} (${text(f.threshold.procedure)})`;
}

/** Markdown text of an optional value. */
const md = (s: string | number | undefined): string => (s === undefined ? '' : markdownText(String(s)));

/** A large run in one line, each piece of data passed through `text`. */
function largeRunLine(l: LargeRun, text: (s: string) => string): string {
  return `${text(l.buyer)}: ${plural(l.parts, 'purchase')} ${l.start === l.end ? `on ${l.start}` : `from ${l.start} to ${l.end}`}, ${amount(l.total)} ${l.currency} over ${amount(l.threshold.amount)} ${l.threshold.currency} (${text(l.threshold.procedure)}, threshold ${text(l.threshold.id)})`;
}

/** The reviewer-decision line of a finding in Markdown, its status's box ticked (none while open or undecided). */
function reviewerBoxes(status: AnyFinding['status']): string {
  const box = (s: string) => (status === s ? '☒' : '☐');
  return `Reviewer decision: ${box('confirmed')} split ${box('dismissed')} not a split ${box('exempt')} exception applies — notes:`;
}

/** A report for audit working papers: summary, then each finding with records, reasons, explanation. */
function reportToMarkdown(report: AnyReport): string {
  const s = report.summary;
  const large = report.largeRuns ?? [];
  const out: string[] = ['# Split-purchase review', ''];
  if (report.source !== undefined) out.push(`- Source: ${md(report.source)}`);
  if (report.policy?.name !== undefined) {
    out.push(`- Policy: ${md(report.policy.name)}${report.policy.citation ? ` (${md(report.policy.citation)})` : ''}`);
  }
  const decisions = decisionLine(report);
  out.push(
    `- Rows read: ${count(s.rows)}; analysed: ${count(s.analysed)}; rejected: ${count(s.rejected)}${setAside(s) ? `; set aside: ${setAside(s)}` : ''}`,
    `- Findings: ${count(s.findings)}${s.shown !== s.findings ? ` (${count(s.shown)} shown)` : ''}`,
    ...(large.length > 0 ? [`- Large runs (not findings): ${count(large.length)}`] : []),
    ...(decisions !== undefined ? [`- Decisions: ${decisions}`] : []),
    ...(report.warnings ?? []).map((w) => `- **Warning:** ${md(w.message)}`),
    '',
    'Each finding is a candidate for human review, not a conclusion: a reviewer decides whether the',
    'purchases were one requirement and whether an exception applies.',
    '',
  );
  if (report.findings.length === 0) out.push('No findings.', '');
  for (const f of report.findings as readonly AnyFinding[]) {
    out.push(`## ${f.rank}\\. ${headline(f, md)}`, '');
    const review = reviewLine(f, md);
    if (review !== undefined) out.push(`- Status: ${review}`);
    out.push(
      `- Finding id: ${md(f.id)}; score ${f.score.toFixed(2)}`,
      `- Period: ${f.start} to ${f.end} (${spanText(f.spanDays)})`,
      `- Threshold: ${md(f.threshold.id)} ${amount(f.threshold.amount)} ${f.threshold.currency}${f.threshold.source ? ` — ${md(f.threshold.source)}` : ''}`,
    );
    if (f.rule) out.push(`- Rule: ${md(f.rule.name)}${f.rule.citation ? ` (${md(f.rule.citation)})` : ''}`);
    out.push('', `> ${md(f.explanation)}`, '');
    out.push('| # | line | id | date | vendor | amount | subject | category | project | method | document |');
    out.push('|---|---|---|---|---|---:|---|---|---|---|---|');
    f.parts.forEach((p, i) => {
      const line = `${p.file !== undefined ? `${md(p.file)}:` : ''}${p.line ?? ''}`;
      out.push(
        `| ${i + 1} | ${line} | ${md(p.id)} | ${p.date} | ${md(p.vendor)} | ${amount(p.amount)} ${p.currency}${converted(p, f.currency)} | ${md(p.subject)} | ${md(p.category)} | ${md(p.project)} | ${md(p.method)} | ${md(p.document)} |`,
      );
    });
    out.push(`| | | | | **total** | **${amount(f.total)} ${f.currency}** | | | | | |`, '', 'Reasons:', '');
    for (const r of [...f.reasons].sort((a, b) => b.strength * b.weight - a.strength * a.weight)) {
      out.push(`- ${against(r)}**${r.code}** (strength ${r.strength.toFixed(2)}, weight ${r.weight}): ${md(r.message)}`);
    }
    out.push('', reviewerBoxes(f.status), '');
  }
  if (large.length > 0) {
    out.push('## Large runs (not findings)', '');
    for (const l of large) out.push(`- ${largeRunLine(l, md)}. ${md(l.explanation)}`);
    out.push('');
  }
  if (report.buyers !== undefined) out.push(...buyersMarkdown(report.buyers));
  const dismissed = dismissedOf(report);
  if (dismissed.length > 0) {
    out.push('## Dismissed', '');
    for (const f of dismissed) out.push(`- ${f.rank}\\. ${headline(f, md)} — ${reviewLine(f, md) ?? ''}`);
    out.push('');
  }
  if (report.provenance !== undefined) out.push(...provenanceMarkdown(report.provenance));
  return `${out.join('\n')}\n`;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function width(s: string): number {
  let w = 0;
  for (const c of s) w += WIDE.test(c) ? 2 : 1;
  return w;
}

function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

function clip(s: string, n: number): string {
  if (width(s) <= n) return s;
  let out = '';
  let w = 0;
  for (const c of s) {
    w += WIDE.test(c) ? 2 : 1;
    if (w > n - 1) break;
    out += c;
  }
  return `${out}…`;
}

/** Widest record id the table shows whole (longer ones are cut, with `…`). */
const ID_WIDTH = 20;

/** SGR styles of the table, applied only when colour is on. */
const STYLE = { bold: ['\u001b[1m', '\u001b[22m'], dim: ['\u001b[2m', '\u001b[22m'], yellow: ['\u001b[33m', '\u001b[39m'] } as const;

/**
 * A text report for terminals: per finding a headline, its period and threshold, its parts, and the
 * reasons that counted (some strength and weight), strongest first, in full: why it looks
 * deliberate (half strength or more), the weaker signs, then what speaks against it. Text
 * from the ledger is shown with its control characters as escapes, so it cannot drive the terminal.
 */
function reportToTable(report: AnyReport, color: boolean): string {
  const paint = (style: keyof typeof STYLE, text: string): string => (color ? `${STYLE[style][0]}${text}${STYLE[style][1]}` : text);
  const t = terminalText;
  const s = report.summary;
  const out: string[] = (report.warnings ?? []).map((w) => paint('yellow', `warning: ${t(w.message)}`));
  if (out.length > 0) out.push('');
  for (const f of report.findings as readonly AnyFinding[]) {
    const review = reviewLine(f, t);
    out.push(paint('bold', `#${f.rank}  score ${f.score.toFixed(2)}  ${headline(f, t)}`));
    if (review !== undefined) out.push(`    status: ${review}`);
    out.push(`    ${f.start} → ${f.end} (${spanText(f.spanDays)})  threshold ${t(f.threshold.id)}${f.rule ? `  rule ${t(f.rule.name)}` : ''}`);
    const amountWidth = Math.max(...f.parts.map((p) => amount(p.amount).length));
    // Ids shown whole up to ID_WIDTH (a record named after its content, `R3fa9c2e1b4d0-2`, among them).
    const idWidth = Math.min(Math.max(12, ...f.parts.map((p) => width(t(p.id)))), ID_WIDTH);
    for (const p of f.parts) {
      out.push(
        `    ${p.date}  ${pad(clip(t(p.id), idWidth), idWidth)}  ${pad(clip(t(p.vendor), 28), 28)}  ${pad(amount(p.amount), amountWidth, true)} ${p.currency}${converted(p, f.currency)}  ${clip(t(p.subject ?? ''), 40)}`,
      );
    }
    const reasons = strongReasons(f);
    // The explanation's own list (looksDeliberate), the weaker signs apart, then the evidence against.
    const strong = (r: (typeof reasons)[number]) => looksDeliberate(r, f.parts.length);
    const groups = [
      ['why it looks deliberate', reasons.filter(strong)],
      ['weaker signs', reasons.filter((r) => !isAgainst(r.code) && !strong(r))],
      ['what speaks against it', reasons.filter((r) => isAgainst(r.code))],
    ] as const;
    for (const [heading, listed] of groups) {
      if (listed.length === 0) continue;
      out.push(`    ${heading}:`);
      for (const r of listed) out.push(`      - ${t(r.message)} ${paint('dim', `(${r.code} ${r.strength.toFixed(2)} × ${r.weight})`)}`);
    }
    out.push('');
  }
  if (report.findings.length === 0) out.push('No findings.');
  const large = report.largeRuns ?? [];
  if (large.length > 0) {
    out.push('', paint('bold', `${plural(large.length, 'large run')} (not findings: a rule that groups too much)`));
    for (const l of large) out.push(`    ${largeRunLine(l, t)}`);
    out.push('');
  }
  const dismissed = dismissedOf(report);
  if (dismissed.length > 0) out.push(`${plural(dismissed.length, 'dismissed finding')} not shown: ${dismissed.map((f) => `#${f.rank}`).join(', ')}`);
  const decisions = decisionLine(report);
  if (decisions !== undefined) out.push(`decisions: ${decisions}`);
  out.push(`${plural(s.findings, 'finding')}${s.shown !== s.findings ? ` (${count(s.shown)} shown)` : ''}; ${plural(s.rows, 'row')} read, ${count(s.analysed)} analysed, ${count(s.rejected)} rejected${setAside(s) ? `, ${setAside(s)}` : ''}`);
  return `${out.join('\n')}\n`;
}
