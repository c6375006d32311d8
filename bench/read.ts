/**
 * Reading benchmark: `npm run bench:read`.
 *
 * 1. Generates (seeded, into bench/.tmp) a file shaped like the City of Toronto's complete
 *    purchasing-card history: tab-separated, CRLF, the 2018 header, Windows-1252 bytes (no-break
 *    spaces, curly apostrophes, É), a quoted merchant-type description holding a comma, amounts of
 *    1,000 and more quoted with a thousands comma, each card block closed by a subtotal line, 2%
 *    refunds, and some same-day split purchases: 527,375 data rows, about 177 MB.
 * 2. Times, in one run and in fresh processes, the CLI end to end —
 *    `splitscan scan FILE --preset pcard --limit 3000 --currency CAD --map project= --min-part-share 0
 *    --min-score 0 -f json -q` (pcard: same buyer, here Division, same merchant, same day; every
 *    crossing run listed; the cost centre is left unread, as pcard would otherwise keep apart parts
 *    charged to different cost centres, which the plain rule does not) — and DuckDB (`@duckdb/node-api`, installed into bench/.tmp on
 *    demand, a measuring peer and not a dependency) loading the same file and running the same rule:
 *    rows with a merchant and 0 < amount ≤ 3000, grouped by Division, merchant and day, at least two
 *    of them, summing over 3000. Wall time and peak RSS (`/usr/bin/time`) of each, and the ratio.
 * 3. Splits the CLI's time in-process: `loadLedger` (reading), the table built from its columns
 *    (validation), `detectSplits` (detection).
 * 4. Times the floor on one thread: decoding the file, and decoding and splitting it into cells
 *    with the reader's own splitter (nothing kept); writing the run's JSON report from its value.
 *    With the serial steps of 3, the least the CLI could take however fast rows became records.
 *
 * Writes bench/READ.md. Options: `--rows N` (default 527375), `--seed N`, `--runs N` (best of N,
 * default 3), `--out PATH` (`-` prints only), `--no-duckdb`, `--baseline DIR` (another build's
 * dist folder, e.g. main's, whose CLI is timed the same way in the same run, each of its runs
 * next to one of this build's, for a before/after ratio that shares the machine's load), `--baseline-label
 * TEXT` (what that build is, for READ.md; default: its folder). With `SPLITSCAN_READ_RANGES=N` in the
 * environment every build reads the file in N ranges (1: one piece) whatever the load, and READ.md says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/simulate/_prng.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = join(root, 'bench', '.tmp');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROWS = Number(flag('rows') ?? 527375);
const SEED = Number(flag('seed') ?? 20240501);
const RUNS = Number(flag('runs') ?? 3);
const OUT = flag('out') ?? join(root, 'bench', 'READ.md');
const BASELINE = flag('baseline');
const LIMIT = 3000;
/** The ranges every CLI run reads the file in, when the environment says (see `RANGES` in src/node/readRanges.ts); else the load decides. */
const RANGES_SET = process.env['SPLITSCAN_READ_RANGES'];

