/**
 * Per-buyer coverage in a scan: flag-rate warnings from it in every format, and the coverage
 * (a second pass over every record) computed once per scan, findings or not: it also says what the
 * rule could not test (test/cli/untested.test.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { escapeHtml } from '../../src/review/_html.js';
import { cli, repo } from './_run.js';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/review/coverage.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/review/coverage.js')>();
  return {
    ...original,
    detectedCoverage: (...args: Parameters<typeof original.detectedCoverage>) => {
      calls.n++;
      return original.detectedCoverage(...args);
    },
  };
});

const seed = ['scan', repo('seeds/chengxi-2014.csv'), '--thresholds', repo('seeds/chengxi-thresholds.json')];
/** A threshold no set of the seed's purchases reaches: no finding. */
const nothingFound = ['scan', repo('seeds/chengxi-2014.csv'), '--threshold', '1000000000', '--currency', 'CNY'];

beforeEach(() => {
  calls.n = 0;
});

describe('flag-rate warnings', () => {
  it('warn, in the report and on stderr, when findings hold more than --max-flag-share of a buyer', async () => {
    // The seed: one finding of 6 parts among the buyer's 136 assessed purchases (4.4%).
    const r = await cli([...seed, '--format', 'json', '--max-flag-share', '0.04']);
    const warnings = (JSON.parse(r.out) as { warnings?: { code: string; message: string }[] }).warnings ?? [];
    expect(warnings.filter((w) => w.code === 'flag_rate').map((w) => w.message)).toEqual([expect.stringMatching(/^杭州城西科创产业集聚区管委会: findings hold 4\.4% of its 136 assessed purchases \(6\)/u)]);
    expect(r.err).toMatch(/splitscan: warning: 杭州城西科创产业集聚区管委会: findings hold 4\.4%/u);
    expect((await cli([...seed, '--format', 'json'])).out).not.toMatch(/flag_rate/u);
  });
});

describe('flag-rate warnings with --top', () => {
  it('are the rule\'s: computed on every finding, whatever --top lists, in JSON and on the page', async () => {
    const oxford = ['scan', repo('test/fixtures/io/real/oxford-spend-over-500-2015-q4.csv'), '--threshold', '5000', '--currency', 'GBP', '--date-format', 'dd/MM/yyyy', '-q'];
    const rates = async (...more: string[]) => ((JSON.parse((await cli([...oxford, '--format', 'json', ...more])).out) as { warnings: { code: string; message: string }[] }).warnings).filter((w) => w.code === 'flag_rate').map((w) => w.message);
    const all = await rates();
    expect(all.length).toBeGreaterThan(5);
    for (const top of ['3', '100', '150']) expect(await rates('--top', top)).toEqual(all);
    const page = (await cli([...oxford, '--format', 'html', '--top', '3'])).out;
    for (const m of all) expect(page).toContain(escapeHtml(m));
    expect(page).not.toContain('This report lists only the top findings');
  }, 60_000);
});

describe('coverage is computed once per scan', () => {
  it('for flag rates when there are findings', async () => {
    expect((await cli([...seed, '--format', 'json'])).code).toBe(0);
    expect(calls.n).toBe(1);
  });

  it('once when nothing was found too, in every format: it says what the rule could not test', async () => {
    for (const format of ['json', 'md', 'csv', 'table']) {
      const r = await cli([...nothingFound, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/0 findings/u);
    }
    expect(calls.n).toBe(4);
  });

  it('for the HTML page, findings or not (it shows every buyer)', async () => {
    const r = await cli([...nothingFound, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(calls.n).toBe(1);
  });
});
