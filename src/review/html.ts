/**
 * The report as one self-contained HTML page for a reviewer: summary and provenance, a findings
 * table that sorts and filters, per-finding charts and parts, per-buyer flag rates and amount
 * distributions. Pure: no `node:` imports, so a notebook cell or a web page can call it.
 */
import type { Decimal } from 'decimal.js';
import { D, groupedMoney } from '../_lib/decimal.js';
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';
import { setAside, setAsideRows } from '../io/write/setAside.js';
import type { LargeRun } from '../report/largeRun.js';
import { CHART_LIBRARY } from './_assets.js';
import { reviewApp } from './_client.js';
import { allFindings } from './_findings.js';
import { escapeHtml, htmlPage, jsonForScript } from './_html.js';
import type { PageBuyer, PageData, PageDecision, PageFinding, PageHistogram, PagePart } from './_page.js';
import { OptionsError } from '../errors.js';
import type { DecidedReport, UnmatchedDecision } from './applyDecisions.js';
import { conflictWords, decisionWords, mergedWords, notShownWords, totalChangeWords, type Reviewed } from '../io/write/reviewWords.js';
import type { BuyerCoverage } from './coverage.js';
import { flagRates, pct, type FlagRatesOptions } from './flagRates.js';
import { normalizeText } from '../records/normalize.js';
import { crosses, totalComparison } from '../thresholds/compare.js';
import { checkOptions, checkShape, REPORT } from '../_lib/args.js';

/** A per-buyer bunching statistic (e.g. excess mass just under a threshold) to show beside its distribution. */
export interface BuyerBunching {
  readonly buyer: string;
  /** The threshold it measures against; absent: the buyer as a whole. */
  readonly threshold?: string;
  readonly value: number;
  /** What the value is, e.g. `'excess mass'` or `'McCrary θ'`. @defaultValue `'bunching'` */
  readonly label?: string;
}

/** Options of {@link toHtml}. */
export interface ToHtmlOptions {
  /**
   * Per-buyer coverage from `buyerCoverage(records, options)`: flag rates, warnings, not-applicable
   * counts and amount distributions. @defaultValue none: buyers are known from their findings only
   */
  readonly coverage?: readonly BuyerCoverage[] | undefined;
  /** Per-buyer bunching statistics to show. @defaultValue none */
  readonly bunching?: readonly BuyerBunching[] | undefined;
  /** When a buyer's flagged share warns, and every finding of a run the report is cut from (`findings`). @defaultValue see `FlagRatesOptions` */
  readonly flagRates?: FlagRatesOptions | undefined;
  /** The page title. @defaultValue `'Split-purchase review'` */
  readonly title?: string | undefined;
  /**
   * Buyers whose amount distributions are drawn (first in the buyers table's order: highest flagged
   * share, then most findings); the page grows by a few hundred bytes per buyer and threshold drawn.
   * @defaultValue 24
   */
  readonly maxBuyerCharts?: number | undefined;
  /** Rows per page of the tables. @defaultValue 50 */
  readonly pageSize?: number | undefined;
}

/**
 * Renders a report (from `buildReport`, or after `applyDecisions`) as one HTML page that opens
 * offline: no network request (its Content-Security-Policy forbids them), the chart library and the
 * page's script inlined and allowed by hash, every value from the report escaped or passed as JSON
 * and written as text. The page size grows linearly with findings (about 2 KB each) and buyers,
 * and by at most `maxBuyerCharts` × thresholds histograms; amounts are never embedded one by one.
 *
 * Runs in O(f·p + b log b) for f findings of p parts and b buyers.
 *
 * @throws {OptionsError} when `maxBuyerCharts` or `pageSize` is not a whole number ≥ 0 (≥ 1 for pageSize).
 * @example
 * // report, ledger, options: the seed's scan report, its ledger and its thresholds (docs/examples.md)
 * const html = toHtml(report, { coverage: buyerCoverage(ledger.records, options) })
 * html.startsWith('<!doctype html>') //=> true
 */
