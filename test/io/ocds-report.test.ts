import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { fromOcds } from '../../src/io/ocds.js';
import { buildReport, formatReport } from '../../src/io/report.js';
import { neutralizeCell, rejectsToCsv } from '../../src/io/write.js';
import type { Finding } from '../../src/report/finding.js';

const release = {
  ocid: 'ocds-abc-1', id: 'r2', date: '2019-05-01T00:00:00Z', tag: ['contract'],
  buyer: { id: 'GB-1', name: 'Town Council' },
  parties: [{ id: 'S1', name: 'Signs Ltd', roles: ['supplier'] }, { id: 'S2', name: 'Lights plc', roles: ['supplier'] }],
  planning: { budget: { projectID: 'P-7' } },
  tender: { id: 't1', title: 'Wayfinding', procurementMethod: 'limited', procurementMethodDetails: 'direct award', items: [{ id: 'i', classification: { scheme: 'CPV', id: '34928470' } }] },
  awards: [
    { id: 'a1', date: '2019-04-02', status: 'active', value: { amount: 90000, currency: 'GBP' }, suppliers: [{ id: 'S1' }] },
    { id: 'a2', date: '2019-04-09', status: 'active', title: 'Lighting', value: { amount: '85000.50', currency: 'GBP' }, suppliers: [{ id: 'S1' }, { id: 'S2', name: 'Lights plc' }] },
    { id: 'a3', status: 'cancelled', suppliers: [{ id: 'S1' }] },
    { id: 'a4', date: '2019-04-10', suppliers: [{ id: 'S2' }] },
  ],
  contracts: [{ id: 'c1', awardID: 'a1', title: 'Signs phase 1', dateSigned: '2019-04-05T10:00:00Z', value: { amount: 88000, currency: 'GBP' } }],
};

describe('fromOcds', () => {
  it('reads a release package: contracts first, awards without contracts, rejects with paths', () => {
    const older = { ...release, id: 'r1', date: '2019-01-01', awards: [] };
    const { records, rejects } = fromOcds({ uri: 'x', releases: [older, release] });
    expect(records).toEqual([
      { id: 'ocds-abc-1/contract/c1', buyer: 'Town Council', vendor: 'Signs Ltd', date: '2019-04-05', amount: '88000', currency: 'GBP', subject: 'Signs phase 1', category: '34928470', categoryScheme: 'CPV', project: 'P-7', method: 'limited', methodDetails: 'direct award', document: 'c1', ocid: 'ocds-abc-1' },
      { id: 'ocds-abc-1/award/a2', buyer: 'Town Council', vendor: 'Signs Ltd; Lights plc', date: '2019-04-09', amount: '85000.5', currency: 'GBP', subject: 'Lighting', category: '34928470', categoryScheme: 'CPV', project: 'P-7', method: 'limited', methodDetails: 'direct award', document: 'a2', ocid: 'ocds-abc-1' },
    ]);
    expect(rejects.map((r) => [r.code, r.path.join('.')])).toEqual([
      ['not_a_purchase', 'releases.1.awards.2.status'],
      ['missing', 'releases.1.awards.3.value'],
    ]);
  });

  it('reads record packages (compiledRelease) and bare releases alike', () => {
    const a = fromOcds({ records: [{ ocid: 'ocds-abc-1', releases: [{ url: 'http://x' }], compiledRelease: release }] });
    const b = fromOcds(release);
    const c = fromOcds([release]);
    expect(a.records).toEqual(b.records);
    expect(c.records).toEqual(b.records);
    expect(a.records).toHaveLength(2);
  });

  it('finds the buyer among parties or the procuring entity and refuses non-OCDS', () => {
    const { buyer: _b, ...noBuyer } = release;
    const r = fromOcds({ ...noBuyer, parties: [...release.parties, { id: 'B', name: 'Via Party', roles: ['buyer'] }] });
    expect(r.records[0]?.buyer).toBe('Via Party');
    expect(() => fromOcds({ foo: 1 })).toThrow(/not OCDS/);
  });
});

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

  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['-1', "'-1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"], ['\u0001x', "'\u0001x"], ['safe', 'safe'], ['a=b', 'a=b'],
  ])('neutralizes %j', (cell, out) => {
    expect(neutralizeCell(cell)).toBe(out);
  });

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
    expect(md).toContain('=cmd\\|"/c calc"!A1');
    expect(md).toContain('would have required a tender');
    expect(formatReport(report, 'table')).toContain('#1  score 0.80');
  });

  it('filters by score and top', () => {
    expect(buildReport({ findings: [finding], rejects: [], rows: 1, analysed: 1, top: 0 }).summary).toMatchObject({ findings: 1, shown: 0 });
    expect(buildReport({ findings: [finding, { ...finding, id: 'f2' }], rejects: [], rows: 1, analysed: 1, top: 1 }).findings).toHaveLength(1);
  });

  it('writes rejects safely', () => {
    const csv = rejectsToCsv([{ index: 0, field: 'amount', path: [0, 'amount'], code: 'credit', message: 'm', value: '-5', line: 2, column: 'Amt' }]);
    expect(csv.split('\r\n')[1]).toBe("2,0,,Amt,amount,credit,m,'-5");
  });
});
