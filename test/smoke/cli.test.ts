import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// End-to-end: the built command (dist/cli.js) on both seeds.
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8' });

interface Part { id: string; vendor: string; subject?: string }
interface F { rank: number; buyer: string; total: string; threshold: { id: string }; parts: Part[] }

describe('dist/cli.js', () => {
  it('ranks the November 2014 signage split first in the Chinese seed (the npm start run)', () => {
    const r = cli('scan', 'seeds/chengxi-2014.csv', '--thresholds', 'seeds/chengxi-thresholds.json', '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: F[]; summary: { rows: number; rejected: number } };
    const first = report.findings[0];
    expect(first).toBeDefined();
    const subjects = (first?.parts ?? []).map((p) => p.subject ?? '');
    for (const s of ['道路指示标牌', '精神堡垒', '亮化', '字体']) expect(subjects.some((x) => x.includes(s))).toBe(true);
    expect(new Set(first?.parts.map((p) => p.vendor)).size).toBeGreaterThanOrEqual(4);
    expect(first?.total).toBe('1594200.00');
    // decoys: the rental series, the pool call-offs, the lone planning study and the office-supplies vendor are not first
    for (const f of report.findings.slice(0, 1)) {
      expect(f.parts.some((p) => /租金|印刷|规划编制/.test(p.subject ?? ''))).toBe(false);
    }
    expect(report.findings.some((f) => f.parts.some((p) => (p.subject ?? '').includes('印刷')))).toBe(false);
    expect(report.summary.rows).toBe(148);
    expect(report.summary.rejected).toBe(2);
    expect(r.stderr).toMatch(/read 148 rows, analysed 146, rejected 2/);
  });

  it('finds the card splits in the purchase-card seed and not the decoys', () => {
    const r = cli('scan', 'seeds/pcard-2019.csv', '--preset', 'pcard', '--limit', '3000', '--currency', 'USD', '--window', '3d', '--format', 'json', '--fail-on-findings');
    expect(r.status).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: F[] }).findings;
    const keys = findings.map((f) => `${f.buyer} ${f.parts[0]?.vendor}`);
    expect(keys).toEqual(expect.arrayContaining(['4417-0003 GRAINGER #0871', '4417-0004 DELL MARKETING L.P.', '4417-0002 HOME DEPOT #4410']));
    expect(keys.some((k) => /FASTENAL|AMAZON|ADOBE|NAPA|SHELL|CHEVRON/.test(k))).toBe(false);
  });

  it('prints a table, a one-line error and the documented exit codes', () => {
    const t = cli('scan', 'seeds/chengxi-2014.csv', '--thresholds', 'seeds/chengxi-thresholds.json', '--format', 'table', '--top', '1');
    expect(t.status).toBe(0);
    expect(t.stdout.split('\n')[0]).toMatch(/^#1 {2}score/);
    const missing = cli('scan', 'no-such.csv', '--preset', 'cn-hangzhou');
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe('splitscan: cannot read no-such.csv: no such file\n');
    expect(cli('scan').status).toBe(2);
    expect(execFileSync(process.execPath, ['dist/cli.js', '--help'], { cwd: root, encoding: 'utf8' })).toContain('Exit codes');
  });
});

describe('dist/node.js: a large file read on worker threads', () => {
  it('gives the ledger reading it in one piece gives, every real file (the threshold lowered)', async () => {
    const node = (await import(new URL('../../dist/node.js', import.meta.url).href)) as typeof import('../../src/node.js');
    const { RANGES } = (await import(new URL('../../dist/node/readRanges.js', import.meta.url).href)) as typeof import('../../src/node/readRanges.js');
    const files: [string, Parameters<typeof node.loadLedger>[1]][] = [
      ['toronto-pcard-2013-01.csv', { dateFormat: 'MM-dd-yyyy' }],
      ['toronto-pcard-2018-02.csv', {}],
      ['birmingham-pcard-2017-05.csv', { dateFormat: 'dd/MM/yy', credits: 'net' }],
      ['oxford-spend-over-500-2015-q4.csv', { dateFormat: 'dd/MM/yyyy', currency: 'GBP' }],
    ];
    try {
      for (const [name, options] of files) {
        const path = fileURLToPath(new URL(`../fixtures/io/real/${name}`, import.meta.url));
        Object.assign(RANGES, { minBytes: Infinity, count: undefined });
        const whole = await node.loadLedger(path, options);
        Object.assign(RANGES, { minBytes: 1, count: 3 });
        const before = RANGES.readInRanges;
        const ranged = await node.loadLedger(path, options);
        // Birmingham's first non-ASCII byte is past the first range: its encoding is not decided
        // there, so it is read again in one piece (the same ledger either way).
        expect(RANGES.readInRanges, name).toBe(before + (name.startsWith('birmingham') ? 0 : 1));
        expect({ ...ranged, records: ranged.records }, name).toEqual({ ...whole, records: whole.records });
      }
    } finally {
      Object.assign(RANGES, { minBytes: 16 << 20, count: undefined });
    }
  });
});
