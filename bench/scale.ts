/**
 * Scale benchmark: `npm run bench`.
 *
 * For each size (default 10k, 100k, 1M routine records of the seeded simulation, plus its schemes
 * and decoys) a fresh child process (`node --import tsx --expose-gc`) simulates the ledger, forces a
 * garbage collection, then measures in one run:
 * - `detectSplits` with the default policy and the simulation's two thresholds: wall time, records/s
 *   (best of three runs up to 20k records so JIT warm-up does not dominate; one cold run above);
 * - `Array.prototype.sort` of a copy of the same records by (buyer, date): the floor any grouping
 *   by buyer and time pays;
 * - at sizes the brute-force oracle (test/oracle.ts, O(n²)) can finish (≤ 2k), its time.
 * Memory: the child's peak resident set (`process.resourceUsage().maxRSS`, the kernel's high-water
 * mark, so it includes the ledger itself) and the V8 heap before and after detection. One child per
 * size keeps one size's garbage out of the next one's peak. A child that runs past the time limit
 * (default 180 s) is killed and reported as such.
 *
 * Writes bench/RESULTS.md. Options: `--sizes 10000,100000,1000000`, `--oracle 1000,2000`,
 * `--seed N`, `--timeout SECONDS`, `--out PATH` (`-` prints only).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Measure {
  size: number;
  records: number;
  simulateMs: number;
  detectMs: number;
  sortMs: number;
  oracleMs?: number;
  oracleAgrees?: boolean;
  findings: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  peakRssMB: number;
  rssBeforeMB: number;
}

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const SEED = Number(arg('seed', '20240501'));
const MB = 1024 * 1024;

async function child(size: number, withOracle: boolean): Promise<void> {
  const { simulate, SIMULATION_THRESHOLDS } = await import('../src/simulate.js');
  const { detectSplits } = await import('../src/detect.js');
  const gc = (globalThis as { gc?: () => void }).gc;
  let t = performance.now();
  // The simulator builds its strings by concatenation (V8 cons strings, flattened on first use);
  // a JSON round trip hands detection flat strings, as a file loader or JSON.parse would.
  const records = JSON.parse(JSON.stringify(simulate({ seed: SEED, size }).records)) as ReturnType<typeof simulate>['records'];
  const simulateMs = performance.now() - t;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;

  // The plain sort of the same records by (buyer, date).
  let sortMs = Infinity;
  for (let rep = 0; rep < (size <= 20_000 ? 3 : 1); rep++) {
    const copy = records.slice();
    t = performance.now();
    copy.sort((a, b) => (a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    sortMs = Math.min(sortMs, performance.now() - t);
    copy.length = 0;
  }
  gc?.();

  const options = { thresholds: [...SIMULATION_THRESHOLDS] };
  // Small sizes: best of three, so JIT warm-up does not dominate; large sizes: one cold run.
  let detectMs = Infinity;
  let result!: ReturnType<typeof detectSplits>;
  for (let rep = 0; rep < (size <= 20_000 ? 3 : 1); rep++) {
    t = performance.now();
    result = detectSplits(records, options);
    detectMs = Math.min(detectMs, performance.now() - t);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const m: Measure = {
    size, records: records.length, simulateMs, detectMs, sortMs, findings: result.findings.length,
    heapBeforeMB: heapBefore / MB, heapAfterMB: heapAfter / MB, rssBeforeMB: rssBefore / MB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  if (withOracle) {
    const { oracleDetect } = await import('../test/oracle.js');
    t = performance.now();
    const oracle = oracleDetect(records, options);
    m.oracleMs = performance.now() - t;
    const key = (f: { thresholdId: string; recordIds: readonly string[] }) => `${f.thresholdId}:${[...f.recordIds].sort().join(',')}`;
    // The oracle lists every crossing run; compare with detection's full list (minScore 0), the
    // default report only leaves out the low scorers.
    const all = detectSplits(records, { ...options, minScore: 0 });
    const a = new Set(oracle.map(key));
    const b = new Set(all.findings.map((f) => key({ thresholdId: f.threshold.id, recordIds: f.recordIds })));
    m.oracleAgrees = a.size === b.size && [...a].every((k) => b.has(k));
  }
  process.stdout.write(`${JSON.stringify(m)}\n`);
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function parent(): void {
  const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
  const oracleSizes = arg('oracle', '1000,2000').split(',').filter(Boolean).map(Number);
  const timeoutS = Number(arg('timeout', '180'));
  const out = arg('out', fileURLToPath(new URL('./RESULTS.md', import.meta.url)));
  const self = fileURLToPath(import.meta.url);
  const rows: (Measure | { size: number; error: string })[] = [];
  for (const size of [...oracleSizes.map((s) => -s), ...sizes]) {
    const n = Math.abs(size);
    process.stderr.write(`size ${n}${size < 0 ? ' (with oracle)' : ''} … `);
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', self, '--child', String(n), ...(size < 0 ? ['--with-oracle'] : []), '--seed', String(SEED)], {
      encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 24,
    });
    const line = r.stdout?.trim().split('\n').pop();
    if (r.status === 0 && line) {
      const m = JSON.parse(line) as Measure;
      rows.push(m);
      process.stderr.write(`${fmt(m.detectMs)} ms\n`);
    } else {
      const error = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `killed after ${timeoutS} s` : `failed: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`;
      rows.push({ size: n, error });
      process.stderr.write(`${error}\n`);
    }
  }

  const ok = rows.filter((r): r is Measure => 'detectMs' in r);
  const head = '| records | detectSplits ms | records/s | sort ms | detect / sort | oracle ms | oracle / detect | agrees with oracle | findings | heap before MB | heap after MB | peak RSS MB |';
  const lines = [head, `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`];
  for (const r of rows) {
    if (!('detectMs' in r)) {
      lines.push(`| ${r.size} | ${r.error} | | | | | | | | | | |`);
      continue;
    }
    lines.push(`| ${r.records} | ${fmt(r.detectMs)} | ${Math.round((r.records / r.detectMs) * 1000).toLocaleString('en')} | ${fmt(r.sortMs)} | ${fmt(r.detectMs / r.sortMs)} | ${r.oracleMs !== undefined ? fmt(r.oracleMs) : '–'} | ${r.oracleMs !== undefined ? fmt(r.oracleMs / r.detectMs) : '–'} | ${r.oracleAgrees === undefined ? '–' : r.oracleAgrees ? 'yes' : 'NO'} | ${r.findings} | ${fmt(r.heapBeforeMB)} | ${fmt(r.heapAfterMB)} | ${fmt(r.peakRssMB)} |`);
  }
  const big = ok.filter((r) => r.oracleMs === undefined);
  const growth: string[] = [];
  for (let i = 1; i < big.length; i++) {
    const a = big[i - 1]!;
    const b = big[i]!;
    const nlogn = (b.records * Math.log(b.records)) / (a.records * Math.log(a.records));
    growth.push(`- ${a.records} → ${b.records} records: time × ${fmt(b.detectMs / a.detectMs)} (n log n predicts × ${fmt(nlogn)}, n × ${fmt(b.records / a.records)})`);
  }
  const md = `# splitscan scale benchmark

Generated by \`npm run bench\` (bench/scale.ts) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, one thread.

Data: \`simulate({ seed: ${SEED}, size })\` (the routine records plus the injected schemes and decoys,
500 records per buyer, two years), passed through JSON (flat strings, as a loader yields them).
Options: the defaults with the simulation's two thresholds.
Times up to 20k records are the best of three runs (JIT warm-up excluded), above that one cold run.
Each size runs in its own child process (\`node --import tsx --expose-gc\`); the heap is measured after
a forced GC before detection and again after it (result retained); peak RSS is the child's kernel
high-water mark and includes the ledger. "sort" is \`Array.prototype.sort\` of a copy of the same
records by (buyer, date); "oracle" is the O(n²) brute force of test/oracle.ts, run where it finishes.

${lines.join('\n')}

Growth:
${growth.join('\n') || '- (one size only)'}

Targets (issue 5): 1M records under 10 s on one thread and under 2 GB, growing no faster than n log n
from 100k to 1M.
`;
  console.log(md);
  if (out !== '-') {
    writeFileSync(out, md);
    console.log(`written to ${out}`);
  }
}

if (args.includes('--child')) await child(Number(arg('child', '0')), args.includes('--with-oracle'));
else parent();
