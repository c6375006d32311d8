/**
 * The built package (run after `npm run build`): the ESM and CJS entries load, agree, run the README
 * example, and the core entry stays platform-neutral.
 */
import { builtinModules, createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Api from '../../src/index.js';
import type * as SimulateApi from '../../src/simulate.js';
import type * as NodeApi from '../../src/node.js';
import { bundleSize } from '../../bench/_bundleSize.js';

// The built files, loaded by path (they exist only after `npm run build`), typed by the sources.
const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));
const esm = (await import(pathToFileURL(dist('index.js')).href)) as typeof Api;
const require = createRequire(import.meta.url);
const cjs = require(dist('index.cjs')) as typeof Api;
const esmNode = (await import(pathToFileURL(dist('node.js')).href)) as typeof NodeApi;
const cjsNode = require(dist('node.cjs')) as typeof NodeApi;
const seed = fileURLToPath(new URL('../../seeds/chengxi-2014.csv', import.meta.url));

/**
 * Four sign purchases of 300,000 CNY each by one buyer in November 2014 (1,200,000 together, each
 * under the 1,000,000 tender limit), one unrelated purchase, and one bad record.
 */
const records = [
  { id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', amount: '300000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
  { id: 'S2', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-07', amount: '300000', currency: 'CNY', category: 'B0702', subject: '道路指示标牌制作安装' },
  { id: 'S3', buyer: 'Zone Admin', vendor: 'Light Co', date: '2014-11-12', amount: '300000', currency: 'CNY', category: 'B0701', subject: '展示牌亮化及字体' },
  { id: 'S4', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-17', amount: '300000', currency: 'CNY', category: 'B0703', subject: '道路指示标牌' },
  { id: 'X1', buyer: 'Water Board', vendor: 'Desk Co', date: '2014-11-05', amount: '40000', currency: 'CNY', category: 'A0601', subject: 'office desks' },
  { id: 'BAD', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-02-30', amount: '1', currency: 'CNY' },
];

const readme = (window: Api.WindowOption): Api.DetectSplitsOptions => ({
  thresholds: [{ id: 'hz-open', amount: '1000000', currency: 'CNY', procedure: 'public tender', comparison: 'atOrAbove' }],
  window,
  vendor: 'any',
  subject: { categoryPrefix: 4, minSimilarity: 0.3, sameProject: false },
});

/** `file` and the files of dist/ it imports or requires by relative path, transitively. */
function closure(file: string): string[] {
  const seen = new Set<string>([file]);
  for (const f of seen) {
    for (const m of readFileSync(dist(f), 'utf8').matchAll(/(?:from\s*|import\s*|require\s*\(\s*)["'](\.\.?\/[^"']+)["']/gu)) {
      seen.add(posix.join(posix.dirname(f), m[1] as string));
    }
  }
  return [...seen];
}

describe('the built package', () => {
  it('loads as ESM and as CommonJS with the same public functions', () => {
    expect(typeof esm.detectSplits).toBe('function');
    expect(typeof cjs.detectSplits).toBe('function');
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });

  it.each<[string, Api.WindowOption]>([
    ['a 30-day window', { days: 30 }],
    ['a calendar month', { period: 'month' }],
    ['a fiscal year from April', { period: 'fiscalYear', fiscalYearStart: 4 }],
  ])('runs the README example with %s, the same in ESM and CJS', (_name, window) => {
    const a = esm.detectSplits(records, readme(window));
    const b = cjs.detectSplits(records, readme(window));
    expect(b).toEqual(a);
    expect(a.findings).toHaveLength(1);
    const f = a.findings[0];
    expect(f?.recordIds).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(f?.total).toBe('1200000.00');
    expect(f?.threshold.id).toBe('hz-open');
    expect(f?.explanation).toContain('1,000,000.00 CNY');
    expect(f?.explanation).toContain('public tender');
    expect(f?.score).toBeGreaterThanOrEqual(0.25);
    expect(a.rejects.map((r) => [r.id, r.code])).toEqual([['BAD', 'invalid_date']]);
    expect(a.stats.input).toBe(records.length);
    expect(a.stats.accepted).toBe(records.length - 1);
  });

  it('throws an OptionsError naming the option, from both builds', () => {
    for (const lib of [esm, cjs]) {
      let caught: unknown;
      try {
        lib.detectSplits(records, { thresholds: [] });
      } catch (e) {
        caught = e;
      }
      expect(lib.isOptionsError(caught)).toBe(true);
      expect(String((caught as Error).message)).toContain('thresholds');
    }
  });

  it('recognises errors thrown by the node entry with the guards of the core entry, in ESM and CJS alike', async () => {
    const thrown = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);
    const errors = [
      ['ESM', await thrown(esmNode.loadLedger('no-such-file.csv')), await thrown(esmNode.loadLedger(seed, { credits: 'bogus' as never }))],
      ['CJS', await thrown(cjsNode.loadLedger('no-such-file.csv')), await thrown(cjsNode.loadLedger(seed, { credits: 'bogus' as never }))],
    ] as const;
    for (const [format, input, options] of errors) {
      for (const lib of [esm, cjs]) {
        expect(lib.isInputError(input), `${format} InputError`).toBe(true);
        expect(lib.isSplitscanError(input), `${format} InputError`).toBe(true);
        expect(lib.isOptionsError(input), `${format} InputError`).toBe(false);
        expect(lib.isOptionsError(options), `${format} OptionsError`).toBe(true);
        expect(lib.isSplitscanError(options), `${format} OptionsError`).toBe(true);
        expect(lib.isInputError(options), `${format} OptionsError`).toBe(false);
      }
    }
    // One copy of the error classes per module system: instanceof holds across the two entries too.
    expect(errors[0][1]).toBeInstanceOf(esm.InputError);
    expect(errors[1][1]).toBeInstanceOf(cjs.InputError);
    for (const lib of [esm, cjs]) {
      expect(lib.isSplitscanError(new Error('x'))).toBe(false);
      expect(lib.isInputError({ name: 'InputError', code: 'unreadable' })).toBe(false);
    }
  });

  it('keeps the core entry free of Node.js built-ins, the chunks it shares with splitscan/node included', () => {
    const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/\\^$*+?.()|[\]{}-]/gu, '\\$&'));
    const importOf = new RegExp(`(?:from\\s*|import\\s*\\(\\s*|require\\s*\\(\\s*)["'](?:node:[^"']*|${builtins.join('|')})["']`, 'u');
    for (const entry of ['index.js', 'index.cjs']) {
      const files = closure(entry);
      expect(files.length, entry).toBeGreaterThan(1);
      for (const file of files) expect(readFileSync(dist(file), 'utf8'), file).not.toMatch(importOf);
    }
  });

  it('costs a browser page importing detectSplits at most 200 KB minified, the figure the README gives', async () => {
    // The user's bundler drops the modules detectSplits does not reach (the preset tables, the ledger
    // readers and their schemas) only if the ESM build keeps them in files of their own.
    const { bytes, largest } = await bundleSize("import { detectSplits } from 'splitscan'; console.log(detectSplits);");
    expect(bytes).toBeLessThanOrEqual(200 * 1024);
    const stated = /`bench\/size\.ts`\): (\d+) KB/u.exec(readFileSync(dist('../README.md'), 'utf8'));
    expect(stated, 'README: "(`bench/size.ts`): N KB"').not.toBeNull();
    expect(Math.abs(Number(stated?.[1]) - bytes / 1024), `README says ${stated?.[1]} KB, measured ${(bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(10);
    expect(largest.find((l) => l.input === 'dist')?.bytes ?? 0).toBeGreaterThan(0);
  });

  it('ships type declarations for both module systems that export detectSplits', () => {
    for (const file of ['index.d.ts', 'index.d.cts']) {
      expect(existsSync(dist(file)), file).toBe(true);
      const text = readFileSync(dist(file), 'utf8');
      expect(text).toMatch(/declare function detectSplits\b/u);
      expect(text).toMatch(/export\s*\{[^}]*\bdetectSplits\b/u);
    }
  });
});

describe('the splitscan/simulate entry', () => {
  // Resolved by the package's own name, so the `exports` map is what is tested (Node resolves a
  // package's name from inside it), then typed by the sources like the core above.
  const esmUrl = import.meta.resolve('splitscan/simulate');
  const cjsPath = require.resolve('splitscan/simulate');
  const names = ['DECOY_KINDS', 'REGIMES', 'SCHEME_KINDS', 'SIMULATION_THRESHOLDS', 'evaluate', 'simulate'];

  it('resolves to dist/simulate.js for import and dist/simulate.cjs for require, with the same exports', async () => {
    expect(esmUrl).toBe(pathToFileURL(dist('simulate.js')).href);
    expect(cjsPath).toBe(dist('simulate.cjs'));
    const simEsm = (await import(esmUrl)) as typeof SimulateApi;
    const simCjs = require(cjsPath) as typeof SimulateApi;
    expect(Object.keys(simEsm).sort()).toEqual(names);
    expect(Object.keys(simCjs).sort()).toEqual(names);
    // Both builds make the same ledger, and its truth, offered as findings, evaluates as perfect.
    const a = simEsm.simulate({ seed: 7, buyers: 2, recordsPerBuyer: 30 });
    expect(simCjs.simulate({ seed: 7, buyers: 2, recordsPerBuyer: 30 })).toEqual(a);
    expect(a.truth.schemes.length).toBeGreaterThan(0);
    const report = simCjs.evaluate({ findings: a.truth.schemes }, a.truth);
    expect([report.precision, report.recall]).toEqual([1, 1]);
  });

  it('is no longer part of the core entry', () => {
    for (const lib of [esm, cjs]) for (const name of names) expect(Object.keys(lib)).not.toContain(name);
    expect(import.meta.resolve('splitscan')).toBe(pathToFileURL(dist('index.js')).href);
    for (const file of ['index.d.ts', 'index.d.cts']) expect(readFileSync(dist(file), 'utf8')).not.toMatch(/declare function (simulate|evaluate)\b/u);
  });

  it('ships type declarations for both module systems and stays free of Node.js built-ins', () => {
    for (const file of ['simulate.d.ts', 'simulate.d.cts']) {
      const text = readFileSync(dist(file), 'utf8');
      expect(text).toMatch(/declare function simulate\b/u);
      expect(text).toMatch(/declare function evaluate\b/u);
    }
    expect(readFileSync(dist('simulate.js'), 'utf8')).not.toMatch(/["']node:/u);
    expect(readFileSync(dist('simulate.cjs'), 'utf8')).not.toMatch(/require\(["']node:/u);
  });
});