export function toHtml(report: ScanReport | DecidedReport, options: ToHtmlOptions = {}): string {
  checkShape(report, REPORT, 'toHtml', 'report');
  checkOptions(options, 'toHtml');
  const maxBuyerCharts = count(options.maxBuyerCharts, 24, 0, 'maxBuyerCharts');
  const pageSize = count(options.pageSize, 50, 1, 'pageSize');
  const title = options.title ?? 'Split-purchase review';
  const decided = 'decisions' in report ? report : undefined;
  const findings = allFindings(report as { findings: readonly ReportFinding[]; dismissed?: readonly ReportFinding[] });
  const rates = flagRates(report as ScanReport, options.coverage ?? [], options.flagRates ?? {});
  const bunching = bunchingByBuyer(options.bunching ?? []);

  const buyers: PageBuyer[] = rates.buyers.map((b) => {
    const c = b.coverage;
    const warning = rates.warnings.filter((w) => w.buyer === b.buyer).map((w) => w.message).join(' ');
    return {
      buyer: b.buyer,
      findings: b.findings,
      flagged: b.flagged,
      flaggedSpend: money(b.flaggedSpend),
      currency: b.currency,
      purchaseShare: b.purchaseShare ?? null,
      spendShare: b.spendShare ?? null,
      records: c?.records ?? null,
      assessed: c?.assessed ?? null,
      assessedSpend: c ? money(c.assessedSpend) : '',
      na: c ? [c.notApplicable.noThreshold, c.notApplicable.currency, c.notApplicable.excluded, c.notApplicable.ungrouped, c.notApplicable.tooFewRecords] : null,
      bunching: bunchingText(bunching.get(normalizeText(b.buyer))?.get('') ?? []),
      warning,
    };
  });
  const histograms: PageHistogram[] = rates.buyers
    .filter((b) => b.coverage !== undefined && b.coverage.histograms.length > 0)
    .slice(0, maxBuyerCharts)
    .flatMap((b) =>
      (b.coverage as BuyerCoverage).histograms.map((g) => ({
        buyer: b.buyer,
        threshold: g.threshold,
        limit: money(g.amount),
        currency: b.coverage?.currency ?? '',
        from: g.from,
        to: g.to,
        counts: g.counts,
        below: g.below,
        above: g.above,
        bunching: bunchingText(bunching.get(normalizeText(b.buyer))?.get(g.threshold) ?? []),
      })),
    );
  const data: PageData = {
    findings: findings.map(pageFinding),
    buyers,
    histograms,
    reviewed: decided !== undefined,
    coverage: options.coverage !== undefined,
    pageSize,
  };

  const e = escapeHtml;
  const s = report.summary;
  const body = [
    '<header>',
    `<h1>${e(title)}</h1>`,
    `<p class="muted">${[report.source !== undefined ? `Source: <code>${e(report.source)}</code>` : '', report.policy?.name ? `Policy: ${e(report.policy.name)}${report.policy.citation ? ` (${e(report.policy.citation)})` : ''}` : ''].filter(Boolean).join(' · ')}</p>`,
    '<p class="note">Each finding is a candidate for a human review, not a conclusion: a reviewer decides whether the purchases were one requirement and whether an exception applies.</p>',
    '</header>',
    '<section id="summary"><h2>Summary</h2>',
    `<div class="cards">${card('rows read', s.rows)}${card('analysed', s.analysed)}${card('rejected', s.rejected)}${setAsideRows(s) > 0 ? card('set aside', setAsideRows(s), setAside(s)) : ''}${card('findings', s.findings, s.shown !== s.findings ? `${s.shown} shown` : '')}${decided ? DECISION_ORDER.map((k) => card(k, decided.decisions.counts[k], k === 'open' && decided.decisions.undecided ? `${decided.decisions.undecided} undecided` : '')).join('') : ''}</div>`,
    // The report's own warnings (rows rejected, missing rates, large runs …), then the flag rates computed here.
    warningsHtml([...(report.warnings ?? []).filter((w) => w.code !== 'flag_rate').map((w) => w.message), ...rates.warnings.map((w) => w.message)], rates.partial, decided?.decisions.partial ?? false),
    largeRunsHtml(report.largeRuns ?? []),
    decided ? decisionsHtml(decided) : '',
    rejectsHtml(report),
    byThresholdHtml(findings),
    byBuyerHtml(rates.buyers.filter((b) => b.findings > 0)),
    provenanceHtml((report as { provenance?: unknown }).provenance),
    '</section>',
    `<section id="findings-section"><h2>Findings (${report.findings.length})</h2>`,
    '<p class="muted">Click a row for its parts on a time axis, its reasons and its explanation. Click a column title to sort.</p>',
    '<div id="findings-table"></div>',
    '<noscript><p>The findings table needs JavaScript; the summary above does not.</p></noscript>',
    '</section>',
    decided && decided.dismissed.length > 0 ? `<section id="dismissed-section"><h2>Dismissed (${decided.dismissed.length})</h2><div id="dismissed-table"></div></section>` : '',
    `<section id="buyers-section"><h2>Buyers (${buyers.length})</h2>`,
    options.coverage === undefined
      ? '<p class="muted">Flag rates, not-applicable counts and amount distributions need the buyers\' coverage: <code>toHtml(report, { coverage: buyerCoverage(records, options) })</code>.</p>'
      : '<p class="muted">Assessed: purchases with a threshold in force. Not applicable: no threshold in force for the date or category, a currency without an exchange rate, a competitive or framework procedure or an exemption, or too few purchases to split.</p>',
    '<div id="buyers-table"></div>',
    histograms.length > 0
      ? `<h3>Purchase amounts around each threshold</h3><p class="muted">Each bar counts purchases by amount as a share of the limit; orange bars lie within 10% below it, the dashed line is the limit. Mass just under a limit is what bunching tests measure.${rates.buyers.filter((b) => b.coverage?.histograms.length).length > histograms.length ? ` The first ${maxBuyerCharts} buyers are drawn.` : ''}</p><div id="histograms" class="histograms"></div>`
      : '',
    '</section>',
    `<footer class="muted">Made with splitscan. Charts: ${e(CHART_LIBRARY.name)} ${e(CHART_LIBRARY.version)} (${e(CHART_LIBRARY.license)}).</footer>`,
    `<script type="application/json" id="splitscan-data">${jsonForScript(data)}</script>`,
  ].join('\n');
  return htmlPage({
    title,
    body,
    style: PAGE_CSS + CHART_LIBRARY.css,
    scripts: [CHART_LIBRARY.js, `(${reviewApp.toString()})(document, uPlot);`],
  });
}

