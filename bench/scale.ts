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
 * Then the worst cases (issue 9, bench/_worstCases.ts: oneDay, sharedTokens, busyMonth), each at
 * each worst-case size in its own child, one cold run of `detectSplits` against their thresholds:
 * wall and CPU time, and the peak resident set of detection alone (the kernel's high-water mark is
 * reset after the ledger is built, where Linux allows it). A second, profiled run of the same ledger
 * (V8's sampling profiler, through node:inspector) splits detection's CPU time by the module running
 * it — subject text (tokens and rarity weights), link (the text join and the other link indexes), runs,
 * records (reading the input), prepare (partitions, items), score (scores, findings), garbage
 * collection and the rest — so what dominates is on record.
 *
 * Writes bench/RESULTS.md. Options: `--sizes 10000,100000,1000000`, `--oracle 1000,2000`,
 * `--worst oneDay,sharedTokens,busyMonth` (`--worst none` skips them), `--worst-sizes 100000,1000000`,
 * `--seed N`, `--timeout SECONDS`, `--out PATH` (`-` prints only).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WORST_CASES, WORST_CASE_THRESHOLDS, worstCase, type WorstCase } from './_worstCases.js';

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

/** One worst case at one size: detection alone, and where its CPU time goes. */
interface WorstMeasure {
  kind: WorstCase;
  records: number;
  detectMs: number;
  cpuMs: number;
  findings: number;
  heapAfterMB: number;
  /** Peak resident set during detection (ledger included), or since the start where it cannot be reset. */
  peakRssMB: number;
  /** Resident set when detection starts: the ledger, and the heap V8 kept from building it. */
  rssBeforeMB: number;
  peakReset: boolean;
  /** CPU milliseconds of the profiled run, by part (see {@link PARTS}). */
  split: Record<Part, number>;
}

