import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OptionsError } from '../../src/errors.js';
import { escapeHtml, inlineScript, jsonForScript } from '../../src/review/_html.js';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import type { BuyerCoverage } from '../../src/review/coverage.js';
import { toHtml } from '../../src/review/html.js';
import { makeReport } from './_reports.js';
import { PAYLOADS, pageData } from './_payloads.js';

/** The page without its own inline scripts and data: only the markup toHtml wrote. */
const markup = (html: string) => html.replace(/<script(?: type="application\/json" id="splitscan-data")?>[^]*?<\/script>/gu, '');

const hostile = makeReport(
  PAYLOADS.map((p, i) => ({ recordIds: [`${p}-${i}-a`, `${p}-${i}-b`], buyer: p, vendor: p, threshold: p })),
  {
    source: PAYLOADS.join(' '),
    policy: { name: PAYLOADS[0] as string, citation: PAYLOADS[2] as string },
    rejects: [{ field: PAYLOADS[3] as string, path: [], code: 'subtotal', message: PAYLOADS[1] as string, line: 3 }],
  },
);
const withProvenance = { ...hostile, provenance: { tool: { name: 'splitscan', version: '0.2.0' }, inputs: [{ file: PAYLOADS[5], sha256: 'ab'.repeat(32), rows: 148 }], link: PAYLOADS[5], options: { window: { days: 30 }, note: PAYLOADS[0] }, thresholds: Array.from({ length: 60 }, (_, i) => ({ id: `t${i}`, amount: '1000' })) } } as unknown as typeof hostile; // any shape renders