const DECISION_ORDER = ['open', 'confirmed', 'exempt', 'dismissed'] as const;

const money = (s: string): string => groupedMoney(new D(s));
/** Text as it is: the page escapes it where it is written. */
const asText = (s: string): string => s;

function count(v: number | undefined, fallback: number, min: number, name: string): number {
  const x = v ?? fallback;
  if (!Number.isInteger(x) || x < min) throw new OptionsError('toHtml', [{ path: [name], message: `${name} must be a whole number ≥ ${min}` }]);
  return x;
}

/** A finding as the page's script reads it: exact running totals, the crossing part. */
function pageFinding(f: ReportFinding & Reviewed): PageFinding {
  const limit = new D(f.threshold.amount);
  let running: Decimal = new D(0);
  let crossing = -1;
  const parts = f.parts.map((p, i): PagePart => {
    const value = new D(p.converted);
    running = running.plus(value);
    if (crossing < 0 && crosses(running, limit, totalComparison(f.threshold))) crossing = i;
    return [p.id, p.date, p.vendor, money(p.amount), p.currency, value.toNumber(), groupedMoney(running), running.toNumber(), p.subject ?? '', p.category ?? '', p.project ?? '', p.method ?? '', p.document ?? '', p.line ?? null];
  });
  const d = f.decision;
  const decision: PageDecision | undefined = d && {
    status: d.status,
    reviewer: d.reviewer ?? '',
    date: d.date ?? '',
    note: d.note ?? '',
    finding: d.finding,
    changed: d.changed,
    added: d.added,
    removed: d.removed,
    total: d.totalChange !== undefined ? totalChangeWords(d.totalChange, asText) : '',
  };
  return {
    id: f.id,
    rank: f.rank,
    score: f.score,
    buyer: f.buyer,
    vendors: f.vendors,
    threshold: f.threshold.id,
    limit: money(f.threshold.amount),
    limitValue: limit.toNumber(),
    procedure: f.threshold.procedure,
    cmp: totalComparison(f.threshold) === 'above' ? '>' : '≥',
    total: money(f.total),
    totalValue: new D(f.total).toNumber(),
    currency: f.currency,
    start: f.start,
    end: f.end,
    span: f.spanDays,
    status: f.status ?? '',
    ...(decision ? { decision } : {}),
    ...(f.conflict ? { conflict: conflictWords(f, asText) } : {}),
    ...(f.merged ? { merged: mergedWords(f, asText) } : {}),
    explanation: f.explanation,
    rule: f.rule ? `${f.rule.name}${f.rule.citation ? ` (${f.rule.citation})` : ''}` : '',
    reasons: f.reasons.map((r) => [r.code, r.value, r.strength, r.weight, r.message]),
    parts,
    crossing,
  };
}