/** The parts detection's CPU time is split into, by the source module running it. */
const PARTS = ['subject text', 'link', 'runs', 'records', 'prepare', 'score', 'GC', 'other'] as const;
type Part = (typeof PARTS)[number];
const PART_OF: readonly [RegExp, Part][] = [
  [/^similarity\//u, 'subject text'],
  [/^cluster\/(link|unionFind)\.ts/u, 'link'],
  [/^cluster\/(runs|window)\.ts/u, 'runs'],
  [/^records\//u, 'records'],
  [/^cluster\/(prepare|candidates)\.ts/u, 'prepare'],
  [/^(score|report)\//u, 'score'],
];
const SRC = new URL('../src/', import.meta.url).href;

/** The kernel's peak resident set of this process in MB (VmHWM), or getrusage's where /proc is missing. */
function peakRss(): number {
  try {
    const hwm = /VmHWM:\s+(\d+)/u.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Resets the peak resident set to the current one (Linux ≥ 4.0); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * CPU time of a V8 CPU profile by part: each sample's time goes to the nearest frame on its stack
 * that runs code of src/ (so library and built-in calls count for the module calling them).
 */
function splitProfile(profile: Profiler.Profile): Record<Part, number> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partOf = new Map<number, Part | undefined>();
  const classify = (id: number): Part | undefined => {
    if (partOf.has(id)) return partOf.get(id);
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let part: Part | undefined;
    if (name === '(idle)') part = undefined;
    else if (name === '(garbage collector)') part = 'GC';
    else {
      const { url } = node.callFrame;
      const own = url.startsWith(SRC) ? (PART_OF.find(([re]) => re.test(url.slice(SRC.length)))?.[1] ?? 'other') : undefined;
      const up = parent.get(id);
      part = own ?? (up === undefined ? 'other' : (classify(up) ?? 'other'));
    }
    partOf.set(id, part);
    return part;
  };
  const split = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
  (profile.samples ?? []).forEach((id, i) => {
    const part = classify(id);
    if (part) split[part] += (profile.timeDeltas?.[i] ?? 0) / 1000;
  });
  return split;
}

async function worstChild(kind: WorstCase, size: number): Promise<void> {
  const { detectSplits } = await import('../src/detect.js');
  const { Session } = await import('node:inspector/promises');
  const gc = (globalThis as { gc?: () => void }).gc;
  // Flat strings, as a loader yields them (see the simulated ledgers).
  const records = JSON.parse(JSON.stringify(worstCase(kind, size))) as ReturnType<typeof worstCase>;
  const options = { thresholds: [...WORST_CASE_THRESHOLDS] };
  gc?.();
  const rssBeforeMB = process.memoryUsage().rss / MB;
  const peakReset = resetPeakRss();
  const t = performance.now();
  const c = process.cpuUsage();
  let result: ReturnType<typeof detectSplits> | undefined = detectSplits(records, options);
  const detectMs = performance.now() - t;
  const cpu = process.cpuUsage(c);
  const m: Omit<WorstMeasure, 'split'> = {
    kind, records: records.length, detectMs, cpuMs: (cpu.user + cpu.system) / 1000, findings: result.findings.length,
    heapAfterMB: process.memoryUsage().heapUsed / MB, peakRssMB: peakRss(), rssBeforeMB, peakReset,
  };
  result = undefined;
  gc?.();
  // The profiled run: same ledger, a second run (warm), sampled every millisecond.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  detectSplits(records, options);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  process.stdout.write(`${JSON.stringify({ ...m, split: splitProfile(profile) })}\n`);
}

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

/** Runs this script as a child with `args`; its last line of output parsed, or why it gave none. */
function runChild<T>(args: readonly string[], timeoutS: number): T | { error: string } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096', self, '--child', ...args, '--seed', String(SEED)], {
    encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 24,
  });
  const line = r.stdout?.trim().split('\n').pop();
  if (r.status === 0 && line) return JSON.parse(line) as T;
  return { error: r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `killed after ${timeoutS} s` : `failed: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
}

function parent(): void {
  const sizes = arg('sizes', '10000,100000,1000000').split(',').filter(Boolean).map(Number);
  const oracleSizes = arg('oracle', '1000,2000').split(',').filter(Boolean).map(Number);
  const worstKinds = arg('worst', WORST_CASES.join(',')).split(',').filter((k): k is WorstCase => (WORST_CASES as readonly string[]).includes(k));
  const worstSizes = arg('worst-sizes', '100000,1000000').split(',').filter(Boolean).map(Number);
  const timeoutS = Number(arg('timeout', '180'));
  const out = arg('out', fileURLToPath(new URL('./RESULTS.md', import.meta.url)));
  const load = loadavg()[0] ?? 0;
  const rows: (Measure | { size: number; error: string })[] = [];
  for (const size of [...oracleSizes.map((s) => -s), ...sizes]) {
    const n = Math.abs(size);
    process.stderr.write(`size ${n}${size < 0 ? ' (with oracle)' : ''} … `);
    const r = runChild<Measure>([String(n), ...(size < 0 ? ['--with-oracle'] : [])], timeoutS);
    rows.push('error' in r ? { size: n, error: r.error } : r);
    process.stderr.write('error' in r ? `${r.error}\n` : `${fmt(r.detectMs)} ms\n`);
  }
  const worst: (WorstMeasure | { kind: WorstCase; size: number; error: string })[] = [];
  for (const kind of worstKinds) {
    for (const n of worstSizes) {
      process.stderr.write(`worst case ${kind} ${n} … `);
      const r = runChild<WorstMeasure>([String(n), '--worst-case', kind], timeoutS);
      worst.push('error' in r ? { kind, size: n, error: r.error } : r);
      process.stderr.write('error' in r ? `${r.error}\n` : `${fmt(r.detectMs)} ms\n`);
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
  const worstHead = `| case | records | detectSplits ms | CPU ms | records/s | peak RSS MB | RSS before MB | heap after MB | findings | ${PARTS.map((p) => `${p} %`).join(' | ')} |`;
  const worstLines = [worstHead, `|${worstHead.split('|').slice(1, -1).map(() => '---').join('|')}|`];
  for (const r of worst) {
    if ('error' in r) {
      worstLines.push(`| ${r.kind} | ${r.size} | ${r.error} |${' |'.repeat(6 + PARTS.length)}`);
      continue;
    }
    const total = PARTS.reduce((sum, p) => sum + r.split[p], 0);
    worstLines.push(`| ${r.kind} | ${r.records} | ${fmt(r.detectMs)} | ${fmt(r.cpuMs)} | ${Math.round((r.records / r.detectMs) * 1000).toLocaleString('en')} | ${fmt(r.peakRssMB)}${r.peakReset ? '' : '*'} | ${fmt(r.rssBeforeMB)} | ${fmt(r.heapAfterMB)} | ${r.findings} | ${PARTS.map((p) => ((100 * r.split[p]) / total).toFixed(0)).join(' | ')} |`);
  }
  const worstGrowth: string[] = [];
  for (const kind of worstKinds) {
    const done = worst.filter((r): r is WorstMeasure => r.kind === kind && !('error' in r));
    for (let i = 1; i < done.length; i++) {
      const a = done[i - 1]!;
      const b = done[i]!;
      worstGrowth.push(`- ${kind} ${a.records} → ${b.records}: CPU time × ${fmt(b.cpuMs / a.cpuMs)} (n log n predicts × ${fmt((b.records * Math.log(b.records)) / (a.records * Math.log(a.records)))}, n × ${fmt(b.records / a.records)})`);
    }
  }
  const worstSection = worst.length === 0 ? '' : `
## Worst cases (issue 9)

The adversarial ledgers of bench/_worstCases.ts (seed 1): \`oneDay\` (one buyer, one day, one subject,
50 vendors), \`sharedTokens\` (distinct long subjects sharing 8 tokens, one buyer, 30 days),
\`busyMonth\` (one buyer, one month, 1,000 vendors, 500 words, 200 categories), against
WORST_CASE_THRESHOLDS with the default options. One cold run each, in its own child; CPU time is the
process's (user + system) during detection, which stays near the wall time on an idle machine; peak
RSS is the resident high-water mark during detection, the ledger included (reset after the ledger is
built; * marks a peak since the start, where it could not be reset); RSS before is the resident set
when detection starts, after a forced GC: the ledger and the heap V8 kept from building it, which
the peak cannot fall below. The last columns split the CPU
time of a second, profiled run by the module running it: subject text (src/similarity: tokens,
rarity weights, similarity), link (cluster/link and union-find: the text join and the other link
indexes), runs (cluster/runs, window), records (reading and checking the input), prepare
(cluster/prepare and candidates: partitions, items), score (score and report: scores, findings), GC,
and other.

${worstLines.join('\n')}

Growth:
${worstGrowth.join('\n') || '- (one size only)'}

Target (issue 9): each case at 1M records under 30 s and 2 GB on this machine.
`;

  const md = `# splitscan scale benchmark

Generated by \`npm run bench\` (bench/scale.ts) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, one thread; load average
${load.toFixed(1)} when it started (other work on the machine stretches wall times).

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
${worstSection}`;
  console.log(md);
  if (out !== '-') {
    writeFileSync(out, md);
    console.log(`written to ${out}`);
  }
}

if (args.includes('--worst-case')) await worstChild(arg('worst-case', '') as WorstCase, Number(arg('child', '0')));
else if (args.includes('--child')) await child(Number(arg('child', '0')), args.includes('--with-oracle'));
else parent();
