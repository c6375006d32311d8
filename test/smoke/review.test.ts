/**
 * The built `splitscan/review` entry (after `npm run build`): ESM and CJS agree, it stays
 * platform-neutral, it carries the chart library (and the core does not), and the page it writes
 * from the seed works in Chromium — the page's script survives the build's transforms.
 */
import { builtinModules, createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Api from '../../src/index.js';
import type * as Review from '../../src/review/index.js';
import { SKIP_BROWSER, launch } from '../browser/_chromium.js';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
const core = (await import(pathToFileURL(dist('index.js')).href)) as typeof Api;
const esm = (await import(pathToFileURL(dist('review.js')).href)) as typeof Review;
const cjs = createRequire(import.meta.url)(dist('review.cjs')) as typeof Review;

describe('the built splitscan/review entry', () => {
  it('loads as ESM and as CommonJS with the same functions, and ships types for both', () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    for (const fn of ['toHtml', 'applyDecisions', 'diffReports', 'readDecisions', 'buyerCoverage', 'flagRates'] as const) expect(typeof esm[fn]).toBe('function');
    for (const file of ['review.d.ts', 'review.d.cts']) expect(readFileSync(dist(file), 'utf8')).toMatch(/declare function toHtml\b/u);
  });

  it('carries uPlot, which the core bundle does not, and imports no Node.js built-in', () => {
    const review = readFileSync(dist('review.js'), 'utf8');
    expect(review).toContain('leeoniya/uPlot');
    expect(review).toContain('.u-over');
    expect(readFileSync(dist('index.js'), 'utf8')).not.toContain('leeoniya/uPlot');
    const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/\\^$*+?.()|[\]{}-]/gu, '\\$&'));
    expect(review).not.toMatch(new RegExp(`(?:from\\s*|import\\s*\\(\\s*|require\\s*\\(\\s*)["'](?:node:[\\w/]+|${builtins.join('|')})["']`, 'u'));
  });

  it.skipIf(SKIP_BROWSER)('writes a page for the seed that runs in Chromium without an error', async () => {
    const ledger = core.readLedger(readFileSync(new URL('../../seeds/chengxi-2014.csv', import.meta.url)), { currency: 'CNY' });
    const options = { thresholds: core.loadThresholds(JSON.parse(readFileSync(new URL('../../seeds/chengxi-thresholds.json', import.meta.url), 'utf8'))) };
    const result = core.detectSplits(ledger.records, options);
    const report = core.buildReport({ findings: result.findings, rejects: ledger.rejects, rows: ledger.stats.rows, analysed: result.stats.accepted, lines: ledger.lines });
    const html = esm.toHtml(report, { coverage: esm.buyerCoverage(ledger.records, options) });
    // The CJS build writes the same page, but for how its bundler laid out the script's code.
    const withoutCode = (page: string) => page.replace(/<script>[^]*?<\/script>|'sha256-[^']*'|&#39;sha256-[^&]*&#39;/gu, '');
    expect(withoutCode(cjs.toHtml(report, { coverage: cjs.buyerCoverage(ledger.records, options) }))).toBe(withoutCode(html));

    const dir = mkdtempSync(join(tmpdir(), 'splitscan-smoke-'));
    const file = join(dir, 'seed.html');
    writeFileSync(file, html);
    const { context, close } = await launch();
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-ready]');
      await page.click('#findings tbody tr[data-id]');
      await page.waitForSelector('.finding-detail [data-chart=timeline] canvas');
      expect(await page.$$eval('#findings tbody tr[data-id]', (trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(report.findings.map((f) => f.id));
      expect(await page.$$('#histograms canvas')).toHaveLength(2);
      expect(problems).toEqual([]);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
