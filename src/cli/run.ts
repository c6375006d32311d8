/**
 * The `splitscan` command: runs a parsed command line against the file system and returns the exit
 * code. Errors become one line on stderr (`splitscan: …`) that names the flag at fault, never a
 * stack. See docs/cli.md.
 *
 * What a plain scan does not use — the HTML page (with its chart library), `diff`, `inspect`, the
 * decisions register — is imported when a command needs it, so the command starts faster.
 */
import { appendFile, mkdir, open as openFile, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { detectSplits } from '../detect.js';
import { InputError } from '../errors.js';
import type { DetectSplitsOptions } from '../options/options.js';
import { resolveOptions } from '../options/resolve.js';
import type { ColumnMap } from '../io/read/columns.js';
import { rejectsToCsv, safeCsv, warningsToCsv } from '../io/write/csv.js';
import { terminalLines, terminalText } from '../io/write/escape.js';
import { reportPieces } from '../io/write/formats.js';
import { count, plural } from '../io/write/numbers.js';
import { buildReport, type ReportWarning, type ScanReport } from '../io/write/scanReport.js';
import { locateRejects } from '../io/read/ledger.js';
import { detectionInput } from '../io/read/ledgerTable.js';
import type { LedgerStats } from '../io/read/reader.js';
import type { LoadLedgersOptions } from '../node.js';
import { writePieces } from '../node/writePieces.js';
import { listPresets } from '../presets/index.js';
import type { Reject } from '../records/record.js';
import { keptTable } from '../records/table.js';
import type { DecidedReport } from '../review/applyDecisions.js';
import { detectedCoverage } from '../review/coverage.js';
import { flagRates } from '../review/flagRates.js';
import { type DiffArgs, HELP, type InputFormat, type InspectArgs, type PresetsArgs, type ScanArgs, parseCli } from './args.js';
import { colorEnabled } from './color.js';
import { provenanceInputs, readInputs } from './inputs.js';
import { EXIT, failure, type IssueContext } from './messages.js';
import { SCAN_MAY, checkOutputs, realPathOf, scanFiles } from './outputs.js';
import { policyOf, readJson, readText } from './policy.js';
import { buildProvenance, changedInputs } from './provenance.js';
import { inputRejectWarnings, summarizeRejects } from './rejectSummary.js';
import { exclusionsUnmatched, notAssessed, skipMethodUnused } from './untested.js';
import { TOOL } from './version.js';

/** Where the CLI writes, and the environment it reads (`NO_COLOR`, `FORCE_COLOR`, `TERM`). */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean | undefined };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean | undefined };
  /** @defaultValue `{}` */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the exit code.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let context: IssueContext = {};
  try {
    const args = parseCli(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${TOOL.name} ${TOOL.version}\n`);
        return EXIT.ok;
      case 'presets':
        return presets(args, io);
      case 'inspect':
        return await inspectFiles(args, io);
      case 'diff':
        return await diff(args, io);
      case 'scan':
        context = { optionsFile: args.optionsFile !== undefined, threshold: args.threshold !== undefined };
        return await scan(args, io);
    }
  } catch (e) {
    const f = failure(e, context);
    io.stderr.write(`${f.message}\n`);
    return f.code;
  }
}

function presets(args: PresetsArgs, io: CliIo): number {
  const list = listPresets();
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  else if (args.format === 'csv') io.stdout.write(safeCsv(['name', 'kind', 'tiers', 'description', 'citation'], list.map((p) => [p.name, p.kind, p.tiers.join('; '), p.description, p.citation])));
  else {
    const w = Math.max(...list.map((p) => p.name.length));
    for (const p of list) {
      const tiers = p.tiers.length > 0 ? ` (--tier ${p.tiers.join(' | ')})` : '';
      io.stdout.write(`${p.name.padEnd(w)}  ${p.description}${tiers}\n${' '.repeat(w)}  ${p.citation}\n`);
    }
  }
  return EXIT.ok;
}

/** `splitscan diff OLD.json NEW.json`: what changed between two runs. */
async function diff(args: DiffArgs, io: CliIo): Promise<number> {
  const report = async (path: string): Promise<ScanReport> => {
    const json = await readJson(path, 'report');
    if ((json as { schema?: unknown } | null)?.schema !== 'splitscan/report@1') throw new InputError('not_a_report', `${path} is not a splitscan report (write one with scan --format json)`, [path]);
    return json as ScanReport;
  };
  if (args.out !== undefined) await checkOutputs([{ flag: '--out', path: args.out }], [args.before, args.after].map((path) => ({ flag: 'FILE', path })));
  const { diffReports, formatDiff } = await import('../review/diff.js');
  const changes = diffReports(await report(args.before), await report(args.after));
  if (!args.quiet) for (const w of changes.warnings) io.stderr.write(`splitscan: warning: ${terminalText(w.message)}\n`);
  const text = formatDiff(changes, args.format ?? 'md');
  if (args.out !== undefined) await write(args.out, text);
  else io.stdout.write(forTerminal(text, io));
  return EXIT.ok;
}

/** The thresholds' shared currency, used for rows without one when `--currency` is not given. */
function sharedCurrency(options: DetectSplitsOptions): string | undefined {
  if (options.currency !== undefined) return options.currency.toUpperCase();
  const set = new Set(options.thresholds.map((t) => t.currency.toUpperCase()));
  return set.size === 1 ? [...set][0] : undefined;
}

/**
 * The reading options of a scan or an inspection: the reading flags (and `--map-file`), over those
 * of the report a scan reruns (`--options`); rows without a currency get `currency`, the
 * thresholds' own, unless `--currency` says otherwise. `format` is the input format to read.
 */
async function readingOf(args: ScanArgs | InspectArgs, base: Readonly<Record<string, unknown>> = {}, currency?: string): Promise<{ reading: LoadLedgersOptions; format: InputFormat }> {
  const { format: baseFormat, ...rest } = base;
  let map: ColumnMap | undefined = rest['map'] as ColumnMap | undefined;
  if (args.mapFile !== undefined) {
    const json = await readJson(args.mapFile, 'mapping file');
    if (json === null || typeof json !== 'object' || Array.isArray(json) || Object.values(json).some((v) => typeof v !== 'string')) {
      throw new InputError('invalid_map_file', `--map-file ${args.mapFile} must be a JSON object of field → header strings`, [args.mapFile]);
    }
    map = json as ColumnMap;
  }
  if (args.map !== undefined) map = { ...map, ...args.map };
  const flags: Record<string, unknown> = {
    map,
    dateFormat: args.dateFormat,
    decimalComma: args.decimalComma,
    unit: args.unit,
    encoding: args.encoding,
    currency: args.currency,
    buyer: args.buyer,
    credits: args.credits,
    lines: args.lines,
    lineSuffix: args.lineSuffix,
    delimiter: args.delimiter,
  };
  const reading: Record<string, unknown> = { ...rest };
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) reading[k] = v;
  reading['currency'] ??= currency;
  for (const [k, v] of Object.entries(reading)) if (v === undefined) delete reading[k];
  const format = args.inputFormat !== 'auto' ? args.inputFormat : ((baseFormat as InputFormat | undefined) ?? 'auto');
  return { reading: reading as LoadLedgersOptions, format };
}

/** `onProgress` for the loaders: `read N rows…` on a terminal's stderr, unless `-q`. */
function progressOf(args: ScanArgs | InspectArgs, io: CliIo): Pick<LoadLedgersOptions, 'onProgress'> {
  return io.stderr.isTTY === true && !args.quiet ? { onProgress: (n: number) => io.stderr.write(`\rread ${count(n)} rows…`) } : {};
}

/** `splitscan inspect FILE...`: what reading understood of the files (shown safely on a terminal). */
async function inspectFiles(args: InspectArgs, io: CliIo): Promise<number> {
  const { reading, format } = await readingOf(args);
  const shown: CliIo = { ...io, stdout: { write: (s: string) => io.stdout.write(forTerminal(s, io)), isTTY: io.stdout.isTTY } };
  const { inspect } = await import('./inspect.js');
  return inspect(args, shown, { ...reading, ...progressOf(args, io) }, format);
}

async function scan(args: ScanArgs, io: CliIo): Promise<number> {
  const files = scanFiles(args, args.files);
  await checkOutputs(files.outputs, files.inputs, SCAN_MAY);
  const policy = await policyOf(args);
  const { options } = policy;
  const { reading, format: inputFormat } = await readingOf(args, policy.rerun?.reading, sharedCurrency(options));
  const warnings: ReportWarning[] = [];
  const warn = (w: ReportWarning) => warnings.push(w);
  const progress = progressOf(args, io);
  const numberSubjects = comparesSubjects(options);
  // Subjects compared by their words are numbered as read; otherwise a report shows a few of them: read again from the file.
  const ledger = await readInputs(args.files, { ...reading, ...progress, ...(numberSubjects ? { numberSubjects } : { rereadSubjects: true }) }, inputFormat);
  if (progress.onProgress && ledger.stats.rows >= 50000) io.stderr.write('\r\u001b[K');
  // The files a folder or a pattern named, now known.
  await checkOutputs(files.outputs, scanFiles(args, ledger.sources.flatMap((s) => (s.file !== undefined ? [s.file] : []))).inputs, SCAN_MAY);
  for (const w of ledger.warnings) warn({ code: w.code, message: `${w.file !== undefined ? `${w.file}: ` : ''}${w.message}` });
  const inputs = provenanceInputs(ledger.sources);
  for (const w of await changedInputs(policy.rerun?.inputs ?? [], inputs)) warn(w);

  // The table the reader built as it read: detection neither makes the records nor validates them again.
  const input = detectionInput(ledger);
  const result = detectSplits(input, options);
  // Rows rejected while reading (located by line) and records rejected by detection (located by
  // their index), in input order: by file, then line.
  const fileOrder = new Map(ledger.sources.map((s, i) => [s.file, i]));
  const rejects: Reject[] = [...ledger.rejects, ...locateRejects(result.rejects, ledger)].sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || byLine(a, b));
  // detectSplits resolved the options already: the report currency, for the hint on rates, and maxParts.
  const resolved = resolveOptions(options);
  // Several inputs: each file's rejects are judged on its own rows, and its warning names it.
  const several = ledger.sources.length > 1;
  const rejected = summarizeRejects(rejects, ledger.stats.rows, result.stats.accepted, ledger.stats.blank, resolved.currency, several);
  if (several) for (const message of inputRejectWarnings(rejects, ledger.sources, resolved.currency)) warn({ code: 'rejected_rows', message });
  else if (rejected.loud) warn({ code: 'rejected_rows', message: rejected.message });
  if (rejected.missingRates !== undefined) warn({ code: 'missing_rates', message: rejected.missingRates });
  const large = result.stats.largeRuns;
  if (large.length > 0) {
    const most = Math.max(...large.map((l) => l.parts));
    warn({
      code: 'large_runs',
      message:
        `${plural(large.length, 'window')} of more than ${count(resolved.maxParts)} linked purchases (up to ${count(most)}) crossed a threshold: listed as large runs, not findings. ` +
        'A rule that groups this much is not finding requirements cut into pieces: narrow it (a shorter --window, --vendor same, a longer --category-prefix, a higher --min-similarity) or check for call-offs of one contract',
    });
  }

  const flagLimits = {
    ...(args.maxFlagShare !== undefined ? { maxPurchaseShare: args.maxFlagShare } : {}),
    ...(args.maxFlagSpendShare !== undefined ? { maxSpendShare: args.maxFlagSpendShare } : {}),
  };
  const plain = buildReport({
    findings: result.findings,
    rejects,
    rows: ledger.stats.rows,
    analysed: result.stats.accepted,
    blank: ledger.stats.blank,
    merged: ledger.stats.merged,
    netted: ledger.stats.netted,
    largeRuns: result.stats.largeRuns,
    buyers: result.buyers,
    lines: ledger.lines,
    ...(ledger.files !== undefined ? { files: ledger.files } : {}),
    source: args.files.join(', '),
    policy: {
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.citation !== undefined ? { citation: options.citation } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
    },
    ...(args.top !== undefined ? { top: args.top } : {}),
    provenance: buildProvenance({
      argv: args.argv,
      inputs,
      reading: { ...reading, ...(inputFormat !== 'auto' ? { format: inputFormat } : {}) },
      options,
      output: { ...(args.top !== undefined ? { top: args.top } : {}), ...flagLimits },
    }),
  });
  const format = args.format ?? (io.stdout.isTTY && args.out === undefined ? 'table' : 'json');
  // Coverage is a second pass over every record (over the table detection kept of them): the page
  // shows it, histograms too; otherwise it serves the flag-rate warnings and says what could not be
  // tested (counts and spend, no histogram).
  const coverage = detectedCoverage(input, options, format === 'html');
  // The rates are the rule's: over every finding, whatever --top lists.
  const rateOptions = { ...flagLimits, findings: result.findings };
  for (const w of flagRates(plain, coverage, rateOptions).warnings) warn({ code: 'flag_rate', ...w });
  // What the rule could not test, and exclusions or flags that matched nothing.
  const table = keptTable(input);
  for (const w of [...notAssessed(coverage, resolved), ...(table ? [...exclusionsUnmatched(table, resolved), ...skipMethodUnused(table, args.skipMethods)] : [])]) warn(w);
  let report: ScanReport | DecidedReport = { ...plain, warnings };

  const notes: string[] = [];
  if (args.decisions !== undefined) {
    const [{ readDecisions }, { applyDecisions }] = await Promise.all([import('../review/decisions.js'), import('../review/applyDecisions.js')]);
    const text = await registerText(args.decisions, args.decisionsTemplate);
    if (text === undefined) notes.push(`${args.decisions} does not exist yet: no decisions to carry in (a first run); --decisions-template starts it`);
    const read = text === undefined ? { decisions: [], issues: [] } : readDecisions(text);
    for (const issue of read.issues) {
      const where = `${args.decisions}${issue.line !== undefined ? ` line ${issue.line}` : ` entry ${issue.index}`}`;
      // A line a later one about the same finding supersedes is the register's history; one not read
      // as written, or an order the dates contradict, is the report's business.
      if (issue.code === 'superseded') notes.push(`${where}: ${issue.message}`);
      else warn({ code: issue.code === 'out_of_order' ? 'decision_order' : 'decision_line', message: `${where}: ${issue.message}` });
    }
    // Decisions about findings the report leaves out are told from gone ones: cut by --top, or under --min-score.
    const cut = args.top !== undefined ? result.findings.slice(args.top).map((f, i) => ({ id: f.id, buyer: f.buyer, recordIds: f.recordIds, score: f.score, why: 'top' as const, rank: (args.top as number) + i + 1 })) : [];
    const under = result.lowScoring.map((r) => ({ id: r.id, buyer: r.buyer, recordIds: r.recordIds, score: r.score, why: 'minScore' as const }));
    const decided = applyDecisions(report, read, { notShown: [...cut, ...under] });
    report = decided;
    for (const w of idFormWarnings(decided, args.decisions)) warn(w);
    const note = renamedNote(decided);
    if (note !== undefined) notes.push(note);
  }

  const pieces =
    format === 'html'
      ? [(await import('../review/html.js')).toHtml(report, { coverage, flagRates: rateOptions })]
      : reportPieces(report, format, { color: format === 'table' && args.out === undefined && colorEnabled(io.stdout, io.env ?? {}) });
  if (args.out !== undefined) await write(args.out, pieces);
  else if (format === 'table' || io.stdout.isTTY === true) {
    const text = [...pieces].join('');
    io.stdout.write(format === 'table' ? text : forTerminal(text, io));
  } else for (const chunk of chunked(pieces)) await written(io.stdout, chunk);
  if (args.rejects !== undefined) await write(args.rejects, rejectsToCsv(rejects));
  if (args.warnings !== undefined) await write(args.warnings, warningsToCsv(warnings));
  if (args.decisionsTemplate !== undefined) notes.push(await appendTemplate(args.decisionsTemplate, plain, report));

  // The CSV report is one table of findings, with no room for warnings: unless --warnings holds
  // them, stderr is where they reach the reader, -q or not.
  if (!args.quiet || (format === 'csv' && args.warnings === undefined)) {
    const stderrColor = colorEnabled(io.stderr, io.env ?? {});
    // When nothing could be analysed, the error below says it once.
    for (const w of warnings.filter((x) => !(rejected.nothingAnalysed && x.code === 'rejected_rows' && x.message === rejected.message))) io.stderr.write(`${stderrColor ? '\u001b[33m' : ''}splitscan: warning: ${terminalText(w.message)}${stderrColor ? '\u001b[39m' : ''}\n`);
  }
  if (!args.quiet) {
    for (const note of notes) io.stderr.write(`splitscan: ${terminalText(note)}\n`);
    io.stderr.write(`${summaryLine(args, ledger.stats, result.stats.accepted, rejects.length, result.findings.length, report.summary.shown)}\n`);
  }
  if (rejected.nothingAnalysed) {
    io.stderr.write(`splitscan: no row could be analysed: ${rejected.message}\n`);
    return EXIT.input;
  }
  return args.failOnFindings && result.findings.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * Whether detection under `options` compares subjects by their words (reads their numbers): the
 * loaders then number subjects as they read them, on every reading thread (see `numberSubjects`).
 * False for options that do not resolve: detection reports them, after reading, as before.
 */
function comparesSubjects(options: DetectSplitsOptions): boolean {
  try {
    return resolveOptions(options).subject.minSimilarity > 0;
  } catch {
    return false;
  }
}

/** Within a file: by line, rejects without one (OCDS) last, ties as they came (the sort is stable). */
function byLine(a: Reject, b: Reject): number {
  return a.line === b.line ? 0 : a.line === undefined ? 1 : b.line === undefined ? -1 : a.line - b.line;
}

/** `read N rows, analysed A, rejected R → rejects.csv, F findings → out.md`. */
function summaryLine(args: ScanArgs, stats: LedgerStats, analysed: number, rejected: number, findings: number, shown: number): string {
  const where = args.rejects !== undefined ? ` → ${args.rejects}` : rejected > 0 ? ' (list them with --rejects FILE)' : '';
  const extra = [stats.blank ? `${plural(stats.blank, 'blank row')} skipped` : '', stats.merged ? `${count(stats.merged)} lines summed into their documents` : '', stats.netted ? `${plural(stats.netted, 'credit')} netted` : ''].filter(Boolean).join(', ');
  return terminalText(
    `read ${plural(stats.rows, 'row')}, analysed ${count(analysed)}, rejected ${count(rejected)}${where}, ${plural(findings, 'finding')}${shown !== findings ? ` (${count(shown)} shown)` : ''}${extra ? `; ${extra}` : ''}${args.out !== undefined ? ` → ${args.out}` : ''}`,
  );
}

/**
 * Decisions whose record ids this run has under several files (`1`, now `jan.csv:1` and
 * `feb.csv:1`): which purchases they were about cannot be told, so they apply to no finding, or
 * to one without those records. A report warning (`decision_ids`) for each, naming the fix.
 */
function idFormWarnings(report: DecidedReport, register: string): ReportWarning[] {
  const out: ReportWarning[] = [];
  const about = (d: { finding: string; status: string }, ambiguous: readonly { record: string; candidates: readonly string[] }[], applied: boolean) => {
    const shown = ambiguous.slice(0, 3).map((a) => `${a.record}: ${a.candidates.join(' or ')}`).join('; ');
    const fix = ambiguous[0] !== undefined ? `${ambiguous[0].candidates[0]}` : '';
    out.push({
      code: 'decision_ids',
      message:
        `${register}: the decision about ${d.finding} (${d.status}) names record id${ambiguous.length === 1 ? '' : 's'} that this run has in several files (${shown}${ambiguous.length > 3 ? ` and ${ambiguous.length - 3} more` : ''}; an id found in more than one file read together is prefixed with its file): ` +
        `${applied ? 'it applies to the finding of its other records only' : 'it applies to no finding'}; to settle it, append a line for it with its record ids written with their file, as this run writes them (${fix}, …)`,
    });
  };
  for (const u of report.decisions.unmatched) if (u.ambiguous !== undefined) about(u.decision, u.ambiguous, false);
  for (const f of [...report.findings, ...report.dismissed]) {
    for (const d of [f.decision, ...(f.merged ?? []), ...(f.conflict ?? [])]) if (d?.ambiguous !== undefined) about(d, d.ambiguous, true);
  }
  return out;
}

/**
 * A note when decisions were matched through record ids written otherwise in this run (`1` →
 * `jan.csv:1`): said once a run, with examples; undefined when none were.
 */
function renamedNote(report: DecidedReport): string | undefined {
  const renamed = new Map<string, string>();
  const decisions = new Set<string>();
  for (const f of [...report.findings, ...report.dismissed]) {
    for (const d of [f.decision, ...(f.merged ?? []), ...(f.conflict ?? [])]) {
      if (d?.renamed === undefined) continue;
      decisions.add(d.finding);
      for (const r of d.renamed) renamed.set(r.from, r.to);
    }
  }
  if (decisions.size === 0) return undefined;
  const shown = [...renamed].slice(0, 3).map(([x, y]) => `${x} → ${y}`).join(', ');
  return `${plural(decisions.size, 'decision')} matched by record ids this run writes with their file (${shown}${renamed.size > 3 ? ` and ${renamed.size - 3} more` : ''}: an id found in several files read together is prefixed with its file)`;
}

/**
 * The register `--decisions` names, as text; undefined when it does not exist yet and
 * `--decisions-template` names it too (the first run of a register it starts).
 */
async function registerText(path: string, template: string | undefined): Promise<string | undefined> {
  if (template !== undefined && (await stat(path).catch(() => undefined)) === undefined && (await realPathOf(path)) === (await realPathOf(template))) return undefined;
  return readText(path, 'decisions file');
}

/**
 * Appends an `open` line for each finding without a decision to the register at `path` (created
 * with its header when missing): the decisions already in the file, or those applied to the
 * report, decide which findings have one.
 */
async function appendTemplate(path: string, plain: ScanReport, report: ScanReport | DecidedReport): Promise<string> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw new InputError('unreadable', `cannot read --decisions-template ${path}: ${(e as Error).message}`, [path]);
  }
  const [{ decisionsTemplate, decisionsToAppend, decisionsToCsv, readDecisions }, { applyDecisions }, { decodeText }] = await Promise.all([
    import('../review/decisions.js'),
    import('../review/applyDecisions.js'),
    import('../io/read/decode.js'),
  ]);
  // The register as reading decodes it: its encoding is the one appended lines are written in.
  const { text: existing, encoding } = bytes === undefined ? { text: '', encoding: 'utf-8' as const } : decodeText(bytes);
  const base = existing.trim() !== '' ? applyDecisions(plain, readDecisions(existing)) : report;
  const lines = decisionsTemplate(base);
  if (existing.trim() === '') await write(path, decisionsToCsv(lines));
  else if (lines.length > 0) {
    let text: string;
    try {
      // In the register's own delimiter, line ending, column order and quoting.
      text = decisionsToAppend(existing, lines);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.code, `cannot append to --decisions-template ${path}: ${e.message}`, [path]);
      throw e;
    }
    try {
      await appendFile(path, encodeAs(text, encoding, path));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('unwritable', `cannot write ${path}: ${(e as Error).message}`, [path]);
    }
  }
  return `${plural(lines.length, 'open line')} for undecided findings ${existing.trim() === '' ? 'written to' : 'appended to'} ${path}`;
}

/**
 * Text as bytes of the register's encoding, so appended lines read back as the rest of the file:
 * UTF-8 and UTF-16 as they are; Windows-1252 and GB18030 when the text is ASCII (or, for
 * Windows-1252, Latin-1 letters), else an error rather than a register that mixes encodings.
 */
function encodeAs(text: string, encoding: string, path: string): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    default: {
      const fits = encoding === 'windows-1252' ? /^[\u0000-\u007f\u00a0-\u00ff]*$/u : /^[\u0000-\u007f]*$/u;
      if (fits.test(text)) return Buffer.from(text, 'latin1');
      throw new InputError('unwritable', `cannot append to --decisions-template ${path}: the register is ${encoding} and the lines to append hold characters it cannot be written in without mixing encodings; save the register as UTF-8 (in a spreadsheet: CSV UTF-8) and run again`, [path]);
    }
  }
}

/**
 * Text bound for stdout: on a terminal, control characters from the data (in a CSV cell, an HTML
 * page, a diff) are shown as escapes; to a file or a pipe it goes as it is.
 */
function forTerminal(text: string, io: CliIo): string {
  return io.stdout.isTTY === true ? terminalLines(text.replace(/\r\n/gu, '\n')) : text;
}

/**
 * Characters of text written to stdout at a time: few writes, and each chunk, and the bytes it is
 * encoded into for the write, small enough to be made in memory already in use (V8's young
 * generation, the allocator's heap) rather than in memory of its own, touched for the first time
 * and given back at once (a megabyte at a time, the report to stdout took about one minor page
 * fault in twelve of the Toronto-shaped bench file's run).
 */
const CHUNK = 1 << 14;

/** Pieces of text joined into chunks of about {@link CHUNK} characters for stdout (a larger piece goes as it is, uncopied). */
function* chunked(pieces: Iterable<string>): Generator<string> {
  let chunk: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (piece.length >= CHUNK) {
      if (length > 0) yield chunk.join('');
      chunk = [];
      length = 0;
      yield piece;
      continue;
    }
    chunk.push(piece);
    length += piece.length;
    if (length >= CHUNK) {
      yield chunk.join('');
      chunk = [];
      length = 0;
    }
  }
  if (length > 0) yield chunk.join('');
}

/**
 * Writes `text` to `out`, and, when `out` is a stream whose buffer is full (a pipe read more slowly
 * than the report is written: the bench's, a pager), waits until it drains or closes: the report
 * is not held in memory whole, as unwritten chunks. On the Toronto-shaped bench file's run piped
 * to another process, about 70 MB more peak memory than written to a file.
 */
function written(out: CliIo['stdout'], text: string): Promise<void> | undefined {
  if (out.write(text) !== false) return undefined;
  const stream = out as { on?: (event: string, f: () => void) => unknown; off?: (event: string, f: () => void) => unknown };
  const { on, off } = stream;
  if (typeof on !== 'function' || typeof off !== 'function') return undefined;
  return new Promise((resolve) => {
    const done = (): void => {
      off.call(stream, 'drain', done);
      off.call(stream, 'close', done);
      resolve();
    };
    on.call(stream, 'drain', done);
    on.call(stream, 'close', done);
  });
}

/**
 * Makes the folder `dir` and those above it that are missing, one at a time down from the nearest
 * that exists: Node's recursive `mkdir` retries for ever where making a folder fails as missing
 * (`-o /proc/nope/x.json` spun at full CPU).
 *
 * @throws the error of the first folder that cannot be made, or when the nearest existing path is no folder.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const info = await stat(d).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw new Error(`${d} is not a folder`);
      break;
    }
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    await mkdir(d).catch((e: unknown) => {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    });
  }
}

/** Writes a file, piece by piece, creating its folder when missing (`--out out/report.html`). */
async function write(path: string, text: string | Iterable<string>): Promise<void> {
  try {
    await makeFolder(dirname(path));
    if (typeof text === 'string') await writeFile(path, text);
    else {
      const file = await openFile(path, 'w');
      try {
        await writePieces(file, text);
      } finally {
        await file.close();
      }
    }
  } catch (e) {
    throw new InputError('unwritable', `cannot write ${path}: ${(e as Error).message}`, [path]);
  }
}