describe('toHtml', () => {
  it('writes every value as escaped text: no markup, attribute or link comes from the report', () => {
    const html = toHtml(withProvenance, { title: PAYLOADS[1] });
    const page = markup(html);
    expect(page).not.toMatch(/<script|<img|<!--/iu);
    // No tag carries an event handler or a link.
    expect(page).not.toMatch(/<[a-z][^>]*\s(on\w+|href|src)=/iu);
    expect(page).toContain(escapeHtml(PAYLOADS[0] as string));
    expect(page).toContain(`<title>${escapeHtml(PAYLOADS[1] as string)}</title>`);
    // The page's own scripts: the chart library, the app, and the data element; nothing else.
    expect(html.match(/<script/gu)).toHaveLength(3);
  });

  it('embeds the data as JSON that no value can break out of, and parses back to the report\'s values', () => {
    const html = toHtml(hostile);
    const raw = /<script type="application\/json" id="splitscan-data">([^]*?)<\/script>/u.exec(html)?.[1] ?? '';
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/u);
    const data = pageData(html);
    expect(data.findings.map((f) => f.buyer)).toEqual(PAYLOADS);
    expect(data.findings.map((f) => f.id)).toEqual(hostile.findings.map((f) => f.id));
    expect(jsonForScript('\u2028</script>')).toBe('"\\u2028\\u003c/script\\u003e"');
  });

  it('allows exactly its inline scripts by hash and forbids network access', () => {
    const html = toHtml(hostile);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html)?.[1]?.replace(/&#39;/gu, "'") ?? '';
    expect(csp).toMatch(/^default-src 'none'; script-src /u);
    const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/gu)].map((m) => m[1] as string);
    expect(scripts).toHaveLength(2);
    const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
    expect(csp).toContain(`script-src ${hashes.join(' ')};`);
    expect(() => inlineScript('x = "</script>"')).toThrow();
  });

  it('renders provenance whatever its shape, cutting long lists, and omits it when absent', () => {
    const html = toHtml(withProvenance);
    expect(html).toContain('<h3>Provenance of this run</h3>');
    expect(html).toContain('<th>sha256</th>');
    expect(html).toContain('<dt>version</dt><dd>0.2.0</dd>');
    expect(html).toContain('… and 10 more');
    expect(markup(html)).toContain(escapeHtml(PAYLOADS[5] as string));
    expect(toHtml(hostile)).not.toContain('Provenance of this run');
    // Closed until opened (many inputs would push the findings screens down), and a tab delimiter shows.
    expect(html).toContain('<details id="provenance"><summary>');
    expect(toHtml({ ...hostile, provenance: { inputs: [{ file: 'a.tsv', delimiter: '\t' }] } } as unknown as typeof hostile)).toContain('<td><code>&quot;\\t&quot;</code></td>');
  });

  it('summarises rejects by reason, findings by threshold and buyer, and decisions', () => {
    const report = makeReport([
      { id: 'FA', recordIds: ['1', '2'], buyer: '杭州城西科创产业集聚区管委会', threshold: 'hz-open' },
      { id: 'FB', recordIds: ['3', '4'], buyer: 'Water Board', threshold: 'hz-open' },
      { id: 'FC', recordIds: ['5', '6'], buyer: 'Water Board', threshold: 'hz-decent' },
    ]);
    const decided = applyDecisions(report, [
      { finding: 'OLD', status: 'confirmed', records: ['1'] },
      { finding: 'FB', status: 'dismissed', records: ['3', '4'] },
    ]);
    const html = toHtml(decided);
    expect(html).toContain('<h2>Dismissed (1)</h2>');
    expect(html).toContain('1 finding changed since the decision');
    expect(html).toMatch(/<code>hz-open<\/code><\/td><td>quotation<\/td><td class="num">≥ [\d,.]+ CNY<\/td><td class="num">2<\/td>/u);
    expect(html).toContain('<td>杭州城西科创产业集聚区管委会</td><td class="num">1</td>');
    const data = pageData(html);
    expect(data.reviewed).toBe(true);
    expect(data.findings.map((f) => [f.id, f.status])).toEqual([
      ['FA', 'confirmed'],
      ['FC', 'open'],
      ['FB', 'dismissed'],
    ]);
  });

  it('accounts for every row read in the summary: rows set aside (blank, summed, netted) beside analysed and rejected', () => {
    const cards = (html: string) => Object.fromEntries([...html.matchAll(/<div class="card"><div class="value">([\d,]+)<\/div><div class="label">([^<]+)<\/div>(?:<div class="muted small">([^<]*)<\/div>)?/gu)].map((m) => [m[2], [Number((m[1] as string).replace(/,/gu, '')), m[3] ?? '']]));
    // Birmingham's card file: 5,256 rows, one of them blank.
    const blank = cards(toHtml(makeReport([], { summary: { rows: 5256, analysed: 5025, rejected: 230, blank: 1, merged: 0, netted: 0, largeRuns: 0, findings: 0, shown: 0 } })));
    expect(blank['set aside']).toEqual([1, '1 blank']);
    // Oxford's invoice lines summed, and credits netted.
    const summed = cards(toHtml(makeReport([], { summary: { rows: 3918, analysed: 3100, rejected: 0, blank: 2, merged: 813, netted: 3, largeRuns: 0, findings: 0, shown: 0 } })));
    expect(summed['set aside']).toEqual([818, '2 blank, 813 summed into another line of their document, 3 credits netted against their purchases']);
    expect((summed['analysed'] as number[])[0]! + (summed['rejected'] as number[])[0]! + (summed['set aside'] as number[])[0]!).toBe((summed['rows read'] as number[])[0]);
    // Nothing set aside: no card for it.
    expect(cards(toHtml(makeReport([])))['set aside']).toBeUndefined();
  });

  it('names the file of each rejected-row example, as the rejects CSV and inspect do (a run over several files)', () => {
    const rejects = [
      { field: '', path: [], code: 'subtotal' as const, message: 'line 16: a total line, not a purchase', line: 16, file: 'toronto/toronto-pcard-2011-12.csv' },
      { field: '', path: [], code: 'subtotal' as const, message: 'line 9: a total line, not a purchase', line: 9, file: 'toronto/toronto-pcard-2012-03.csv' },
      { field: 'amount', path: ['amount'], code: 'no_exchange_rate' as const, message: 'no rate for USD', index: 4 },
    ];
    const html = toHtml(makeReport([], { rejects }));
    expect(html).toContain('<td>toronto/toronto-pcard-2011-12.csv line 16: a total line, not a purchase</td>');
    // A reject of no file (made from records, not read from one) is shown as it is.
    expect(html).toContain('<td>no rate for USD</td>');
  });

  it('names both decisions of findings that merged and disagree, in the summary and on the finding, and never says newer', () => {
    const merged = makeReport([{ id: 'FM', recordIds: ['1', '2', '3', '4'] }]);
    const html = toHtml(
      applyDecisions(merged, [
        { finding: 'F12', status: 'dismissed', records: ['1', '2'], reviewer: 'Wang' },
        { finding: 'F34', status: 'confirmed', records: ['3', '4'] },
      ]),
    );
    const words = 'the decisions about findings now merged into this one disagree: F12 (dismissed by Wang); F34 (confirmed); it stays open until a decision about this finding, FM, concludes';
    expect(html).toContain(`<li>Finding #1 (FM) is open: ${words}.</li>`);
    expect(pageData(html).findings.map((f) => [f.id, f.status, f.conflict])).toEqual([['FM', 'open', words]]);
    expect(html).not.toContain('Dismissed (');
    expect(html).not.toMatch(/newer/u);
  });

  it("shows the report's own warnings and its large runs, escaped", () => {
    const report = makeReport([{ id: 'FA', recordIds: ['1', '2'], buyer: 'City', threshold: 'hz-open' }], {
      warnings: [{ code: 'large_runs', message: '1 window of more than 50 linked purchases <b>crossed</b> a threshold' }],
      largeRuns: [
        {
          buyer: 'Water <Board>', threshold: { id: 'q', amount: '1000.00', currency: 'EUR', procedure: 'quotation' }, window: 'a 30-day window',
          start: '2024-03-01', end: '2024-03-01', parts: 60, total: '9017.70', currency: 'EUR', recordIds: ['L0'], explanation: 'The rule grouped 60 purchases.',
        },
      ],
    });
    const html = toHtml(report);
    expect(html).toContain('<li>1 window of more than 50 linked purchases &lt;b&gt;crossed&lt;/b&gt; a threshold</li>');
    expect(html).toContain('<summary>Large runs, not findings (1)</summary><ul><li><b>Water &lt;Board&gt;</b>: 60 purchases on 2024-03-01, 9,017.70 EUR. The rule grouped 60 purchases.</li></ul>');
  });

  it('computes each part\'s running total exactly and marks where it reaches the limit', () => {
    const report = makeReport([{ recordIds: ['1', '2', '3'], amount: '0.10' }]);
    const f = { ...report.findings[0]!, threshold: { ...report.findings[0]!.threshold, amount: '0.20', comparison: 'above' as const } };
    const data = pageData(toHtml({ ...report, findings: [f] }));
    expect(data.findings[0]?.parts.map((p) => p[6])).toEqual(['0.10', '0.20', '0.30']);
    // `above`: 0.20 does not exceed 0.20; 0.30 does.
    expect(data.findings[0]?.crossing).toBe(2);
  });

  it('draws at most maxBuyerCharts buyers\' distributions', () => {
    const coverage: BuyerCoverage[] = Array.from({ length: 30 }, (_, i) => ({
      buyer: `Buyer ${i}`,
      currency: 'CNY',
      records: 100,
      assessed: 100,
      assessedSpend: '1000.00',
      notApplicable: { noThreshold: 0, currency: 0, excluded: 0, ungrouped: 0, tooFewRecords: 0 },
      histograms: [{ threshold: 't1', amount: '100.00', from: 0.5, to: 1.5, counts: new Array<number>(40).fill(1), below: 0, above: 0 }],
    }));
    const report = makeReport([{ recordIds: ['1', '2'], buyer: 'Buyer 7' }]);
    expect(pageData(toHtml(report, { coverage })).histograms).toHaveLength(24);
    expect(pageData(toHtml(report, { coverage, maxBuyerCharts: 3 })).histograms.map((h) => h.buyer)).toEqual(['Buyer 7', 'Buyer 0', 'Buyer 1']);
    expect(pageData(toHtml(report, { coverage, maxBuyerCharts: 0 })).histograms).toEqual([]);
    expect(pageData(toHtml(report, { coverage, bunching: [{ buyer: 'buyer 7', threshold: 't1', value: 2.345678, label: 'excess mass' }] })).histograms[0]?.bunching).toBe('excess mass 2.346');
  });

  it('throws an OptionsError for a bad option', () => {
    const report = makeReport([]);
    expect(() => toHtml(report, { pageSize: 0 })).toThrow(OptionsError);
    expect(() => toHtml(report, { maxBuyerCharts: 1.5 })).toThrow(/toHtml: options\.maxBuyerCharts/u);
  });
});
