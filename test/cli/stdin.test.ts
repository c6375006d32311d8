/**
 * Standard input (`-`) is told from its first bytes, as a file is from its name and first bytes: an
 * OCDS package piped in is read as OCDS (it was read as a CSV whose header was "{"), NDJSON and
 * delimited text as ledgers, streamed as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, repo } from './_run.js';

const mk = (id: string, date: string, amount: number) => ({ id, date, status: 'active', value: { amount, currency: 'EUR' }, suppliers: [{ name: 'Acme' }] });
const pkg = new TextEncoder().encode(`\uFEFF\n  ${JSON.stringify({ releases: [{ ocid: 'o-1', date: '2019-03-01', buyer: { name: 'City' }, awards: [mk('a', '2019-02-01', 130000), mk('b', '2019-02-10', 125000)] }] }, null, 2)}`);
const scan = ['scan', '-', '--threshold', '200000', '--currency', 'EUR', '--format', 'json', '-q'];
type Report = { findings: { recordIds: string[] }[]; provenance: { inputs: { file: string; format: string; sha256: string }[] } };

describe('standard input', () => {
  it.each([['by its first character (past a BOM and white space)', []], ['with --input-format ocds', ['--input-format', 'ocds']]])('reads an OCDS package %s', async (_how, flags) => {
    const r = await cli([...scan, ...flags], { stdin: pkg });
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as Report;
    expect(report.findings.map((f) => f.recordIds)).toEqual([['o-1/award/a', 'o-1/award/b']]);
    expect(report.provenance.inputs.map((i) => [i.file, i.format])).toEqual([['-', 'ocds']]);
  });

  it('says which reading flags an OCDS package has no use for, and reads it all the same', async () => {
    const r = await cli(['scan', '-', '--threshold', '200000', '--currency', 'EUR', '--map', 'buyer=Agency', '--unit', '1000', '--format', 'json'], { stdin: pkg });
    expect(r.code).toBe(0);
    expect(r.err).toContain("splitscan: warning: -: --map, --unit are not used: an OCDS file's fields, dates and amounts are where and as the standard puts them");
    const report = JSON.parse(r.out) as Report & { warnings: { code: string }[] };
    expect(report.findings.map((f) => f.recordIds)).toEqual([['o-1/award/a', 'o-1/award/b']]);
    expect(report.warnings.map((w) => w.code)).toEqual(['not_for_ocds']);
  });

  it('inspects an OCDS package too', async () => {
    const r = await cli(['inspect', '-'], { stdin: pkg });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^standard input {2}\d[\d,]* bytes {2}sha256 [0-9a-f]{64}\n {2}format {4}ocds: /u);
  });

  it('still reads NDJSON (an object per line) and CSV as ledgers, every byte of them', async () => {
    const ndjson = ['{"id":"a","buyer":"B","vendor":"V","date":"2024-01-01","amount":"600","currency":"EUR"}', '{"id":"b","buyer":"B","vendor":"V","date":"2024-01-02","amount":"600","currency":"EUR"}'].join('\n');
    const one = await cli(['scan', '-', '--threshold', '1000', '--currency', 'EUR', '--format', 'json', '-q'], { stdin: new TextEncoder().encode(ndjson) });
    expect((JSON.parse(one.out) as Report).findings.map((f) => f.recordIds)).toEqual([['a', 'b']]);
    const seed = readFileSync(repo('seeds/chengxi-2014.csv'));
    const piped = await cli(['scan', '-', '--thresholds', repo('seeds/chengxi-thresholds.json'), '--format', 'json', '-q'], { stdin: seed });
    const file = await cli(['scan', repo('seeds/chengxi-2014.csv'), '--thresholds', repo('seeds/chengxi-thresholds.json'), '--format', 'json', '-q']);
    const ids = (r: { out: string }) => (JSON.parse(r.out) as Report).findings.map((f) => f.recordIds);
    expect(ids(piped)).toEqual(ids(file));
    expect((JSON.parse(piped.out) as Report).provenance.inputs[0]?.sha256).toBe((JSON.parse(file.out) as Report).provenance.inputs[0]?.sha256);
  });

  it('names standard input, not "-", when it holds nothing', async () => {
    const r = await cli(scan, { stdin: new Uint8Array() });
    expect(r.code).toBe(3);
    expect(r.err).toBe('splitscan: standard input has no header row\n');
  });

  it('says standard input is not JSON when an object does not parse (exit 3)', async () => {
    const r = await cli(scan, { stdin: new TextEncoder().encode('{"releases": [') });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^splitscan: standard input is not valid JSON: /u);
  });
});

describe('standard input that fails', () => {
  it('is unreadable input (exit 3), not a bug of the command', async () => {
    const saved = Object.getOwnPropertyDescriptor(process, 'stdin') as PropertyDescriptor;
    const failing = { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('EIO: i/o error, read')) }) };
    Object.defineProperty(process, 'stdin', { value: failing, configurable: true });
    try {
      const r = await cli(scan);
      expect(r.code).toBe(3);
      expect(r.err).toBe('splitscan: cannot read standard input: EIO: i/o error, read\n');
    } finally {
      Object.defineProperty(process, 'stdin', saved);
    }
  });
});
