/**
 * What an example may use without defining it (docs/examples.md lists the same): the public API,
 * the exports of the module the example documents, `Decimal` and `z`, and five fixtures made from
 * the Chinese seed ledger, as `npm start` scans it. Everything is frozen: an example that changes a
 * fixture fails instead of changing the next example's input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import * as z from 'zod';
import * as core from '../../src/index.js';
import * as node from '../../src/node.js';
import * as review from '../../src/review/index.js';
import * as simulate from '../../src/simulate.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { ROOT } from './_extract.js';

/** The package's entry points, as `import … from '<name>'` in an example reads them: the sources. */
export const ENTRIES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  splitscan: core,
  'splitscan/node': node,
  'splitscan/review': review,
  'splitscan/simulate': simulate,
};

/** The entries' exports in one scope; a name two entries export must be the same value. */
export function publicApi(): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const [entry, exports] of Object.entries(ENTRIES)) {
    for (const [name, value] of Object.entries(exports)) {
      if (name in scope && scope[name] !== value) throw new Error(`${entry} exports another \`${name}\` than an earlier entry`);
      scope[name] = value;
    }
  }
  return scope;
}

/** The runtime libraries doc comments use by name: exact decimals and schemas. */
export const LIBRARIES = { Decimal, z } as const;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const seed = (file: string): Buffer => readFileSync(join(ROOT, 'seeds', file));

/** The fixtures, made once: the 2014 seed read, its thresholds, and its scan's report. */
export function fixtures(): {
  ledger: core.Ledger;
  records: core.Ledger['records'];
  thresholds: core.ThresholdInput[];
  options: DetectSplitsOptions;
  report: core.ScanReport;
} {
  const ledger = core.readLedger(seed('chengxi-2014.csv'), { currency: 'CNY' });
  const thresholds = core.loadThresholds(JSON.parse(seed('chengxi-thresholds.json').toString('utf8')));
  const options = { thresholds };
  const result = core.detectSplits(ledger.records, options);
  const report = core.buildReport({
    findings: result.findings,
    rejects: [...ledger.rejects, ...core.locateRejects(result.rejects, ledger)],
    rows: ledger.stats.rows,
    analysed: result.stats.accepted,
    lines: ledger.lines,
    source: 'seeds/chengxi-2014.csv',
  });
  return deepFreeze({ ledger, records: ledger.records, thresholds, options, report });
}
