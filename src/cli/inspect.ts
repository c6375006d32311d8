/**
 * `splitscan inspect FILE...`: what reading understood of the files, before anyone trusts a scan of
 * them — encoding and its evidence, delimiter, header row, the column of each field and why, sample
 * dates and amounts, and the rejects a scan would make. See docs/cli.md.
 */
import { type LedgerInspection, type SourceInspection, inspectLedger } from '../io/read/inspect.js';
import { OCDS_FIELDS } from '../io/read/ocds.js';
import type { LoadLedgersOptions } from '../node.js';
import type { InputFormat, InspectArgs } from './args.js';
import { readInputs } from './inputs.js';

/** Where the command writes. */
interface Io {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean | undefined };
}

const n = (x: number): string => x.toLocaleString('en');
/** `1 record`, `2 records`. */
const count = (x: number, what: string): string => `${n(x)} ${what}${x === 1 ? '' : 's'}`;
const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * Reads the files as `scan` would (an OCDS file included) and prints what was understood (`--format json`: the
 * {@link LedgerInspection} object). Exit 0; the errors `scan` would stop on stop it too.
 */
export async function inspect(args: InspectArgs, io: Io, options: LoadLedgersOptions, format: InputFormat): Promise<number> {
  const ledger = await readInputs(args.files, options, format);
  if (options.onProgress && ledger.stats.rows >= 50000) io.stderr.write('\r\u001b[K');
  const inspection = inspectLedger(ledger);
  io.stdout.write(args.format === 'json' ? `${JSON.stringify(inspection, null, 2)}\n` : formatInspection(inspection));
  return 0;
}

/**
 * The inspection as text: one block per file, then the rejects by code and the warnings.
 *
 * @example
 * formatInspection(inspectLedger(readLedger('buyer,vendor,date,amount,currency\nB,V,2019-01-02,5,EUR\n'))).split('\n')[1]
 * //=> '  format    csv, delimiter comma, header on line 1 (5 columns)'
 */
export function formatInspection(inspection: LedgerInspection): string {
  const out: string[] = [];
  for (const s of inspection.sources) out.push(...source(s), '');
  const t = inspection.stats;
  out.push(`${count(t.rows, 'row')}: ${count(t.records, 'record')} (${n(inspection.valid)} valid), ${n(t.rejected)} rejected while reading, ${n(t.blank)} blank, ${count(t.merged, 'line')} summed, ${count(t.netted, 'credit')} netted`);
  if (inspection.rejects.length) {
    out.push('', 'rejects a scan would make (by code; validation ones before any currency conversion):');
    const w = Math.max(...inspection.rejects.map((r) => r.code.length));
    for (const r of inspection.rejects) {
      out.push(`  ${r.code.padEnd(w)}  ${n(r.count).padStart(8)}  ${r.by === 'read' ? 'reading' : 'detection'}`);
      for (const e of r.examples) out.push(`      ${e.file !== undefined ? `${e.file} ` : ''}${e.message}${e.value !== undefined && e.value !== '' ? ` [${String(e.value)}]` : ''}`);
    }
  }
  if (inspection.warnings.length) {
    out.push('', 'warnings:');
    for (const w of inspection.warnings) out.push(`  ${w.file !== undefined ? `${w.file}: ` : ''}${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

function source(s: SourceInspection): string[] {
  const lines = [`${s.file === '-' ? 'standard input' : (s.file ?? 'the input')}${s.bytes !== undefined ? `  ${n(s.bytes)} bytes` : ''}${s.sha256 !== undefined ? `  sha256 ${s.sha256}` : ''}`];
  const ocds = s.format === 'ocds';
  const format = ocds
    ? ['ocds: one record per contract, or per award without one (the latest release of each ocid)']
    : [s.format, s.delimiter !== undefined ? `delimiter ${DELIMITER_NAMES[s.delimiter] ?? s.delimiter}` : '', s.headerLine !== undefined ? `header on line ${s.headerLine} (${s.headers.length} columns)` : `${s.headers.length} keys`].filter(Boolean);
  lines.push(`  format    ${format.join(', ')}`);
  if (s.encoding !== undefined) lines.push(`  encoding  ${s.encoding}${s.encodingEvidence ? `: ${s.encodingEvidence}` : ''}`);
  if (ocds) {
    // The standard fixes where each field is: no column is chosen, so none is shown as chosen.
    const fw = Math.max(...Object.keys(OCDS_FIELDS).map((f) => f.length));
    Object.entries(OCDS_FIELDS).forEach(([field, path], i) => lines.push(`  ${i === 0 ? 'fields  ' : '        '}  ${field.padEnd(fw)} ← ${path}`));
  }
  const fw = Math.max(...s.columns.map((c) => c.field.length), 0);
  const hw = Math.max(...s.columns.map((c) => label(c.headers, c.columns).length), 0);
  s.columns.forEach((c, i) => {
    lines.push(`  ${i === 0 ? 'columns ' : '        '}  ${c.field.padEnd(fw)} ← ${label(c.headers, c.columns).padEnd(hw)}  ${c.why}${c.warning !== undefined ? ` (warning: ${c.warning})` : ''}`);
  });
  const used = new Set(s.columns.flatMap((c) => c.columns));
  const unread = s.headers.map((h, i) => [h, i + 1] as const).filter(([h, i]) => !used.has(i) && h.trim() !== '');
  if (unread.length) lines.push(`  not read  ${unread.map(([h]) => JSON.stringify(h)).join(', ')}`);
  s.samples.forEach((x, i) => {
    lines.push(`  ${i === 0 ? 'samples ' : '        '}  line ${x.line}: date ${JSON.stringify(x.date[0])} → ${x.date[1]}, amount ${JSON.stringify(x.amount[0])} → ${x.amount[1]} ${x.currency}`);
  });
  const t = s.stats;
  lines.push(`  rows      ${n(t.rows)}: ${count(t.records, 'record')}, ${n(t.rejected)} rejected, ${n(t.blank)} blank, ${n(t.merged)} summed, ${n(t.netted)} netted`);
  return lines;
}

function label(headers: readonly string[], columns: readonly number[]): string {
  return headers.map((h, i) => `${JSON.stringify(h)} (${columns[i]})`).join(' + ');
}
