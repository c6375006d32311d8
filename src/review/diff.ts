/**
 * What changed between two runs (last month's report and this month's, on a longer ledger): new,
 * gone, persisting and changed findings, with totals; as data, Markdown and HTML.
 */
import { D, groupedMoney, moneyString } from '../_lib/decimal.js';
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';
import { allFindings, isPartial } from './_findings.js';
import { escapeHtml, htmlPage } from './_html.js';
import { matchRecordSets } from './_match.js';
import { fileRecords, reportFiles, translator } from './_fileIds.js';
import { readingDifferences, ruleDifferences } from './_rules.js';
import { checkShape, REPORT, type Shape } from '../_lib/args.js';
import { OptionsError } from '../errors.js';

/** Schema tag of {@link ReportDiff}. */
export const DIFF_SCHEMA = 'splitscan/diff@1';

/**
 * A finding of the earlier run that is in the later one otherwise: with other records (and so
 * another id), under another threshold, or with the same records at other amounts (another total).
 */
export interface FindingChange {
  readonly before: ReportFinding;
  readonly after: ReportFinding;
  /** Record ids it gained, sorted. */
  readonly added: readonly string[];
  /** Record ids it lost, sorted. */
  readonly removed: readonly string[];
  /** Records in both whose amount (or currency) changed, in the later run's part order. */
  readonly amounts: readonly AmountChange[];
}

/** A record's amount in the earlier run and the later one (exact decimal strings); `currencyBefore` only when its currency changed. */
export interface AmountChange {
  /** Its id in the later run. */
  readonly id: string;
  readonly before: string;
  readonly after: string;
  readonly currency: string;
  readonly currencyBefore?: string;
}

/** How many findings of one kind, and their totals per currency (exact decimal strings). */
export interface DiffTotal {
  readonly findings: number;
  readonly amount: Readonly<Record<string, string>>;
}

/** One side of a diff. */
export interface DiffSide {
  readonly source?: string;
  readonly findings: number;
  /** True when the report lists fewer findings than were found (`top`): the diff is then partial. */
  readonly partial: boolean;
}

/**
 * What the reader of a diff should know first: the reports were made under different rules
 * (`different_rules`), or read their files with different reading options (`different_reading`).
 */
export interface DiffWarning {
  readonly code: 'different_rules' | 'different_reading' | 'renamed_ids';
  readonly message: string;
}

/** What {@link diffReports} returns. */
export interface ReportDiff {
  readonly schema: typeof DIFF_SCHEMA;
  readonly before: DiffSide;
  readonly after: DiffSide;
  /**
   * Empty, or a `different_rules` warning naming what differs between the reports' policies,
   * thresholds and detection options (findings may then be new or gone because of the rules), and
   * a `different_reading` one naming the reading options that differ (`dateFormat`, `map.buyer`,
   * `decimalComma` …: rows may then be other records, or hold other values).
   */
  readonly warnings: readonly DiffWarning[];
  /** In the later run only, by rank there. */
  readonly new: readonly ReportFinding[];
  /** In the earlier run only, by rank there. */
  readonly gone: readonly ReportFinding[];
  /** The same finding (the same records, threshold and amounts) in both; the later run's copy. */
  readonly persisting: readonly ReportFinding[];
  /** Findings that share records across the runs but not all of them, or hold them at other amounts or under another threshold, by rank in the later run. */
  readonly changed: readonly FindingChange[];
  /** Totals; those of `changed` are the later run's. */
  readonly totals: { readonly new: DiffTotal; readonly gone: DiffTotal; readonly persisting: DiffTotal; readonly changed: DiffTotal };
}

/**
 * Compares two reports: findings with the same id pair first; of the rest, findings sharing
 * records are paired (most shared records first, one to one); what is left is new or gone. A pair
 * persists when its records, threshold, total and every part's amount are the same; otherwise it
 * changed (`added`, `removed`, `amounts`, and the totals of `before` and `after`). Record ids that
 * one run prefixed with their file and the other did not (`1`, `jan.csv:1`: ids found in several
 * files read together are prefixed) are recognised by their file and own id, when only one record
 * of the later run can be meant, with a `renamed_ids` warning. So
 * `before.findings = persisting + changed + gone` and `after.findings = persisting + changed + new`,
 * and no gone finding shares a record with a new one. Dismissed findings of decided reports count
 * like any other; review statuses ride along on the findings. The result does not depend on the
 * order of either report's findings.
 *
 * Runs in O(r + p log p) for r record ids in both reports and p overlapping pairs.
 *
 * @example
 * // report: the seed's scan report (buildReport; docs/examples.md)
 * const diff = diffReports(report, { ...report, findings: [] }); // the seed's one finding, then none
 * [diff.new.length, diff.changed.length, diff.gone.length, diff.persisting.length] //=> [0, 0, 1, 0]
 * diffReports(report, report).persisting.length //=> 1
 */
