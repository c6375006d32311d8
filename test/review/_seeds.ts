/**
 * The month-over-month story on the seed ledgers, at the library level: the 2014 register scanned,
 * then rescanned with the January 2015 export appended (seeds/chengxi-2015-01.csv).
 */
import { readFileSync } from 'node:fs';
import { detectSplits } from '../../src/detect.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { buildReport, type ScanReport } from '../../src/io/write/scanReport.js';
import { readLedger, locateRejects } from '../../src/io/read/ledger.js';
import type { Ledger } from '../../src/io/read/reader.js';
import type { Reject } from '../../src/records/record.js';
import { loadThresholds } from '../../src/presets/index.js';

export const seed = (file: string): URL => new URL(`../../seeds/${file}`, import.meta.url);

/** The options `npm start` uses: the seed's thresholds file, the CLI's defaults otherwise. */
export const SEED_OPTIONS: DetectSplitsOptions = { thresholds: loadThresholds(JSON.parse(readFileSync(seed('chengxi-thresholds.json'), 'utf8'))) };

/** Reads seed ledgers as one ledger (the files in order, records and lines concatenated). */
export function readSeeds(...files: string[]): { records: Ledger['records']; rejects: Reject[]; rows: number; lines: number[]; ledgers: Ledger[] } {
  const ledgers = files.map((f) => readLedger(readFileSync(seed(f)), { currency: 'CNY' }));
  return {
    records: ledgers.flatMap((l) => l.records),
    rejects: ledgers.flatMap((l, i) => l.rejects.map((r) => ({ ...r, file: files[i] as string }))),
    rows: ledgers.reduce((n, l) => n + l.stats.rows, 0),
    lines: ledgers.flatMap((l) => [...l.lines]),
    ledgers,
  };
}

/** Scans seed ledgers as the CLI does (detectSplits, then buildReport). */
export function scanSeeds(files: string[], options: DetectSplitsOptions = SEED_OPTIONS): { report: ScanReport; records: Ledger['records'] } {
  const input = readSeeds(...files);
  const result = detectSplits(input.records, options);
  const single = input.ledgers.length === 1 ? (input.ledgers[0] as Ledger) : undefined;
  const report = buildReport({
    findings: result.findings,
    rejects: [...input.rejects, ...(single ? locateRejects(result.rejects, single) : result.rejects)],
    rows: input.rows,
    analysed: result.stats.accepted,
    lines: input.lines,
    source: files.join(' + '),
  });
  return { report, records: input.records };
}