const HEADER = [
  'Division', 'Batch-Transaction ID', 'Transaction Date', 'Card Posting Date', 'Merchant Name', 'Transaction Amount', 'Transaction Currency', 'Original Amount', 'Original Currency',
  'G/L Account', 'G/L Account Description', 'Cost Center / WBS Element / Order', 'Cost Center / WBS Element / Order Description', 'Merchant Type (MCC)', 'Merchant Type Description', 'Purpose',
];
const DIVISIONS = ['TORONTO PARAMEDIC SERVICES', 'PARKS, FORESTRY & RECREATION', 'TORONTO WATER', 'PUBLIC HEALTH', 'ECONOMIC DEVELOPMENT & CULTURE', 'SOLID WASTE MANAGEMENT SERVICES', 'TRANSPORTATION SERVICES', 'FACILITIES MANAGEMENT', 'SHELTER, SUPPORT & HOUSING ADMINISTRATION', 'CHILDREN\u2019S SERVICES', 'TORONTO EMPLOYMENT & SOCIAL SERVICES', 'FIRE SERVICES', 'LONG-TERM CARE HOMES & SERVICES', 'CITY CLERK\u2019S OFFICE', 'INFORMATION & TECHNOLOGY', 'ENGINEERING & CONSTRUCTION SERVICES', 'MUNICIPAL LICENSING & STANDARDS', 'CITY PLANNING', 'TORONTO BUILDING', 'FLEET SERVICES'];
const MERCHANTS = ['SHELL', 'ESSO CIRCLE K', 'HOME DEPOT #7001', 'STAPLES #12', 'AMAZON.CA', 'GRAND & TOY', 'CANADIAN TIRE #0112', 'COSTCO WHOLESALE W547', 'TIM HORTONS\u00a0#2231', 'LOBLAWS #1081', 'CAF\u00c9 DEPOT', 'MCDONALD\u2019S #401', 'ACKLANDS-GRAINGER', 'LEE VALLEY TOOLS', 'BEST BUY #934', 'METRO #800', 'RONA', 'UPS STORE', 'CANADA POST', 'PETRO-CANADA', 'WAL-MART #3124', 'SPECIALTY FURNITURE', 'IKEA ETOBICOKE', 'DOLLARAMA #113', 'THE BRICK', 'MARK\u2019S WORK WEARHOUSE', 'PRINCESS AUTO', 'HOLIDAY INN TORONTO', 'VIA RAIL', 'PRESTO'];
const GL = [['2260', 'GASOLINE'], ['3310', 'FURNISHINGS'], ['2600', 'RECREATIONAL & EDUCATIONAL SUPPLIES'], ['4822', 'RECEPTIONS & PUBLIC RELATIONS'], ['2750', 'FOOD & NON-ALCOHOLIC BEVERAGES'], ['4082', 'PHOTO/VIDEO SERVICES'], ['3020', 'OFFICE SUPPLIES \u2013 GENERAL']];
const MCC = [['5542', 'Fuel Dispenser, Automated'], ['5411', 'Grocery Stores, Supermarkets'], ['5712', 'Equipment, Furniture, and Home Furnishin'], ['5943', 'Office, School Supply, and Stationery Sto'], ['7333', 'Commercial Art, Graphics, Photography'], ['5200', 'Home Supply Warehouse Stores']];
const WORDS = 'supplies for program staff training session equipment repair replacement parts community event volunteers refreshments workshop materials monthly order fleet maintenance safety gear office printer toner chairs tables signage permit renewal registration fees conference travel meeting catering cleaning products tools hardware lumber paint'.split(' ');

/** Text as Windows-1252 bytes (the characters used here are all in it). */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '\u2019': 0x92, '\u2013': 0x96, '\u20ac': 0x80 };
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const code = c.charCodeAt(0);
    out[i] = high[c] ?? (code < 256 ? code : 0x3f);
  }
  return out;
}

const money = (cents: number): string => {
  const s = (Math.abs(cents) / 100).toFixed(2);
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  const signed = (cents < 0 ? '-' : '') + grouped;
  return grouped.includes(',') ? `"${signed}"` : signed;
};