export function diffReports(before: ScanReport, after: ScanReport): ReportDiff {
  checkShape(before, REPORT, 'diffReports', 'before');
  checkShape(after, REPORT, 'diffReports', 'after');
  const a = allFindings(before);
  const b = allFindings(after);
  // The earlier run's record ids as the later run writes them (`1` → `jan.csv:1`), where only one record can be meant.
  const filesA = reportFiles({ provenance: before.provenance, findings: a });
  const filesB = reportFiles({ provenance: after.provenance, findings: b });
  const translate = translator(fileRecords(b, filesB), filesB);
  const renamed = new Map<string, string>();
  const ambiguous = new Map<string, readonly string[]>();
  for (const r of fileRecords(a, filesA)) {
    const t = translate(r.id, r.file);
    if (t !== undefined && 'to' in t) renamed.set(r.id, t.to);
    else if (t !== undefined) ambiguous.set(r.id, t.ambiguous);
  }
  const now = (id: string): string => renamed.get(id) ?? id;
  const sideA = a.map((f) => ({ id: f.id, buyer: f.buyer, recordIds: f.recordIds.map(now), f }));
  const sideB = b.map((f) => ({ id: f.id, buyer: f.buyer, recordIds: f.recordIds, f }));
  const match = matchRecordSets(sideA, sideB);
  const byRank = (x: ReportFinding, y: ReportFinding) => x.rank - y.rank;
  const pairs = match.pairs.map((p): FindingChange => ({ before: p.a.f, after: p.b.f, added: p.added, removed: p.removed, amounts: amountChanges(p.a.f, p.b.f, now) }));
  const same = (c: FindingChange): boolean =>
    c.added.length === 0 && c.removed.length === 0 && c.amounts.length === 0 && c.before.threshold.id === c.after.threshold.id && c.before.currency === c.after.currency && new D(c.before.total).eq(new D(c.after.total));
  const persisting = pairs.filter(same).map((c) => c.after).sort(byRank);
  const changed = pairs.filter((c) => !same(c)).sort((x, y) => byRank(x.after, y.after));
  const added = match.onlyB.map((x) => x.f).sort(byRank);
  const gone = match.onlyA.map((x) => x.f).sort(byRank);
  const side = (r: ScanReport, n: number): DiffSide => ({ ...(r.source !== undefined ? { source: r.source } : {}), findings: n, partial: isPartial(r) });
  const rules = ruleDifferences(before, after);
  const reading = readingDifferences(before, after);
  const warnings: DiffWarning[] = [
    ...(rules.length === 0 ? [] : [{ code: 'different_rules' as const, message: `the two reports were made under different rules, so a finding may be new or gone because of the rules, not the ledger: ${rules.join('; ')}` }]),
    ...(reading.length === 0 ? [] : [{ code: 'different_reading' as const, message: `the two reports read their files with different reading options, so a finding may be new, gone or changed because of how the rows were read, not the ledger: ${reading.join('; ')}` }]),
    ...renamedWarning(renamed, ambiguous),
  ];
  return {
    schema: DIFF_SCHEMA,
    before: side(before, a.length),
    after: side(after, b.length),
    warnings,
    new: added,
    gone,
    persisting,
    changed,
    totals: { new: total(added), gone: total(gone), persisting: total(persisting), changed: total(changed.map((c) => c.after)) },
  };
}

/** The parts of `after` whose amount or currency differ from the same record's in `before` (its ids read by `now`). */
function amountChanges(before: ReportFinding, after: ReportFinding, now: (id: string) => string): AmountChange[] {
  const was = new Map(before.parts.map((p) => [now(p.id), p]));
  const out: AmountChange[] = [];
  for (const p of after.parts) {
    const q = was.get(p.id);
    if (q === undefined || (q.currency === p.currency && new D(q.amount).eq(new D(p.amount)))) continue;
    out.push({ id: p.id, before: q.amount, after: p.amount, currency: p.currency, ...(q.currency !== p.currency ? { currencyBefore: q.currency } : {}) });
  }
  return out;
}

/** Examples of a map's entries, `a → b`, at most three. */
const some = (entries: readonly string[]): string => `${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ` and ${entries.length - 3} more` : ''}`;

/**
 * A `renamed_ids` warning when record ids of the earlier report are written otherwise in the later
 * one (recognised), or could be any of several of its records (not matched).
 */
