/**
 * Every row read is accounted for in the report itself (summary: rows = analysed + rejected +
 * blank + merged + netted), and the windows too crowded to be findings (large runs) are reported
 * in every format instead of vanishing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-accounting-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the report accounts for every row', () => {
  // A blank row, two lines of one order (summed under --lines sum), a refund netted under --credits net, a bad date.
  const ledger = file(
    'mixed.csv',
    [
      'id,buyer,vendor,date,amount,currency,document',
      'R1,City,Acme,2024-03-01,2000.00,EUR,PO-10001-1',
      'R2,City,Acme,2024-03-01,1000.00,EUR,PO-10001-2',
      ',,,,,,',
      'R3,City,Acme,2024-03-02,2600.00,EUR,PO-10002',
      'R4,City,Acme,2024-03-03,-100.00,EUR,',
      'R5,City,Acme,not a date,400.00,EUR,PO-10003',
      '',
    ].join('\n'),
  );
  const flags = ['--threshold', '5000', '--currency', 'EUR', '--lines', 'sum', '--line-suffix=-\\d+$', '--credits', 'net', '--min-score', '0'];

  it('in JSON: rows = analysed + rejected + blank + merged + netted, each counted', async () => {
    const { code, out } = await cli(['scan', ledger, ...flags, '-f', 'json']);
    expect(code).toBe(0);
    const { summary } = JSON.parse(out);
    expect(summary).toMatchObject({ rows: 6, analysed: 2, rejected: 1, blank: 1, merged: 1, netted: 1, largeRuns: 0 });
    expect(summary.analysed + summary.rejected + summary.blank + summary.merged + summary.netted).toBe(summary.rows);
  });

  it('in Markdown and the table', async () => {
    const md = await cli(['scan', ledger, ...flags, '-f', 'md']);
    expect(md.out).toContain('- Rows read: 6; analysed: 2; rejected: 1; set aside: 1 blank, 1 summed into another line of their document, 1 credits netted against their purchases');
    const table = await cli(['scan', ledger, ...flags, '-f', 'table']);
    expect(table.out).toContain('6 rows read, 2 analysed, 1 rejected, 1 blank, 1 summed into another line of their document, 1 credits netted against their purchases');
  });
});

describe('large runs', () => {
  // 60 purchases of one vendor on one day: every window holds more than maxParts (50) linked
  // purchases crossing the limit.
  const rows = Array.from({ length: 60 }, (_, i) => `L${i},City,Acme,2024-03-01,${(150 + i / 100).toFixed(2)},EUR`);
  const crowd = file('crowd.csv', ['id,buyer,vendor,date,amount,currency', ...rows, ''].join('\n'));
  const flags = ['--threshold', '1000', '--currency', 'EUR', '--min-score', '0'];

  it('are listed in JSON with a warning naming the flags that narrow the rule', async () => {
    const { out, err } = await cli(['scan', crowd, ...flags, '-f', 'json']);
    const report = JSON.parse(out);
    expect(report.findings).toEqual([]);
    expect(report.summary.largeRuns).toBe(1);
    expect(report.largeRuns).toHaveLength(1);
    expect(report.largeRuns[0]).toMatchObject({ buyer: 'City', parts: 60, total: '9017.70', currency: 'EUR' });
    expect(report.largeRuns[0].recordIds).toHaveLength(50);
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('large_runs');
    expect(err).toContain('1 window of more than 50 linked purchases (up to 60) crossed a threshold: listed as large runs, not findings.');
    expect(err).toContain('--window');
  });

  it('are shown in Markdown and the table', async () => {
    const md = await cli(['scan', crowd, ...flags, '-f', 'md', '-q']);
    expect(md.out).toContain('## Large runs (not findings)');
    expect(md.out).toContain('- City: 60 purchases on 2024-03-01, 9,017.70 EUR over 1,000.00 EUR');
    const table = await cli(['scan', crowd, ...flags, '-f', 'table', '-q']);
    expect(table.out).toContain('1 large run (not findings: a rule that groups too much)');
  });

  it('leave an empty list and no warning when there is none', async () => {
    const few = file('few.csv', ['id,buyer,vendor,date,amount,currency', 'A,City,Acme,2024-03-01,600.00,EUR', 'B,City,Acme,2024-03-02,600.00,EUR', ''].join('\n'));
    const { out } = await cli(['scan', few, ...flags, '-f', 'json']);
    const report = JSON.parse(out);
    expect(report.largeRuns).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.summary.largeRuns).toBe(0);
  });
});
