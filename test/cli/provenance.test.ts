/**
 * Reports say where they came from: tool and version, each input with its SHA-256, how it was read,
 * every option and threshold detection used; and a run is reproduced from its own report
 * (`scan FILE --options REPORT.json`) with the same findings.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_KEYS } from '../../src/options/options.js';
import type { ScanReport } from '../../src/io/write/scanReport.js';
import { cli, repo } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-provenance-'));
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function report(argv: readonly string[]): Promise<ScanReport> {
  const r = await cli([...argv, '--format', 'json', '-q']);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as ScanReport;
}

/** What a finding is: its id (threshold and records), total and score. */
const findings = (r: ScanReport) => r.findings.map((f) => [f.id, f.total, f.score]);

describe('provenance', () => {
  it('records the tool, the inputs with their SHA-256, the reading options and every detection option', async () => {
    const seed = repo('seeds/chengxi-2014.csv');
    const thresholds = repo('seeds/chengxi-thresholds.json');
    const r = await report(['scan', seed, '--thresholds', thresholds, '--window', '20d', '--min-score', '0.1', '--exclude-vendor', 'Acme']);
    const p = r.provenance;
    expect(p?.tool).toEqual({ name: 'splitscan', version: (JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { version: string }).version });
    expect(p?.argv).toEqual(['scan', seed, '--thresholds', thresholds, '--window', '20d', '--min-score', '0.1', '--exclude-vendor', 'Acme', '--format', 'json', '-q']);
    expect(p?.inputs).toEqual([expect.objectContaining({ file: seed, bytes: statSync(seed).size, sha256: sha256(seed), format: 'csv', rows: 148 })]);
    expect(p?.inputs[0]?.columns?.['amount']).toEqual(['合同金额(元)']);
    expect(p?.reading).toMatchObject({ currency: 'CNY' });
    const o = p?.options as Record<string, unknown>;
    // Every option detection takes is there, with what it was (`vat` has no default: only when given).
    for (const key of OPTION_KEYS.filter((k) => !['name', 'citation', 'description', 'vat'].includes(k))) expect(o, key).toHaveProperty(key);
    expect(o).toMatchObject({ window: { days: 20 }, minScore: 0.1, vendor: 'any', currency: 'CNY', minPartShare: 0.1, exclude: { vendors: ['Acme'], categories: [] } });
    expect(o['thresholds']).toEqual(JSON.parse(readFileSync(thresholds, 'utf8')));
  });

  it.each([
    ['the Chinese seed with a thresholds file and grouping flags', ['seeds/chengxi-2014.csv', '--thresholds', 'seeds/chengxi-thresholds.json', '--window', 'month', '--category-prefix', '3', '--min-score', '0']],
    ['Toronto with pcard, a date pattern and a window of three days', ['test/fixtures/io/real/toronto-pcard-2013-01.csv', '--preset', 'pcard', '--limit', '1000', '--currency', 'CAD', '--date-format', 'MM-dd-yyyy', '--window', '3d']],
    ['the card seed with a tier-less preset and exclusions', ['seeds/pcard-2019.csv', '--preset', 'pcard', '--limit', '2500', '--currency', 'USD', '--exclude-category', 'none', '--placeholder-vendor', 'AMAZON']],
    ['the two seed months with an ad-hoc threshold', ['seeds/chengxi-2014.csv', 'seeds/chengxi-2015-01.csv', '--threshold', '500000', '--currency', 'CNY', '--procedure', 'tender', '--comparison', 'above', '--vendor', 'any']],
  ])('reruns %s from the report alone, with the same findings', async (_what, args) => {
    const argv = ['scan', ...args.map((a) => (/^(seeds|test)\//u.test(a) ? repo(a) : a))];
    const first = await report(argv);
    expect(first.findings.length).toBeGreaterThan(0);
    const saved = join(dir, `report-${first.findings.length}-${first.summary.rows}.json`);
    writeFileSync(saved, JSON.stringify(first));
    const files = first.provenance?.inputs.map((i) => i.file) ?? [];
    const again = await cli(['scan', ...files, '--options', saved, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(again.err).not.toMatch(/is not the file the report read/u);
    const rerun = JSON.parse(again.out) as ScanReport;
    expect(rerun.warnings).toEqual(first.warnings);
    expect(findings(rerun)).toEqual(findings(first));
    expect(rerun.summary).toEqual(first.summary);
    expect(rerun.provenance?.options).toEqual(first.provenance?.options);
  });

  it('warns when a file is not the one the report read', async () => {
    const copy = join(dir, 'ledger.csv');
    copyFileSync(repo('seeds/chengxi-2014.csv'), copy);
    const saved = join(dir, 'before.json');
    writeFileSync(saved, JSON.stringify(await report(['scan', copy, '--thresholds', repo('seeds/chengxi-thresholds.json')])));
    appendFileSync(copy, '999,杭州城西科创产业集聚区管委会,X,Y,Z,A0101,a,b,询价,"1.00",2014/12/1,\n');
    const r = await cli(['scan', copy, '--options', saved, '--format', 'json']);
    expect(r.err).toMatch(new RegExp(`^splitscan: warning: ${copy.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} is not the file the report read \\(SHA-256 ${sha256(copy).slice(0, 12)}…, was [0-9a-f]{12}…\\)$`, 'mu'));
    expect(JSON.parse(r.out).warnings).toEqual([expect.objectContaining({ code: 'input_changed' })]);
  });

  it('compares the files by real path: a file named otherwise (./, absolute, a link) that changed is still warned of', async () => {
    const sub = mkdtempSync(join(dir, 'paths-'));
    const abs = join(sub, 'b.csv');
    copyFileSync(repo('seeds/chengxi-2014.csv'), abs);
    const typed = relative(process.cwd(), abs);
    const saved = join(sub, 'local.json');
    writeFileSync(saved, JSON.stringify(await report(['scan', typed, '--thresholds', repo('seeds/chengxi-thresholds.json')])));
    appendFileSync(abs, '999,杭州城西科创产业集聚区管委会,X,Y,Z,A0101,a,b,询价,"1.00",2014/12/1,\n');
    const link = join(sub, 'link.csv');
    symlinkSync(abs, link);
    for (const named of [`./${typed}`, abs, link]) {
      const r = await cli(['scan', named, '--options', saved, '--format', 'json']);
      expect(JSON.parse(r.out).warnings, named).toEqual([expect.objectContaining({ code: 'input_changed' })]);
      expect(r.err).toContain(`splitscan: warning: ${named} (${typed} in the report) is not the file the report read (SHA-256 ${sha256(abs).slice(0, 12)}…, was `);
    }
  });

  it('shows in Markdown, with the hashes and the options', async () => {
    const seed = repo('seeds/chengxi-2014.csv');
    const r = await cli(['scan', seed, '--thresholds', repo('seeds/chengxi-thresholds.json'), '--format', 'md', '-q']);
    expect(r.out).toContain('## Provenance');
    expect(r.out).toContain(`| ${sha256(seed)} | 148 |`);
    expect(r.out).toContain('"HZ-2018-FIGURES-OPEN"');
  });
});