/** Writes the generated file; returns its path, size and the number of splits planted. */
function generate(): { path: string; bytes: number; splits: number } {
  const path = join(tmp, `toronto-like-${ROWS}-${SEED}.tsv`);
  mkdirSync(tmp, { recursive: true });
  if (existsSync(path)) return { path, bytes: statSync(path).size, splits: -1 };
  const r = new Rng(SEED);
  const fd = openSync(path, 'w');
  let buffer: string[] = [HEADER.join('\t')];
  const flush = () => {
    writeSync(fd, cp1252(`${buffer.join('\r\n')}\r\n`));
    buffer = [];
  };
  let rows = 0;
  let batch = 5000;
  let splits = 0;
  const start = Date.UTC(2011, 0, 1) / 864e5;
  while (rows < ROWS) {
    const division = r.pick(DIVISIONS);
    const day = start + r.int(0, 11 * 365);
    const n = Math.min(r.int(1, 12), ROWS - rows - 1);
    let total = 0;
    const split = r.chance(0.02) && n >= 3;
    const splitMerchant = r.pick(MERCHANTS);
    batch++;
    for (let k = 0; k < n; k++) {
      const inSplit = split && k < 3;
      const d = inSplit ? day : day + r.int(0, 20);
      const date = new Date(d * 864e5).toISOString().slice(0, 10);
      const posted = new Date((d + r.int(1, 4)) * 864e5).toISOString().slice(0, 10);
      const merchant = inSplit ? splitMerchant : r.pick(MERCHANTS);
      let cents = inSplit ? r.int(120000, 299900) : Math.round(Math.exp(r.uniform(Math.log(500), Math.log(400000))));
      if (!inSplit && r.chance(0.02)) cents = -cents;
      total += cents;
      const [gl, glText] = r.pick(GL) as [string, string];
      const [mcc, mccText] = r.pick(MCC) as [string, string];
      const purpose = Array.from({ length: r.int(10, 40) }, () => r.pick(WORDS)).join(' ').toUpperCase();
      buffer.push([division.includes(',') ? `"${division}"` : division, `${batch}-${k + 1}`, date, posted, merchant, money(cents), 'CAD', money(cents), 'CAD', gl, glText, `B${r.int(10000, 99999)}`, `COST CENTRE ${r.int(1, 400)} - OPERATIONS AND MAINTENANCE`, mcc, `"${mccText}"`, purpose].join('\t'));
      rows++;
    }
    if (split) splits++;
    buffer.push(['', '', '', '', '', money(total), 'CAD', money(total), 'CAD', '', '', '', '', '', '', ''].join('\t'));
    rows++;
    if (buffer.length > 20000) flush();
  }
  flush();
  closeSync(fd);
  return { path, bytes: statSync(path).size, splits };
}

type Timing = { ms: number; rssMB: number; cpuS: number; stdout: string };

/** Wall time, CPU time, peak RSS (`/usr/bin/time`) and output of one run of a command. */
function once(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...argv], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [rss = 0, user = 0, sys = 0] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { ms, rssMB: rss / 1024, cpuS: user + sys, stdout: r.stdout };
}

/** Best (by wall time) of RUNS runs of each command, their runs taken in turn so that they share the machine's load. */
function timed(...commands: [string, string[]][]): Timing[] {
  const best: Timing[] = commands.map(() => ({ ms: Infinity, rssMB: 0, cpuS: 0, stdout: '' }));
  for (let i = 0; i < RUNS; i++) {
    commands.forEach(([command, argv], j) => {
      const r = once(command, argv);
      if (r.ms < (best[j] as Timing).ms) best[j] = r;
    });
  }
  return best;
}

/**
 * Installs @duckdb/node-api into bench/.tmp/duckdb once, and writes the script that runs the rule.
 * DuckDB reads UTF-8 and ISO-8859-1 only (its latin-1 refuses bytes 80–9F, and ignore_errors
 * would drop those rows), so it is given a UTF-8 copy of the file, made once, outside the timing.
 */