function bunchingByBuyer(list: readonly BuyerBunching[]): Map<string, Map<string, BuyerBunching[]>> {
  const out = new Map<string, Map<string, BuyerBunching[]>>();
  for (const b of list) {
    const key = normalizeText(b.buyer);
    const byThreshold = out.get(key) ?? new Map<string, BuyerBunching[]>();
    out.set(key, byThreshold);
    const t = b.threshold ?? '';
    byThreshold.set(t, [...(byThreshold.get(t) ?? []), b]);
  }
  return out;
}

function bunchingText(list: readonly BuyerBunching[]): string {
  return list.map((b) => `${b.label ?? 'bunching'} ${Number.isFinite(b.value) ? +b.value.toFixed(3) : String(b.value)}`).join('; ');
}

function card(label: string, value: number, note = ''): string {
  return `<div class="card"><div class="value">${value.toLocaleString('en')}</div><div class="label">${escapeHtml(label)}</div>${note ? `<div class="muted small">${escapeHtml(note)}</div>` : ''}</div>`;
}

/** The windows too crowded to be findings, each with its explanation (what to narrow). */
function largeRunsHtml(large: readonly LargeRun[]): string {
  if (large.length === 0) return '';
  const e = escapeHtml;
  const items = large.map((l) => `<li><b>${e(l.buyer)}</b>: ${l.parts.toLocaleString('en')} purchases ${l.start === l.end ? `on ${e(l.start)}` : `from ${e(l.start)} to ${e(l.end)}`}, ${e(money(l.total))} ${e(l.currency)}. ${e(l.explanation)}</li>`);
  return `<details class="large-runs"><summary>Large runs, not findings (${large.length.toLocaleString('en')})</summary><ul>${items.join('')}</ul></details>`;
}

function warningsHtml(messages: readonly string[], partialRates: boolean, partialDecisions: boolean): string {
  const items = [...messages];
  const counted = [partialRates ? 'flag rates count the findings listed (lower bounds)' : '', partialDecisions ? 'decisions about findings not listed look gone' : ''].filter(Boolean);
  if (counted.length > 0) items.push(`This report lists only the top findings (--top): ${counted.join('; ')}.`);
  if (items.length === 0) return '';
  return `<div class="warnings" role="alert"><h3>Warnings</h3><ul>${items.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></div>`;
}

function decisionsHtml(report: DecidedReport): string {
  const d = report.decisions;
  const lines: string[] = [];
  if (d.changed > 0) lines.push(`${d.changed} finding${d.changed === 1 ? '' : 's'} changed since the decision (records added or removed, or another total): look again.`);
  for (const f of [...report.findings, ...report.dismissed]) if (f.conflict) lines.push(`Finding #${f.rank} (${f.id}) is open: ${conflictWords(f, asText)}.`);
  for (const u of d.unmatched.filter((x) => x.reason === 'gone')) {
    lines.push(`Decision about ${u.decision.finding} (${decisionWords(u.decision, asText)}) applies to no finding of this run: its records are in no finding${d.partial ? ' listed' : ''}.`);
  }
  const notShown = d.unmatched.filter((x) => x.reason !== 'gone');
  const counted = notShownWords(d, (n) => n.toLocaleString('en')).replace(/ about findings not shown/u, ' are about findings this report does not show');
  const about = (u: UnmatchedDecision) =>
    `Decision about ${u.decision.finding} (${decisionWords(u.decision, asText)}): ${u.reason === 'top' ? `finding ${u.rank !== undefined ? `#${u.rank} ` : ''}${u.finding ?? ''}, cut by --top` : `${u.finding ?? ''}, scoring ${u.score?.toFixed(2) ?? ''}, under --min-score`}.`;
  const list = notShown.length > 0 ? `<li>${escapeHtml(`${counted}: they still apply; ${[notShown.some((u) => u.reason === 'top') ? 'without --top' : '', notShown.some((u) => u.reason === 'minScore') ? 'with a lower --min-score' : ''].filter(Boolean).join(' and ')} the report shows their findings.`)}<details><summary>Those decisions</summary><ul>${notShown.map((u) => `<li>${escapeHtml(about(u))}</li>`).join('')}</ul></details></li>` : '';
  if (lines.length === 0 && list === '') return '';
  return `<h3>Decisions</h3><ul class="decisions">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}${list}</ul>`;
}

