/**
 * Per-buyer coverage in a scan: flag-rate warnings from it in every format, and the coverage
 * (a second pass over every record) computed only when its output is needed — for the HTML page,
 * or when findings could make a buyer's flag rate warn.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('coverage is computed only when needed', () => {
  it('for flag rates when there are findings', async () => {
    expect((await cli([...seed, '--format', 'json'])).code).toBe(0);
    expect(calls.n).toBe(1);
  });

  it('not when nothing was found and the format is not html: no flag rate can warn', async () => {
    for (const format of ['json', 'md', 'csv', 'table']) {
      const r = await cli([...nothingFound, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/0 findings/u);
    }
    expect(calls.n).toBe(0);
  });

  it('for the HTML page, findings or not (it shows every buyer)', async () => {
    const r = await cli([...nothingFound, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(calls.n).toBe(1);
  });
});