function duckdbScript(source: string): string {
  const file = source.replace(/\.tsv$/u, '.utf8.tsv');
  if (!existsSync(file)) writeFileSync(file, new TextDecoder('windows-1252').decode(readFileSync(source), { stream: true }));
  const dir = join(tmp, 'duckdb');
  if (!existsSync(join(dir, 'node_modules', '@duckdb', 'node-api'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '@duckdb/node-api'], { stdio: 'inherit' });
  }
  const script = join(dir, 'rule.mjs');
  writeFileSync(
    script,
    `import { DuckDBInstance } from '@duckdb/node-api';
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(${JSON.stringify(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', delim = '\t', header = true, quote = '"', all_varchar = true)`)});
const t1 = performance.now();
const r = await c.runAndReadAll(${JSON.stringify(`SELECT count(*) AS findings, sum(n) AS parts FROM (
  SELECT "Division", "Merchant Name", "Transaction Date", count(*) AS n FROM (
    SELECT "Division", "Merchant Name", "Transaction Date", CAST(replace("Transaction Amount", ',', '') AS DECIMAL(18, 2)) AS a
    FROM t WHERE coalesce("Merchant Name", '') <> '')
  WHERE a > 0 AND a <= ${LIMIT}
  GROUP BY ALL HAVING count(*) >= 2 AND sum(a) > ${LIMIT})`)});
const t2 = performance.now();
const [row] = r.getRowObjects();
console.log(JSON.stringify({ loadMs: t1 - t0, queryMs: t2 - t1, findings: Number(row.findings), parts: Number(row.parts) }));
`,
  );
  return script;
}

/** The CLI's reading, validation (the table built from the columns read) and detection, timed apart in one process. */
function phases(file: string): { readMs: number; tableMs: number; detectMs: number; readCpuMs: number; tableCpuMs: number; detectCpuMs: number; rows: number; records: number; encoding: string } {
  const script = join(tmp, 'phases.mjs');
  writeFileSync(
    script,
    `import { loadLedger } from ${JSON.stringify(join(root, 'dist/node.js'))};
import { detectSplits, getPreset } from ${JSON.stringify(join(root, 'dist/index.js'))};
import { detectionInput } from ${JSON.stringify(join(root, 'dist/io/read/ledgerTable.js'))};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = performance.now(); const c0 = cpu();
// As the CLI reads it for a rule that compares no subject text: subjects read again from the file when shown.
const l = await loadLedger(${JSON.stringify(file)}, { currency: 'CAD', map: { project: '' }, rereadSubjects: true });
const t1 = performance.now(); const c1 = cpu();
// As the CLI does: the table built from the columns the reader kept, then detection from it.
const input = detectionInput(l);
const t2 = performance.now(); const c2 = cpu();
detectSplits(input, { ...getPreset('pcard', { limit: '${LIMIT}', currency: 'CAD' }), minPartShare: 0, minScore: 0 });
const t3 = performance.now(); const c3 = cpu();
console.log(JSON.stringify({ readMs: t1 - t0, tableMs: t2 - t1, detectMs: t3 - t2, readCpuMs: c1 - c0, tableCpuMs: c2 - c1, detectCpuMs: c3 - c2, rows: l.stats.rows, records: l.stats.records, encoding: l.encoding }));
`,
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

/**
 * What no reading of the file can do without, in one process on one thread, best of 3: decoding
 * it (Windows-1252, as the reader does, in the pieces it decodes) and splitting it into rows and
 * cells (the reader's own splitter, every cell cut), keeping nothing; and writing the JSON report of
 * the CLI's run (`report`, its text) again from its parsed value, as the CLI writes it (pieces, not written out).
 */
function floor(file: string, report: string): { decodeCpuMs: number; splitCpuMs: number; jsonCpuMs: number } {
  const script = join(tmp, 'floor.mjs');
  const saved = join(tmp, 'report.json');
  writeFileSync(saved, report);
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { StreamDecoder, narrowRuns } from ${JSON.stringify(join(root, 'dist/io/read/decode.js'))};
import { CsvRows } from ${JSON.stringify(join(root, 'dist/io/read/csv.js'))};
import { reportPieces } from ${JSON.stringify(join(root, 'dist/io/write/formats.js'))};
const bytes = readFileSync(${JSON.stringify(file)});
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const latin1 = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const pass = (split) => {
  const c = cpu();
  const d = new StreamDecoder('windows-1252', () => 0, latin1);
  const rows = new CsvRows('\\t');
  const sink = { row: () => {}, problem: () => {} };
  const part = (b, narrow = false) => { const s = d.push(b, narrow); if (split) rows.push(s, sink); };
  for (let at = 0; at < bytes.length; at += 1 << 15) narrowRuns(bytes.subarray(at, at + (1 << 15)), 'windows-1252', part);
  rows.end(sink);
  return cpu() - c;
};
const value = JSON.parse(readFileSync(${JSON.stringify(saved)}, 'utf8'));
const json = () => { const c = cpu(); let n = 0; for (const p of reportPieces(value, 'json')) n += p.length; return cpu() - c; };
const best = (f) => Math.min(f(), f(), f());
console.log(JSON.stringify({ decodeCpuMs: best(() => pass(false)), splitCpuMs: best(() => pass(true)), jsonCpuMs: best(json) }));
`,
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