function rejectsHtml(report: ScanReport): string {
  if (report.rejects.length === 0) return '';
  const byCode = new Map<string, { n: number; example: string; fields: Set<string> }>();
  for (const r of report.rejects) {
    // Its file named, as the rejects CSV and `inspect` name it: a line number alone is ambiguous over several files.
    const g = byCode.get(r.code) ?? { n: 0, example: r.file !== undefined ? `${r.file} ${r.message}` : r.message, fields: new Set<string>() };
    g.n++;
    if (r.field) g.fields.add(r.field);
    byCode.set(r.code, g);
  }
  const rows = [...byCode.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  return `<h3>Rejected rows by reason</h3><table><thead><tr><th>reason</th><th class="num">rows</th><th>fields</th><th>for example</th></tr></thead><tbody>${rows
    .map(([code, g]) => `<tr><td><code>${escapeHtml(code)}</code></td><td class="num">${g.n.toLocaleString('en')}</td><td>${escapeHtml([...g.fields].sort().join(', '))}</td><td>${escapeHtml(g.example)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function byThresholdHtml(findings: readonly ReportFinding[]): string {
  if (findings.length === 0) return '<p>No findings.</p>';
  const groups = new Map<string, { f: ReportFinding; n: number; total: Decimal }>();
  for (const f of findings) {
    const key = `${f.threshold.id}\u0000${f.currency}`;
    const g = groups.get(key) ?? { f, n: 0, total: new D(0) };
    g.n++;
    g.total = g.total.plus(new D(f.total));
    groups.set(key, g);
  }
  const rows = [...groups.values()].sort((a, b) => b.n - a.n || (a.f.threshold.id < b.f.threshold.id ? -1 : 1));
  return `<h3>Findings by threshold</h3><table><thead><tr><th>threshold</th><th>procedure</th><th class="num">limit</th><th class="num">findings</th><th class="num">their total</th></tr></thead><tbody>${rows
    .map(
      ({ f, n, total }) =>
        `<tr><td><code>${escapeHtml(f.threshold.id)}</code></td><td>${escapeHtml(f.threshold.procedure)}</td><td class="num">${totalComparison(f.threshold) === 'above' ? '&gt;' : '≥'} ${escapeHtml(money(f.threshold.amount))} ${escapeHtml(f.currency)}</td><td class="num">${n.toLocaleString('en')}</td><td class="num">${escapeHtml(groupedMoney(total))} ${escapeHtml(f.currency)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function byBuyerHtml(buyers: readonly { buyer: string; findings: number; flagged: number; flaggedSpend: string; currency: string; purchaseShare?: number }[]): string {
  if (buyers.length === 0) return '';
  const top = [...buyers].sort((a, b) => b.findings - a.findings || (a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : 0)).slice(0, 10);
  return `<h3>Findings by buyer${buyers.length > top.length ? ` (the ${top.length} with most; all under Buyers)` : ''}</h3><table><thead><tr><th>buyer</th><th class="num">findings</th><th class="num">flagged purchases</th><th class="num">flagged spend</th><th class="num">share of purchases</th></tr></thead><tbody>${top
    .map(
      (b) =>
        `<tr><td>${escapeHtml(b.buyer)}</td><td class="num">${b.findings.toLocaleString('en')}</td><td class="num">${b.flagged.toLocaleString('en')}</td><td class="num">${escapeHtml(money(b.flaggedSpend))} ${escapeHtml(b.currency)}</td><td class="num">${b.purchaseShare === undefined ? '–' : pct(b.purchaseShare)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/**
 * The run's provenance (tool version, inputs with hashes, column mapping, options, thresholds …),
 * whatever its shape: objects as definition lists, lists of objects as tables, long lists cut.
 * Closed until opened: it is reference, and a run over many files would put screens of it between
 * the summary and the findings.
 */
function provenanceHtml(provenance: unknown): string {
  if (provenance === undefined || provenance === null) return '';
  return `<details id="provenance"><summary><h3>Provenance of this run</h3></summary>${valueHtml(provenance, 0)}</details>`;
}

const MAX_ITEMS = 50;
const MAX_DEPTH = 5;

function valueHtml(v: unknown, depth: number): string {
  const e = escapeHtml;
  if (v === null || v === undefined) return '<span class="muted">–</span>';
  // A tab delimiter or a blank value shows as written in JSON, not as nothing.
  if (typeof v === 'string') return v.trim() === '' ? `<code>${e(JSON.stringify(v))}</code>` : e(v.length > 2000 ? `${v.slice(0, 2000)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return e(String(v));
  if (typeof v !== 'object') return e(String(v));
  if (depth >= MAX_DEPTH) return `<code>${e(truncate(safeJson(v), 500))}</code>`;
  const more = (n: number) => (n > MAX_ITEMS ? `<p class="muted">… and ${(n - MAX_ITEMS).toLocaleString('en')} more</p>` : '');
  if (Array.isArray(v)) {
    if (v.length === 0) return '<span class="muted">none</span>';
    const shown = v.slice(0, MAX_ITEMS);
    if (shown.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))) {
      const keys = [...new Set(shown.flatMap((x) => Object.keys(x as object)))].slice(0, 16);
      return `<table class="provenance"><thead><tr>${keys.map((k) => `<th>${e(k)}</th>`).join('')}</tr></thead><tbody>${shown
        .map((x) => `<tr>${keys.map((k) => `<td>${valueHtml((x as Record<string, unknown>)[k], depth + 1)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>${more(v.length)}`;
    }
    if (shown.every((x) => x === null || typeof x !== 'object')) return `${shown.map((x) => valueHtml(x, depth + 1)).join(', ')}${v.length > MAX_ITEMS ? ` … and ${(v.length - MAX_ITEMS).toLocaleString('en')} more` : ''}`;
    return `<ol>${shown.map((x) => `<li>${valueHtml(x, depth + 1)}</li>`).join('')}</ol>${more(v.length)}`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return '<span class="muted">none</span>';
  return `<dl class="provenance">${entries
    .slice(0, MAX_ITEMS)
    .map(([k, x]) => `<dt>${e(k)}</dt><dd>${valueHtml(x, depth + 1)}</dd>`)
    .join('')}</dl>${more(entries.length)}`;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

const truncate = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

const PAGE_CSS = `
header .note{background:var(--soft);border-left:3px solid var(--accent);padding:6px 10px;margin:8px 0}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:110px}
.card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.card .label{color:var(--muted)}
.small{font-size:12px}
.filters{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}
.filters input,.filters select{font:inherit;padding:3px 6px}
.filters input[type=number]{width:5em}
table.grid{width:100%}
table.grid th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
table.grid th[aria-sort=ascending] button::after{content:" ▲"}
table.grid th[aria-sort=descending] button::after{content:" ▼"}
tr.expandable{cursor:pointer}
tr.expandable:hover{background:#f7f9fc}
tr.expandable .toggle::before{content:"▸ ";color:var(--muted)}
tr.expandable[aria-expanded=true] .toggle::before{content:"▾ "}
tr.detail>td{background:#fbfcfe;padding:8px 12px 16px}
tr.warn{background:var(--warnbg)}
.warning-text{color:var(--warn);font-size:12px;max-width:60ch}
.pager{display:flex;gap:12px;align-items:center;margin:4px 0 12px}
.pager button{font:inherit}
.status{padding:1px 6px;border-radius:4px;background:var(--soft);white-space:nowrap}
.status.confirmed{background:#fde2df;color:var(--bad)}
.status.exempt{background:#e3f1e6;color:#1e6b34}
.status.dismissed{background:#eceef2;color:var(--muted)}
.changed{color:var(--warn);font-weight:600}
.explanation{max-width:100ch}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin:8px 0}
figure{margin:0}
figcaption{font-size:12px;color:var(--muted);margin-bottom:4px;max-width:60ch}
.legend{display:flex;gap:14px;font-size:12px;color:var(--muted);margin-top:4px}
.swatch{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle;background:var(--c)}
.swatch.line{height:3px}
.swatch.dash{height:0;border-top:2px dashed var(--c);background:none}
.swatch.dot{width:10px;border-radius:50%;border:2px solid var(--c);background:#fff}
table.parts td,table.reasons td{font-size:13px}
tr.crossing td{background:#fff0ee}
.histograms{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:18px}
#provenance{overflow-x:auto}
table.provenance td{overflow-wrap:anywhere}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}
dl.provenance dt{color:var(--muted)}
dl.provenance dd{margin:0}
details summary h3{display:inline}
footer{margin-top:32px;font-size:12px}
`;