function renamedWarning(renamed: ReadonlyMap<string, string>, ambiguous: ReadonlyMap<string, readonly string[]>): DiffWarning[] {
  if (renamed.size === 0 && ambiguous.size === 0) return [];
  const why = 'an id found in several files read together is prefixed with its file';
  const parts = [
    renamed.size > 0 ? `${renamed.size} record id${renamed.size === 1 ? '' : 's'} of the earlier report ${renamed.size === 1 ? 'is' : 'are'} written otherwise in the later one (${some([...renamed].map(([x, y]) => `${x} → ${y}`))}; ${why}): recognised by ${renamed.size === 1 ? 'its' : 'their'} file and id` : '',
    ambiguous.size > 0 ? `${ambiguous.size} record id${ambiguous.size === 1 ? '' : 's'} of the earlier report could be any of several records of the later one (${some([...ambiguous].map(([x, ys]) => `${x}: ${ys.join(' or ')}`))}): not matched, so ${ambiguous.size === 1 ? 'its finding' : 'their findings'} may look gone and new` : '',
  ];
  return [{ code: 'renamed_ids', message: parts.filter(Boolean).join('; ') }];
}

function total(findings: readonly ReportFinding[]): DiffTotal {
  const sums = new Map<string, InstanceType<typeof D>>();
  for (const f of findings) sums.set(f.currency, (sums.get(f.currency) ?? new D(0)).plus(new D(f.total)));
  const amount: Record<string, string> = {};
  for (const c of [...sums.keys()].sort()) amount[c] = moneyString(sums.get(c) as InstanceType<typeof D>);
  return { findings: findings.length, amount };
}

/** What {@link formatDiff} reads of a diff first. */
const DIFF: Shape = { what: 'a diff from diffReports', fields: { before: 'object', after: 'object', new: 'array', gone: 'array', persisting: 'array', changed: 'array', totals: 'object' } };

/** Output formats of {@link formatDiff}. */
export type DiffFormat = 'md' | 'html' | 'json';

/**
 * Renders a {@link ReportDiff}: `md` for working papers, `html` as one self-contained page (no
 * scripts, every value escaped), `json` as the diff itself.
 */
export function formatDiff(diff: ReportDiff, format: DiffFormat): string {
  checkShape(diff, DIFF, 'formatDiff', 'diff');
  switch (format) {
    case 'json':
      return `${JSON.stringify(diff, null, 2)}\n`;
    case 'md':
      return diffToMarkdown(diff);
    case 'html':
      return diffToHtml(diff);
    default:
      throw new OptionsError('formatDiff', [{ path: ['format'], message: `must be one of 'md', 'html', 'json', got ${JSON.stringify(format)}` }]);
  }
}

const KINDS = ['new', 'changed', 'gone', 'persisting'] as const;
const KIND_LABEL: Record<(typeof KINDS)[number], string> = {
  new: 'New',
  changed: 'Changed',
  gone: 'Gone',
  persisting: 'Persisting',
};

const money = (s: string): string => groupedMoney(new D(s));
const amounts = (t: DiffTotal): string =>
  Object.entries(t.amount)
    .map(([c, v]) => `${money(v)} ${c}`)
    .join('; ') || '–';
const status = (f: ReportFinding): string => {
  const d = f as ReportFinding & { status?: string; decision?: { changed?: boolean }; conflict?: unknown };
  return d.status === undefined ? '' : `${d.status}${d.conflict !== undefined ? ' (decisions disagree)' : d.decision?.changed ? ' (changed since decision)' : ''}`;
};
/** `1: 2,600.00 → 4,990.00 EUR; 2: …`: the records whose amount changed (none in a diff of an older version: `amounts` absent). */
const amountsText = (c: FindingChange): string =>
  (c.amounts ?? []).map((x) => `${x.id}: ${money(x.before)}${x.currencyBefore !== undefined ? ` ${x.currencyBefore}` : ''} → ${money(x.after)} ${x.currency}`).join('; ');
const sideText = (s: DiffSide): string => `${s.source ?? 'report'}: ${s.findings} finding${s.findings === 1 ? '' : 's'}${s.partial ? ' (partial: cut by top)' : ''}`;

function mdCell(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/[\r\n\u2028\u2029]+/gu, ' ');
}