/**
 * Where the CLI's CPU time goes: one more run under `--cpu-prof`, each sample put in the first
 * step among its callers (innermost first), over every thread's profile (the main thread's and
 * the reading workers'): idle time, garbage collection, validation (`columnsTable`, the
 * table built from the columns the reader kept; `validateTable` and the reuse check `unchanged` for
 * a build that validates record objects), reading (`readChunks`, `loadLedger`, `loadInRanges` and
 * `readInRanges` (an async function's steps after an await have no caller above them), a
 * worker thread's every sample: decoding, hashing, parsing, rows →
 * columns, the lines and credits policies),
 * coverage (`buyerCoverage`), detection (`detectSplits`), the report (`buildReport`,
 * `formatReport`, `reportPieces` and `chunked` (the JSON report in pieces), `locateRejects`, writing: the UTF-8 encoding of the text for stdout starts a
 * stack of its own, `fromStringFast`); the rest (start-up, the summary) is "other".
 */
function profile(argv: string[]): Record<string, number> {
  const dir = join(tmp, 'profile');
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...argv], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  const out: Record<string, number> = {};
  // One profile per thread: the main one and each worker's.
  // Named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the main one; a worker only reads.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    addProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), out, file.split('.')[4] === '0' ? 'other' : 'reading');
  }
  return out;
}

