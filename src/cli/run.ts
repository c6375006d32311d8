/**
 * The `splitscan` command: runs a parsed command line against the file system and returns the exit
 * code. Errors become one line on stderr (`splitscan: …`), never a stack.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { detectSplits } from '../detect.js';
import type { DetectSplitsOptions } from '../options/options.js';
import { InputError, OptionsError, isInputError, isOptionsError } from '../errors.js';
import type { ColumnMap } from '../io/read/columns.js';
import { decodeText } from '../io/read/decode.js';
import { type ReportFormat, formatReport } from '../io/write/formats.js';
import { buildReport } from '../io/write/scanReport.js';
import { locateRejects } from '../io/read/ledger.js';
import type { Ledger } from '../io/read/reader.js';
import { rejectsToCsv, safeCsv } from '../io/write/csv.js';
import { type LoadLedgersOptions, loadLedgers, loadOcds } from '../node.js';
import { inspect } from './inspect.js';
import { getPreset, listPresets, loadThresholds } from '../presets/index.js';
import type { Reject } from '../records/record.js';
import { HELP, type InspectArgs, type PresetsArgs, type ScanArgs, UsageError, parseCli } from './args.js';

/** Exit codes, documented in `--help` and docs/cli.md. */
const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, internal: 4 } as const;

/** Where the CLI writes. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean | undefined };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean | undefined };
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCli(argv);
    if (args.command === 'help') {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (args.command === 'presets') return presets(args, io);
    if (args.command === 'inspect') return await inspect(args, io, await ledgerOptions(args, args.currency, io));
    return await scan(args, io);
  } catch (e) {
    return fail(e, io);
  }
}

function fail(e: unknown, io: CliIo): number {
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof UsageError) {
    io.stderr.write(`splitscan: ${message}\nRun \`splitscan --help\` for usage.\n`);
    return EXIT.usage;
  }
  if (isOptionsError(e)) {
    io.stderr.write(`splitscan: ${message}\n`);
    return EXIT.usage;
  }
  if (isInputError(e)) {
    io.stderr.write(`splitscan: ${message}\n`);
    return EXIT.input;
  }
  io.stderr.write(`splitscan: internal error: ${message.split('\n')[0]}\n`);
  return EXIT.internal;
}

function presets(args: PresetsArgs, io: CliIo): number {
  const list = listPresets();
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  else if (args.format === 'csv') io.stdout.write(safeCsv(['name', 'kind', 'description', 'citation'], list.map((p) => [p.name, p.kind, p.description, p.citation])));
  else {
    const w = Math.max(...list.map((p) => p.name.length));
    for (const p of list) io.stdout.write(`${p.name.padEnd(w)}  ${p.description}\n${' '.repeat(w)}  ${p.citation}\n`);
  }
  return EXIT.ok;
}

async function readText(path: string, what: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError('unreadable', `cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`, [path]);
  }
  return decodeText(bytes).text;
}

async function readJson(path: string, what: string): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError('invalid_json', `${what} ${path} is not valid JSON: ${(e as Error).message}`, [path]);
  }
}

async function policy(args: ScanArgs): Promise<DetectSplitsOptions> {
  let options: DetectSplitsOptions;
  if (args.preset !== undefined) {
    const overrides: Record<string, string> = {};
    if (args.limit !== undefined) overrides.limit = args.limit;
    if (args.limit !== undefined && args.currency !== undefined) overrides.currency = args.currency;
    options = Object.keys(overrides).length ? getPreset(args.preset, overrides) : getPreset(args.preset);
  } else {
    if (args.limit !== undefined) throw new UsageError('--limit goes with --preset pcard');
    const json = await readJson(args.thresholds as string, 'thresholds file');
    options = { thresholds: loadThresholds(json) };
  }
  return {
    ...options,
    ...(args.window !== undefined ? { window: args.window } : {}),
    ...(args.vendor !== undefined ? { vendor: args.vendor } : {}),
    ...(args.minScore !== undefined ? { minScore: args.minScore } : {}),
    ...(args.minPartShare !== undefined ? { minPartShare: args.minPartShare } : {}),
    ...(args.subject !== undefined ? { subject: { ...options.subject, ...args.subject } } : {}),
  };
}

/** The thresholds' shared currency, used for rows without one when `--currency` is not given. */
function sharedCurrency(options: DetectSplitsOptions): string | undefined {
  const set = new Set(options.thresholds.map((t) => t.currency.toUpperCase()));
  return set.size === 1 ? [...set][0] : undefined;
}

