import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formatReport } from '../../../src/io/write/formats.js';
import { isOptionsError } from '../../../src/errors.js';
import { buildReport } from '../../../src/io/write/scanReport.js';
import type { Finding } from '../../../src/report/finding.js';
import { applyDecisions, type DecidedReport } from '../../../src/review/applyDecisions.js';
import type { DecisionStatus } from '../../../src/review/decisions.js';

const finding: Finding = {
  id: 'f1', buyer: '=cmd|"/c calc"!A1', recordIds: ['1', '2'],
  parts: [
    { id: '1', index: 0, date: '2014-11-04', vendor: '+SUM(1)', amount: '286500', currency: 'CNY', converted: '286500', subject: '@evil', category: 'C2101' },
    { id: '2', index: 1, date: '2014-11-06', vendor: '-2+3', amount: '279800', currency: 'CNY', converted: '279800', subject: '\tTab' },
  ],
  vendors: ['+SUM(1)', '-2+3'], total: '566300.00', currency: 'CNY',
  threshold: { id: 'T', amount: '300000', currency: 'CNY', procedure: 'tender', comparison: 'atOrAbove' },
  start: '2014-11-04', end: '2014-11-06', spanDays: 2, score: 0.8,
  reasons: [{ code: 'justBelow', value: 1, strength: 1, weight: 2, message: 'all parts just below' }],
  explanation: 'Had these been bought together, 566,300.00 CNY would have required a tender.',
};

