import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_lib/decimal.js';
import { detectSplits } from '../../src/detect.js';
import { buildReport } from '../../src/io/write/scanReport.js';
import { applyDecisions } from '../../src/review/applyDecisions.js';
import { diffReports, formatDiff } from '../../src/review/diff.js';
import { ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';
import { makeReport, type FindingSpec } from './_reports.js';

const specsArb = fc.uniqueArray(
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), recordIds: fc.uniqueArray(fc.integer({ min: 1, max: 16 }).map(String), { minLength: 2, maxLength: 4 }), amount: fc.constantFrom('100.00', '250.50', '0.01') }),
  { selector: (s) => s.id, maxLength: 6 },
);

describe('diffReports', () => {
  it('accounts for every finding of both runs, pairs overlaps, and sums the totals exactly', () => {
    fc.assert(
      fc.property(specsArb, specsArb, (a: FindingSpec[], b: FindingSpec[]) => {
        const before = makeReport(a);
        const after = makeReport(b);
        const diff = diffReports(before, after);
        expect(diff.persisting.length + diff.changed.length + diff.gone.length).toBe(a.length);
        expect(diff.persisting.length + diff.changed.length + diff.new.length).toBe(b.length);
        for (const g of diff.gone) for (const n of diff.new) expect(g.recordIds.some((r) => n.recordIds.includes(r))).toBe(false);
        // A changed finding differs in its records, or (same records) in what it is: another id, i.e. another threshold, or other amounts.
        for (const c of diff.changed) expect(c.added.length + c.removed.length > 0 || c.before.id !== c.after.id || c.amounts.length > 0 || c.before.total !== c.after.total).toBe(true);
        const sum = (fs: readonly { total: string }[]) => fs.reduce((s, f) => s.plus(f.total), new D(0));
        expect(new D(diff.totals.new.amount['CNY'] ?? 0).eq(sum(diff.new))).toBe(true);
        expect(new D(diff.totals.gone.amount['CNY'] ?? 0).eq(sum(diff.gone))).toBe(true);
        expect(diff.totals.changed.findings).toBe(diff.changed.length);
        // Order of findings does not matter.
        const again = diffReports(makeReport([...a].reverse()), makeReport([...b].reverse()));
        const ids = (d: typeof diff) => [d.new, d.gone, d.persisting].map((fs) => fs.map((f) => f.id).sort()).concat([d.changed.map((c) => `${c.before.id}>${c.after.id}`).sort()]);
        expect(ids(again)).toEqual(ids(diff));
      }),
      { numRuns: runs(300) },
    );
  });

  it('sees only the new buyer\'s findings when a rerun adds another buyer\'s records (ids are stable)', () => {
    fc.assert(
      fc.property(ledgerArb(40), ledgerArb(30), optionsArb, (ledger, other, options) => {
        const report = (records: readonly unknown[]) => {
          const r = detectSplits(records, options);
          return buildReport({ findings: r.findings, rejects: r.rejects, rows: records.length, analysed: r.stats.accepted });
        };
        const unrelated = other.map((r, i) => ({ ...r, id: `U${i}`, buyer: 'Unrelated Agency' }));
        const before = report(ledger);
        const after = report([...unrelated, ...ledger].reverse());
        const diff = diffReports(before, after);
        expect(diff.persisting).toHaveLength(before.findings.length);
        expect(diff.changed).toEqual([]);
        expect(diff.gone).toEqual([]);
        expect(diff.new.every((f) => f.buyer === 'Unrelated Agency')).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  it('notes a report cut by top as partial', () => {
    const a = makeReport([{ id: 'a', recordIds: ['1', '2'] }]);
    const diff = diffReports({ ...a, summary: { ...a.summary, findings: 5 } }, a);
    expect(diff.before.partial).toBe(true);
    expect(diff.after.partial).toBe(false);
    expect(formatDiff(diff, 'md')).toContain('(partial: cut by top)');
  });
});

describe('diffReports: rules', () => {
  const provenance = (options: Record<string, unknown>) => ({ tool: { name: 'splitscan', version: '0.1.0' }, inputs: [], options });
  const own = { id: 'THRESHOLD-5000-GBP', amount: '5000', currency: 'GBP', procedure: 'a procurement procedure', comparison: 'atOrAbove' };
  const works = { id: 'UK-works', amount: '4322012', currency: 'GBP', procedure: 'OJEU notice', comparison: 'atOrAbove' };
  const goods = { id: 'UK-goods', amount: '138760', currency: 'GBP', procedure: 'OJEU notice', comparison: 'atOrAbove' };
  const a = makeReport([{ id: 'a', recordIds: ['1', '2'] }]);

  it('warns, in every format, when the reports were made under different rules, naming what differs', () => {
    const before = { ...a, provenance: provenance({ thresholds: [own], window: { days: 30 }, vendor: 'any', weights: { parts: 1.5 } }) };
    const after = { ...a, policy: { name: 'uk-pa2023' }, provenance: provenance({ name: 'uk-pa2023', citation: 'PA 2023', thresholds: [works, goods], vendor: 'any', window: { days: 365 }, weights: { parts: 1.5 } }) };
    const diff = diffReports(before, after);
    const message =
      'the two reports were made under different rules, so a finding may be new or gone because of the rules, not the ledger: policy none before, uk-pa2023 after; thresholds only before: THRESHOLD-5000-GBP (≥ 5,000.00 GBP); only after: UK-works (≥ 4,322,012.00 GBP), UK-goods (≥ 138,760.00 GBP); window {"days":30} before, {"days":365} after';
    expect(diff.warnings).toEqual([{ code: 'different_rules', message }]);
    expect(formatDiff(diff, 'md')).toContain(`- **Warning:** ${message.replace(/\|/gu, '\\|')}`);
    expect(formatDiff(diff, 'html')).toContain('<div class="warnings" role="alert"><h3>Warnings</h3><ul><li>the two reports were made under different rules');
    expect(JSON.parse(formatDiff(diff, 'json')).warnings).toEqual([{ code: 'different_rules', message }]);
  });

  it('names a threshold whose definition changed, and says nothing when the rules are the same', () => {
    const raised = { ...own, amount: '6000' };
    const before = { ...a, provenance: provenance({ thresholds: [own, works], window: { days: 30 } }) };
    const after = { ...a, provenance: provenance({ window: { days: 30 }, thresholds: [works, raised] }) };
    expect(diffReports(before, after).warnings.map((w) => w.message)).toEqual([
      'the two reports were made under different rules, so a finding may be new or gone because of the rules, not the ledger: thresholds THRESHOLD-5000-GBP ≥ 5,000.00 GBP before, ≥ 6,000.00 GBP after',
    ]);
    expect(diffReports(before, before).warnings).toEqual([]);
    // Reports without provenance: the thresholds their findings name, compared by id.
    expect(diffReports(a, a).warnings).toEqual([]);
    const moved = { ...a, findings: a.findings.map((f) => ({ ...f, threshold: { ...f.threshold, amount: '999.00' } })) };
    expect(diffReports(a, moved).warnings.map((w) => w.message)).toEqual([expect.stringMatching(/: thresholds t1 ≥ 180\.00 CNY before, ≥ 999\.00 CNY after$/u)]);
  });
});

describe('diffReports: reading', () => {
  const options = { thresholds: [{ id: 't1', amount: '180', currency: 'CNY', procedure: 'p', comparison: 'atOrAbove' }], window: { days: 30 } };
  const read = (reading: Record<string, unknown> | undefined) => ({ tool: { name: 'splitscan', version: '0.1.0' }, inputs: [], options, ...(reading !== undefined ? { reading } : {}) });
  const a = makeReport([{ id: 'a', recordIds: ['1', '2'] }]);
  const MESSAGE = 'the two reports read their files with different reading options, so a finding may be new, gone or changed because of how the rows were read, not the ledger: ';

  it('warns when the reports read their files differently, naming each option that differs', () => {
    const before = { ...a, provenance: read({ dateFormat: 'dd/MM/yyyy', map: { buyer: 'Division', vendor: 'Merchant' }, currency: 'CNY' }) };
    const after = { ...a, provenance: read({ dateFormat: 'MM/dd/yyyy', map: { buyer: 'Card', vendor: 'Merchant' }, currency: 'CNY', decimalComma: true, credits: 'net', lineSuffix: '_\\d+$' }) };
    const diff = diffReports(before, after);
    const message = `${MESSAGE}map.buyer "Division" before, "Card" after; dateFormat "dd/MM/yyyy" before, "MM/dd/yyyy" after; decimalComma false before, true after; credits "reject" before, "net" after; lineSuffix none before, "_\\\\d+$" after`;
    expect(diff.warnings).toEqual([{ code: 'different_reading', message }]);
    expect(formatDiff(diff, 'md')).toContain(`- **Warning:** ${message.replace(/\\/gu, '\\\\')}`); // Markdown escapes the backslash
    expect(formatDiff(diff, 'html')).toContain('<li>the two reports read their files with different reading options');
    expect(JSON.parse(formatDiff(diff, 'json')).warnings).toEqual([{ code: 'different_reading', message }]);
  });

  it('takes an option given as its default for the default, and says nothing when the reading is the same', () => {
    const before = { ...a, provenance: read({ currency: 'CNY' }) };
    const after = { ...a, provenance: read({ currency: 'CNY', encoding: 'auto', credits: 'reject', lines: 'sum', decimalComma: false, map: {}, format: 'auto' }) };
    expect(diffReports(before, after).warnings).toEqual([]);
    expect(diffReports(after, before).warnings).toEqual([]);
    // Without the reading options of one report, nothing can be compared.
    expect(diffReports({ ...a, provenance: read(undefined) }, { ...a, provenance: read({ decimalComma: true }) }).warnings).toEqual([]);
  });

  it('names the reading and the rules apart when both differ', () => {
    const before = { ...a, provenance: read({ encoding: 'windows-1252', delimiter: ';' }) };
    const after = { ...a, provenance: { ...read({ unit: '10000', lines: 'keep' }), options: { ...options, window: { days: 365 } } } };
    expect(diffReports(before, after).warnings).toEqual([
      { code: 'different_rules', message: expect.stringMatching(/: window \{"days":30\} before, \{"days":365\} after$/u) },
      { code: 'different_reading', message: `${MESSAGE}unit none before, "10000" after; encoding "windows-1252" before, "auto" after; lines "sum" before, "keep" after; delimiter ";" before, none after` },
    ]);
  });
});

describe('formatDiff', () => {
  const payload = '<script>alert(1)</script> | "x" \'y\' <img src=x onerror=alert(2)>';
  const before = makeReport([
    { id: 'a', recordIds: ['1', '2'], buyer: payload },
    { id: 'b', recordIds: ['3', '4'] },
  ]);
  const after = makeReport([
    { id: 'a2', recordIds: ['1', '2', '5'], buyer: payload },
    { id: 'c', recordIds: ['7', '8'] },
  ]);
  const diff = diffReports(before, after);

  it('writes Markdown with a totals table and one section per kind', () => {
    const md = formatDiff(diff, 'md');
    expect(md).toContain('| New | 1 | 200.00 CNY |');
    expect(md).toContain('| Changed | 1 | 300.00 CNY |');
    expect(md).toContain('| Gone | 1 | 200.00 CNY |');
    expect(md).toContain('| Persisting | 0 | – |');
    expect(md).toContain('`a` → `a2`');
    expect(md).toContain('| 5 |');
    // A `|` in a value cannot break the table.
    expect(md).toContain('<script>alert(1)</script> \\| "x"');
  });

  it('writes an HTML page with every value escaped and no script', () => {
    const html = formatDiff(diff, 'html');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | &quot;x&quot; &#39;y&#39; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('script-src &#39;none&#39;'); // the CSP, quoted in its attribute
  });

  it('writes JSON that parses back to the diff, with review statuses when the reports were decided', () => {
    expect(JSON.parse(formatDiff(diff, 'json'))).toEqual(JSON.parse(JSON.stringify(diff)));
    const decided = applyDecisions(after, [{ finding: 'a', status: 'confirmed', records: ['1', '2'] }]);
    const md = formatDiff(diffReports(before, decided), 'md');
    expect(md).toContain('confirmed (changed since decision)');
  });
});