/** Adds the samples of one thread's profile to `out`, by step (see {@link profile}); `rest` is the step of a sample in none. */
function addProfile(p: { nodes: { id: number; callFrame: { functionName: string }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }, out: Record<string, number>, rest: string): void {
  const steps: [string, readonly string[]][] = [
    ['idle (a thread waiting)', ['(idle)']],
    ['garbage collection', ['(garbage collector)']],
    ['validation', ['validateTable', 'unchanged', 'columnsTable']],
    ['reading', ['readChunks', 'loadLedger', 'loadInRanges', 'readInRanges', 'fileRange']],
    ['coverage', ['buyerCoverage']],
    ['detection', ['detectSplits']],
    ['report', ['buildReport', 'formatReport', 'reportPieces', 'chunked', 'locateRejects', 'rejectsToCsv', 'writeSync', 'write', 'fromStringFast']],
  ];
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stepOf = new Map<number, string>();
  const find = (id: number): string => {
    const known = stepOf.get(id);
    if (known !== undefined) return known;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    const up = parent.get(id);
    const step = steps.find(([, names]) => names.includes(name))?.[0] ?? (up === undefined ? rest : find(up));
    stepOf.set(id, step);
    return step;
  };
  p.samples.forEach((id, i) => {
    const step = find(id);
    out[step] = (out[step] ?? 0) + (p.timeDeltas[i] ?? 0) / 1e6;
  });
}

const gen = generate();
console.error(`generated ${gen.path}: ${(gen.bytes / 1e6).toFixed(1)} MB`);
if (!existsSync(join(root, 'dist', 'cli.js'))) execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
const cliArgs = ['dist/cli.js', 'scan', gen.path, '--preset', 'pcard', '--limit', String(LIMIT), '--currency', 'CAD', '--map', 'project=', '--min-part-share', '0', '--min-score', '0', '-f', 'json', '-q'];
// The baseline build, when given, runs in turn with this one (same file, same flags).
const [cli, baseRun] = timed([process.execPath, cliArgs], ...(BASELINE !== undefined ? [[process.execPath, [join(BASELINE, 'cli.js'), ...cliArgs.slice(1)]] as [string, string[]]] : [])) as [Timing, Timing | undefined];
const base = baseRun && BASELINE !== undefined ? { ...baseRun, label: flag('baseline-label') ?? BASELINE.replace(root, '') } : undefined;
if (base && base.stdout !== cli.stdout) console.error(`note: the baseline's report differs from this build's`);
const report = JSON.parse(cli.stdout) as { summary: { rows: number; analysed: number; rejected: number; findings: number } };
const split = phases(gen.path);
const least = floor(gen.path, cli.stdout);
let duck: { ms: number; rssMB: number; cpuS: number; loadMs: number; queryMs: number; findings: number } | undefined;
if (!args.includes('--no-duckdb')) {
  const [d] = timed([process.execPath, [duckdbScript(gen.path)]]) as [Timing];
  const inner = JSON.parse(d.stdout.trim()) as { loadMs: number; queryMs: number; findings: number };
  duck = { ms: d.ms, rssMB: d.rssMB, cpuS: d.cpuS, ...inner };
}

const steps = profile(cliArgs);
const ratio = duck ? cli.ms / duck.ms : undefined;
const lines = [
  '# Reading benchmark',
  '',
  `\`npm run bench:read\` on a generated Toronto-shaped file (${gen.path.replace(root, '')}: ${ROWS.toLocaleString('en')} rows, ${(gen.bytes / 1e6).toFixed(0)} MB, seed ${SEED}; see bench/read.ts). Best of ${RUNS} runs, each in a fresh process, measured in one run on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(', ')} when it ended (other work on the machine slows both sides).${RANGES_SET === undefined ? '' : ` With SPLITSCAN_READ_RANGES=${RANGES_SET}, every build read the file ${RANGES_SET === '1' ? 'in one piece' : `in ${RANGES_SET} ranges`}, whatever the load.`}`,
  '',
  '| run | wall time | CPU time | peak RSS | result |',
  '|---|---|---|---|---|',
  `| splitscan CLI, end to end | ${(cli.ms / 1000).toFixed(2)} s | ${cli.cpuS.toFixed(2)} s | ${cli.rssMB.toFixed(0)} MB | ${report.summary.rows.toLocaleString('en')} rows, ${report.summary.analysed.toLocaleString('en')} analysed, ${report.summary.rejected.toLocaleString('en')} rejected, ${report.summary.findings.toLocaleString('en')} findings |`,
  ...(base ? [`| splitscan CLI of the baseline build (${base.label}), end to end | ${(base.ms / 1000).toFixed(2)} s | ${base.cpuS.toFixed(2)} s | ${base.rssMB.toFixed(0)} MB | ${base.stdout === cli.stdout ? 'the same report' : 'another report'} |`] : []),
  ...(duck ? [`| DuckDB load + query (a UTF-8 copy) | ${(duck.ms / 1000).toFixed(2)} s (load ${(duck.loadMs / 1000).toFixed(2)} s, query ${(duck.queryMs / 1000).toFixed(2)} s) | ${duck.cpuS.toFixed(2)} s | ${duck.rssMB.toFixed(0)} MB | ${duck.findings.toLocaleString('en')} findings |`] : []),
  '',
  ...(base ? [`This build ÷ the baseline: ${(cli.ms / base.ms).toFixed(2)} in wall time, ${(cli.cpuS / base.cpuS).toFixed(2)} in CPU time, ${(cli.rssMB / base.rssMB).toFixed(2)} in peak RSS.`, ''] : []),
  ...(ratio !== undefined && duck ? [`**splitscan ÷ DuckDB: ${ratio.toFixed(2)}** in wall time (the aim: at most 2); ${(cli.cpuS / duck.cpuS).toFixed(2)} in CPU time (DuckDB uses every core; splitscan reads a large file on every core unless other work fills them, then detects on one, with one more for garbage collection).`, ''] : []),
  `In one process (the built package): reading (\`loadLedger\`: decode ${split.encoding}, hash, parse, map, amounts, dates, subtotals) ${(split.readMs / 1000).toFixed(2)} s wall, ${(split.readCpuMs / 1000).toFixed(2)} s CPU for ${split.rows.toLocaleString('en')} rows → ${split.records.toLocaleString('en')} records; validation (the table built from the columns read) ${(split.tableMs / 1000).toFixed(2)} s wall, ${(split.tableCpuMs / 1000).toFixed(2)} s CPU; detection (\`detectSplits\`, pcard) ${(split.detectMs / 1000).toFixed(2)} s wall, ${(split.detectCpuMs / 1000).toFixed(2)} s CPU. Reading alone ÷ DuckDB's load + query${duck ? `: ${(split.readCpuMs / 1000 / duck.cpuS).toFixed(2)} in CPU time` : ''}. The rest of the CLI's time is Node start-up, the report and the rejects.`,
  '',
  ...(() => {
    // Reading split between two threads at best, then the serial steps: validation, detection, the report.
    const serial = split.tableMs + split.detectMs + least.jsonCpuMs;
    const least2 = least.splitCpuMs / 2 + serial;
    return [
      `The floor (one process, one thread, best of 3): decoding the file alone takes ${(least.decodeCpuMs / 1000).toFixed(2)} s of CPU, decoding it and splitting it into rows and cells (the reader's own splitter, keeping nothing) ${(least.splitCpuMs / 1000).toFixed(2)} s; writing the JSON report (${(cli.stdout.length / 1e6).toFixed(0)} MB) from its value ${(least.jsonCpuMs / 1000).toFixed(2)} s. On two reading threads that split alone is ${(least.splitCpuMs / 2000).toFixed(2)} s of wall time; the steps after reading run on one thread: validation ${(split.tableMs / 1000).toFixed(2)} s, detection ${(split.detectMs / 1000).toFixed(2)} s and the report ${(least.jsonCpuMs / 1000).toFixed(2)} s (above). However fast rows became records, the CLI would take at least ${(least2 / 1000).toFixed(2)} s${duck ? `, ${(least2 / duck.ms).toFixed(2)} × DuckDB's load + query` : ''}; detection alone is ${duck ? `${(split.detectMs / duck.ms).toFixed(2)} ×` : 'most of'} it.`,
      '',
    ];
  })(),
  `Where the CLI's time goes (one more run, under \`--cpu-prof\`, every thread's profile: the main thread's and the reading workers'; a sample counts for the innermost step among its callers; idle is a thread waiting): ${Object.entries(steps)
    .sort((a, b) => b[1] - a[1])
    .map(([step, s]) => `${step} ${s.toFixed(2)} s`)
    .join(', ')}. Validation is the table built from the columns the reader kept (each distinct text validated once; no record object is made), which \`detectSplits\` and \`buyerCoverage\` take as it is; detection is \`detectSplits\`.`,
  '',
  'The CLI flags: `scan FILE --preset pcard --limit 3000 --currency CAD --map project= --min-part-share 0 --min-score 0 -f json -q`, so it lists every same-division, same-merchant, same-day run over the limit as DuckDB\'s query does (`--map project=` leaves the cost-centre column unread: pcard compares budget projects when records carry them, the plain rule does not); the finding counts agree when they are equal.',
  '',
];
const text = lines.join('\n');
console.log(text);
if (OUT !== '-') writeFileSync(OUT, text);