describe('reports', () => {
  const report = buildReport({ findings: [finding], rejects: [], rows: 3, analysed: 2, lines: [5, 9], source: 'x.csv' });

  it('writes one CSV row per finding × record, every cell safe for spreadsheets', () => {
    const csv = formatReport(report, 'csv');
    const rows = Papa.parse<string[]>(csv.trim(), { header: false }).data;
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const header = rows[0] ?? [];
    expect(rows[1]?.[header.indexOf('line')]).toBe('5');
    expect(rows[2]?.[header.indexOf('vendor')]).toBe("'-2+3");
  });

  it('writes JSON with a stable schema tag, Markdown and a table', () => {
    const json = JSON.parse(formatReport(report, 'json'));
    expect(json.schema).toBe('splitscan/report@1');
    expect(json.findings[0].rank).toBe(1);
    expect(json.findings[0].parts[1].line).toBe(9);
    const md = formatReport(report, 'md');
    expect(md).toContain('# Split-purchase review');
    expect(md).toContain('\\=cmd\\|"/c calc"\\!A1');
    expect(md).toContain('would have required a tender');
    const table = formatReport(report, 'table');
    expect(table).toContain('#1  score 0.80');
    // The reasons in full, not a clipped first sentence.
    expect(table).toContain('- all parts just below (justBelow 1.00 × 2)');
  });

  it('ticks the Markdown reviewer-decision box of a finding\'s status, and none while it is open', () => {
    const box = (status: DecisionStatus | undefined) => {
      const decided = status === undefined ? report : applyDecisions(report, [{ finding: 'f1', status, records: ['1', '2'] }]);
      // A dismissed finding is listed apart, in a line: its box is shown here among the findings.
      const md = formatReport(status === 'dismissed' ? { ...(decided as DecidedReport), findings: (decided as DecidedReport).dismissed, dismissed: [] } : decided, 'md');
      return md.split('\n').find((l) => l.startsWith('Reviewer decision:'));
    };
    expect(box(undefined)).toBe('Reviewer decision: ☐ split ☐ not a split ☐ exception applies — notes:');
    expect(box('open')).toBe('Reviewer decision: ☐ split ☐ not a split ☐ exception applies — notes:');
    expect(box('confirmed')).toBe('Reviewer decision: ☒ split ☐ not a split ☐ exception applies — notes:');
    expect(box('dismissed')).toBe('Reviewer decision: ☐ split ☒ not a split ☐ exception applies — notes:');
    expect(box('exempt')).toBe('Reviewer decision: ☐ split ☐ not a split ☒ exception applies — notes:');
  });

  it('shows a converted part in the report currency too, and the period as days apart or one day', () => {
    const mixed: Finding = {
      ...finding,
      parts: [finding.parts[0]!, { ...finding.parts[1]!, amount: '30000', currency: 'EUR', converted: '234000.00' }],
    };
    const one = buildReport({ findings: [mixed], rejects: [], rows: 2, analysed: 2 });
    const table = formatReport(one, 'table');
    expect(table).toContain('30,000.00 EUR (234,000.00 CNY)');
    expect(table).toContain('286,500.00 CNY  @evil');
    expect(table).toContain('2014-11-04 → 2014-11-06 (2 days apart)');
    const md = formatReport(one, 'md');
    expect(md).toContain('| 30,000.00 EUR (234,000.00 CNY) |');
    expect(md).toContain('- Period: 2014-11-04 to 2014-11-06 (2 days apart)');
    const sameDay = buildReport({ findings: [{ ...finding, end: '2014-11-04', spanDays: 0 }], rejects: [], rows: 2, analysed: 2 });
    expect(formatReport(sameDay, 'table')).toContain('2014-11-04 → 2014-11-04 (one day)');
    expect(formatReport(sameDay, 'md')).toContain('- Period: 2014-11-04 to 2014-11-04 (one day)');
  });

  it('lists the reasons at half strength or more as why it looks deliberate, the weaker signs apart', () => {
    const weak: Finding = {
      ...finding,
      reasons: [
        ...finding.reasons,
        { code: 'roundAmounts', value: 0.33, strength: 0.33, weight: 1, message: '1 of 3 amounts are round figures' },
        // Half strength, but no vendor with two parts: no concentration.
        { code: 'vendorConcentration', value: 0.5, strength: 0.5, weight: 1, message: 'the most frequent vendor received 1 of 2 parts' },
        { code: 'sameDay', value: 1, strength: 1, weight: 0, message: 'weighs nothing' },
      ],
    };
    const table = formatReport(buildReport({ findings: [weak], rejects: [], rows: 2, analysed: 2 }), 'table');
    expect(table).toContain(
      ['    why it looks deliberate:', '      - all parts just below (justBelow 1.00 × 2)', '    weaker signs:', '      - the most frequent vendor received 1 of 2 parts (vendorConcentration 0.50 × 1)', '      - 1 of 3 amounts are round figures (roundAmounts 0.33 × 1)'].join('\n'),
    );
    expect(table).not.toContain('weighs nothing');
  });

  it('counts in the headline of every format the vendors the finding lists (a placeholder once per part)', () => {
    const redacted: Finding = { ...finding, buyer: 'Direct Services', parts: finding.parts.map((p) => ({ ...p, vendor: 'Redacted, personal data' })), vendors: ['Redacted, personal data', 'Redacted, personal data'] };
    const r = buildReport({ findings: [redacted], rejects: [], rows: 3, analysed: 2 });
    expect(formatReport(r, 'md')).toContain('2 purchases from 2 vendors');
    expect(formatReport(r, 'table')).toContain('2 purchases from 2 vendors');
  });

  it('filters by score and top', () => {
    expect(buildReport({ findings: [finding], rejects: [], rows: 1, analysed: 1, top: 0 }).summary).toMatchObject({ findings: 1, shown: 0 });
    expect(buildReport({ findings: [finding, { ...finding, id: 'f2' }], rejects: [], rows: 1, analysed: 1, top: 1 }).findings).toHaveLength(1);
  });
});

describe('formatReport: another format', () => {
  const report = buildReport({ findings: [], rejects: [], rows: 0, analysed: 0 });
  it.each([
    ['html', /must be one of 'table', 'json', 'csv', 'md', got "html": an HTML page is toHtml\(report\), from splitscan\/review/u],
    ['JSON', /got "JSON"$/u],
    ['markdown', /got "markdown"$/u],
  ])('%s is an OptionsError at options.format, not undefined', (format, message) => {
    let caught: unknown;
    try {
      formatReport(report, format as never);
    } catch (e) {
      caught = e;
    }
    expect(isOptionsError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^formatReport: options\.format: /u);
    expect((caught as Error).message).toMatch(message);
  });
});
