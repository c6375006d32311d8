/**
 * A report's warnings reach the reader whatever the format: inside the report (JSON, table,
 * Markdown, HTML), and for the CSV report — one plain table of findings, no room for them — in a
 * companion CSV (`--warnings FILE`) or on stderr, `-q` or not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => join(dir, name);

// Two purchases that cross 5,000 EUR together, and three rows whose amounts cannot be read: 3 of 5 rejected.
writeFileSync(
  at('l.csv'),
  'id,buyer,vendor,date,amount,currency\n1,Parks,Acme,2024-01-01,3000,EUR\n2,Parks,Acme,2024-01-05,3000,EUR\n3,Parks,Acme,2024-01-06,1.5.0,EUR\n4,Parks,Acme,2024-01-07,1.5.0,EUR\n5,Parks,Acme,2024-01-08,1.5.0,EUR\n',
);
const scan = ['scan', at('l.csv'), '--threshold', '5000', '--currency', 'EUR'];
const WARNING = '3 of 5 rows rejected: invalid_amount 3 (e.g. line 4: "1.5.0" is not an amount) — check the amount column (--map amount=Header)';

describe('the CSV report and the warnings', () => {
  it('keeps the CSV one table, and prints its warnings on stderr even with -q', async () => {
    const r = await cli([...scan, '--format', 'csv', '-q']);
    expect(r.code).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(r.out.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row['record_id'])).toEqual(['1', '2']);
    expect(r.out).not.toContain('rejected');
    // -q silences the summary, not the warnings the CSV cannot carry.
    expect(r.err).toBe(`splitscan: warning: ${WARNING}\n`);
    // The formats that carry them stay quiet under -q.
    expect((await cli([...scan, '--format', 'md', '-q'])).err).toBe('');
  });

  it('writes them, for any format, to --warnings FILE as CSV; then -q silences stderr again', async () => {
    const r = await cli([...scan, '--format', 'csv', '--out', at('r.csv'), '--warnings', at('w.csv'), '-q']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const written = Papa.parse<string[]>(readFileSync(at('w.csv'), 'utf8').trim());
    expect(written.errors).toEqual([]);
    expect(written.data).toEqual([['code', 'buyer', 'message'], ['rejected_rows', '', WARNING]]);
    const json = await cli([...scan, '--format', 'json', '--warnings', at('w2.csv'), '-q']);
    expect(readFileSync(at('w2.csv'), 'utf8')).toBe(readFileSync(at('w.csv'), 'utf8'));
    expect(JSON.parse(json.out).warnings).toEqual([{ code: 'rejected_rows', message: WARNING }]);
    // No warning: the header alone, so a script can tell "none" from "not written".
    writeFileSync(at('clean.csv'), 'id,buyer,vendor,date,amount,currency\n1,Parks,Acme,2024-01-01,3000,EUR\n');
    await cli(['scan', at('clean.csv'), '--threshold', '5000', '--currency', 'EUR', '--format', 'csv', '--warnings', at('none.csv'), '-q']);
    expect(readFileSync(at('none.csv'), 'utf8')).toBe('code,buyer,message\r\n');
  });

  it('refuses a --warnings file that is an input or another output', async () => {
    const same = await cli([...scan, '--format', 'csv', '--out', at('x.csv'), '--warnings', at('x.csv')]);
    expect(same.code).toBe(2);
    expect(same.err).toContain(`--out ${at('x.csv')} and --warnings ${at('x.csv')} are the same file`);
    expect((await cli([...scan, '--warnings', at('l.csv')])).code).toBe(2);
  });
});
