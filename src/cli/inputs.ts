/**
 * The scan's inputs as one ledger, read the one way the package reads files: ledger files through
 * `loadLedgers` (several files, folders, glob patterns, `-` for standard input), or one OCDS file
 * through `loadOcds`. The report's provenance of each input (size, SHA-256, encoding, delimiter,
 * columns) is taken from what the loaders computed while reading (`ledger.sources`).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeText } from '../io/read/decode.js';
import type { Ledger, LedgerSource } from '../io/read/reader.js';
import type { ProvenanceInput } from '../io/write/scanReport.js';
import { type LoadLedgersOptions, loadLedgers, loadOcds } from '../node.js';
import { type InputFormat, UsageError } from './args.js';

/**
 * Reads the inputs: one OCDS file (`--input-format ocds`, or a `.json` file holding one object) as
 * a ledger of its records, anything else with `loadLedgers`.
 *
 * @throws UsageError for `--input-format ocds` with several inputs; InputError and OptionsError as
 *   `loadLedgers` and `loadOcds` throw them.
 */
export async function readInputs(files: readonly string[], options: LoadLedgersOptions, format: InputFormat): Promise<Ledger> {
  const [file] = files;
  const single = files.length === 1 && file !== undefined && file !== '-';
  if (format === 'ocds' && !single) throw new UsageError('--input-format ocds reads one file at a time');
  if (!single || !(format === 'ocds' || (format === 'auto' && (await holdsOneObject(file))))) {
    return loadLedgers(files, { ...options, ...(format !== 'auto' && format !== 'ocds' ? { format } : {}) });
  }
  const o = await loadOcds(file, { ...(options.currency !== undefined ? { currency: options.currency } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) });
  return { file, records: o.records, rejects: o.rejects, lines: [], headers: [], columns: {}, stats: o.source.stats, warnings: [], sources: [o.source] };
}

/** True when a `.json` file holds one JSON object (OCDS), not an array or NDJSON. */
async function holdsOneObject(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.json') return false;
  try {
    const text = decodeText(await readFile(path)).text.trimStart();
    return text.startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/u.test(text);
  } catch {
    return false;
  }
}

/**
 * Each input as the report's provenance names it: file, size, SHA-256, format, encoding,
 * delimiter, the header(s) of each field, and the rows read.
 *
 * @example
 * provenanceInputs((await loadLedger('seeds/chengxi-2014.csv', { currency: 'CNY' })).sources)[0].columns.amount //=> ['合同金额(元)']
 */
export function provenanceInputs(sources: readonly LedgerSource[]): ProvenanceInput[] {
  return sources.map((s) => {
    const columns = Object.fromEntries(Object.entries(s.columns).map(([field, c]) => [field, [...(c?.headers ?? [])]]));
    return {
      file: s.file ?? '-',
      bytes: s.bytes ?? 0,
      sha256: s.sha256 ?? '',
      format: s.format,
      ...(s.encoding !== undefined ? { encoding: s.encoding } : {}),
      ...(s.delimiter !== undefined ? { delimiter: s.delimiter } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
      rows: s.stats.rows,
    };
  });
}