function diffToMarkdown(diff: ReportDiff): string {
  const out = ['# What changed since the last run', '', `- Before: ${mdCell(sideText(diff.before))}`, `- After: ${mdCell(sideText(diff.after))}`, ...diff.warnings.map((w) => `- **Warning:** ${mdCell(w.message)}`), ''];
  out.push('| | findings | total |', '|---|---:|---:|');
  for (const k of KINDS) out.push(`| ${KIND_LABEL[k]} | ${diff.totals[k].findings} | ${amounts(diff.totals[k])} |`);
  out.push('');
  const row = (f: ReportFinding) =>
    `| ${f.rank} | \`${f.id}\` | ${mdCell(f.buyer)} | ${mdCell(f.threshold.id)} | ${money(f.total)} ${f.currency} | ${f.parts.length} | ${f.start} – ${f.end} | ${f.score.toFixed(2)} | ${mdCell(status(f))} |`;
  const head = ['| rank | finding | buyer | threshold | total | parts | period | score | status |', '|---:|---|---|---|---:|---:|---|---:|---|'];
  out.push(`## New (${diff.new.length})`, '');
  if (diff.new.length) out.push(...head, ...diff.new.map(row), '');
  out.push(`## Changed (${diff.changed.length})`, '');
  if (diff.changed.length) {
    out.push('| rank | finding before → after | buyer | total before → after | records added | records removed | amounts changed | status |', '|---:|---|---|---|---|---|---|---|');
    for (const c of diff.changed) {
      out.push(
        `| ${c.after.rank} | \`${c.before.id}\` → \`${c.after.id}\` | ${mdCell(c.after.buyer)} | ${money(c.before.total)} → ${money(c.after.total)} ${c.after.currency} | ${mdCell(c.added.join(', '))} | ${mdCell(c.removed.join(', '))} | ${mdCell(amountsText(c))} | ${mdCell(status(c.after))} |`,
      );
    }
    out.push('');
  }
  out.push(`## Gone (${diff.gone.length})`, '');
  if (diff.gone.length) out.push(...head, ...diff.gone.map(row), '');
  out.push(`## Persisting (${diff.persisting.length})`, '');
  if (diff.persisting.length) out.push(...head, ...diff.persisting.map(row), '');
  return `${out.join('\n')}\n`;
}

function diffToHtml(diff: ReportDiff): string {
  const e = escapeHtml;
  const table = (findings: readonly ReportFinding[]) =>
    findings.length === 0
      ? ''
      : `<table><thead><tr><th>rank</th><th>finding</th><th>buyer</th><th>threshold</th><th class="num">total</th><th class="num">parts</th><th>period</th><th class="num">score</th><th>status</th></tr></thead><tbody>${findings
          .map(
            (f) =>
              `<tr><td class="num">${f.rank}</td><td><code>${e(f.id)}</code></td><td>${e(f.buyer)}</td><td>${e(f.threshold.id)}</td><td class="num">${e(money(f.total))} ${e(f.currency)}</td><td class="num">${f.parts.length}</td><td>${e(f.start)} – ${e(f.end)}</td><td class="num">${f.score.toFixed(2)}</td><td>${e(status(f))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const changed =
    diff.changed.length === 0
      ? ''
      : `<table><thead><tr><th>rank</th><th>finding before → after</th><th>buyer</th><th class="num">total before → after</th><th>records added</th><th>records removed</th><th>amounts changed</th><th>status</th></tr></thead><tbody>${diff.changed
          .map(
            (c) =>
              `<tr><td class="num">${c.after.rank}</td><td><code>${e(c.before.id)}</code> → <code>${e(c.after.id)}</code></td><td>${e(c.after.buyer)}</td><td class="num">${e(money(c.before.total))} → ${e(money(c.after.total))} ${e(c.after.currency)}</td><td>${e(c.added.join(', '))}</td><td>${e(c.removed.join(', '))}</td><td>${e(amountsText(c))}</td><td>${e(status(c.after))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const body = [
    '<h1>What changed since the last run</h1>',
    `<ul><li>Before: ${e(sideText(diff.before))}</li><li>After: ${e(sideText(diff.after))}</li></ul>`,
    diff.warnings.length ? `<div class="warnings" role="alert"><h3>Warnings</h3><ul>${diff.warnings.map((w) => `<li>${e(w.message)}</li>`).join('')}</ul></div>` : '',
    `<table class="totals"><thead><tr><th></th><th class="num">findings</th><th class="num">total</th></tr></thead><tbody>${KINDS.map(
      (k) => `<tr><th>${KIND_LABEL[k]}</th><td class="num">${diff.totals[k].findings}</td><td class="num">${e(amounts(diff.totals[k]))}</td></tr>`,
    ).join('')}</tbody></table>`,
    `<h2>New (${diff.new.length})</h2>${table(diff.new)}`,
    `<h2>Changed (${diff.changed.length})</h2>${changed}`,
    `<h2>Gone (${diff.gone.length})</h2>${table(diff.gone)}`,
    `<h2>Persisting (${diff.persisting.length})</h2>${table(diff.persisting)}`,
  ].join('\n');
  return htmlPage({ title: 'What changed — splitscan', body });
}