/** The options `loadLedgers` reads the files with, from the reading flags (and `--map-file`). */
async function ledgerOptions(args: ScanArgs | InspectArgs, currency: string | undefined, io: CliIo): Promise<LoadLedgersOptions> {
  let map: ColumnMap | undefined = args.map;
  if (args.mapFile !== undefined) {
    const json = await readJson(args.mapFile, 'mapping file');
    if (json === null || typeof json !== 'object' || Array.isArray(json) || Object.values(json).some((v) => typeof v !== 'string')) {
      throw new OptionsError('splitscan', [{ path: ['map-file'], message: `${args.mapFile} must be a JSON object of field → header strings` }]);
    }
    map = { ...(json as ColumnMap), ...map };
  }
  const progress = io.stderr.isTTY && !args.quiet;
  return {
    ...(map !== undefined ? { map } : {}),
    ...(args.dateFormat !== undefined ? { dateFormat: args.dateFormat } : {}),
    decimalComma: args.decimalComma,
    ...(args.unit !== undefined ? { unit: args.unit } : {}),
    ...(args.encoding !== undefined ? { encoding: args.encoding } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(args.buyer !== undefined ? { buyer: args.buyer } : {}),
    ...(args.credits !== undefined ? { credits: args.credits } : {}),
    ...(args.lines !== undefined ? { lines: args.lines } : {}),
    ...(args.lineSuffix !== undefined ? { lineSuffix: args.lineSuffix } : {}),
    ...(args.delimiter !== undefined ? { delimiter: args.delimiter } : {}),
    ...(args.inputFormat !== 'auto' && args.inputFormat !== 'ocds' ? { format: args.inputFormat } : {}),
    ...(progress ? { onProgress: (n: number) => io.stderr.write(`\rread ${n.toLocaleString('en')} rows…`) } : {}),
  };
}

async function scan(args: ScanArgs, io: CliIo): Promise<number> {
  const options = await policy(args);
  const currency = args.currency ?? sharedCurrency(options);
  const progress = io.stderr.isTTY && !args.quiet;
  let ledger: Ledger;
  const single = args.files.length === 1 && args.file !== '-';
  const isOcds = single && (args.inputFormat === 'ocds' || (args.inputFormat === 'auto' && extname(args.file).toLowerCase() === '.json' && (await startsWithBrace(args.file))));
  if (!single && args.inputFormat === 'ocds') throw new UsageError('--input-format ocds reads one file at a time');
  if (isOcds) {
    const o = await loadOcds(args.file, { ...(currency !== undefined ? { currency } : {}), ...(args.encoding ? { encoding: args.encoding } : {}) });
    ledger = {
      file: args.file,
      records: o.records,
      rejects: o.rejects,
      lines: [],
      headers: [],
      columns: {},
      stats: { rows: o.records.length + o.rejects.length, blank: 0, records: o.records.length, rejected: o.rejects.length, merged: 0, netted: 0 },
      warnings: [],
      sources: [],
    };
  } else {
    ledger = await loadLedgers(args.files, await ledgerOptions(args, currency, io));
    if (progress && ledger.stats.rows >= 50000) io.stderr.write('\r\u001b[K');
  }
  if (!args.quiet) for (const w of ledger.warnings) io.stderr.write(`splitscan: warning: ${w.file !== undefined ? `${w.file}: ` : ''}${w.message}\n`);
  const result = detectSplits(ledger.records, options);
  // Rows rejected while reading (located by line) and records rejected by detection (also by
  // index), in file order.
  const fileOrder = new Map(ledger.sources.map((s, i) => [s.file, i]));
  const rejects: Reject[] = [...ledger.rejects, ...locateRejects(result.rejects, ledger)].sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || byLine(a, b));
  const report = buildReport({
    findings: result.findings,
    rejects,
    rows: ledger.stats.rows,
    analysed: result.stats.accepted,
    lines: ledger.lines,
    source: args.files.join(', '),
    policy: {
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.citation !== undefined ? { citation: options.citation } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
    },
    ...(args.top !== undefined ? { top: args.top } : {}),
  });
  const format: ReportFormat = args.format ?? (io.stdout.isTTY && args.out === undefined ? 'table' : 'json');
  const text = formatReport(report, format);
  if (args.out !== undefined) await write(args.out, text);
  else io.stdout.write(text);
  if (args.rejects !== undefined) await write(args.rejects, rejectsToCsv(rejects));
  if (!args.quiet) {
    const where = args.rejects !== undefined ? ` → ${args.rejects}` : rejects.length > 0 ? ' (list them with --rejects FILE)' : '';
    const extra = [ledger.stats.merged ? `${ledger.stats.merged} lines summed into their documents` : '', ledger.stats.netted ? `${ledger.stats.netted} credits netted` : '']
      .filter(Boolean)
      .join(', ');
    io.stderr.write(
      `read ${ledger.stats.rows} rows, analysed ${result.stats.accepted}, rejected ${rejects.length}${where}, ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}${report.summary.shown !== result.findings.length ? ` (${report.summary.shown} shown)` : ''}${extra ? `; ${extra}` : ''}${args.out !== undefined ? ` → ${args.out}` : ''}\n`,
    );
  }
  return args.failOnFindings && result.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/** Within a file: by line, rejects without one (OCDS) last, ties as they came (the sort is stable). */
function byLine(a: Reject, b: Reject): number {
  return a.line === b.line ? 0 : a.line === undefined ? 1 : b.line === undefined ? -1 : a.line - b.line;
}

async function startsWithBrace(path: string): Promise<boolean> {
  try {
    const text = decodeText(await readFile(path)).text;
    return text.trimStart().startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/u.test(text.trimStart());
  } catch {
    return false;
  }
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new InputError('unwritable', `cannot write ${path}: ${(e as Error).message}`, [path]);
  }
}
