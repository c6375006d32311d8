/**
 * The ledger driver: text or bytes, pushed in chunks, → records and rejects. One driver serves
 * `readLedger` (a whole string or byte array, synchronously, in any runtime) and `splitscan/node`'s
 * `loadLedger` (a file streamed chunk by chunk): decoding, the byte-order mark, the format and
 * delimiter, the header search and the NDJSON and JSON loops are written here once.
 */
import * as z from 'zod/mini';
import { InputError, OptionsError, isInputError } from '../../errors.js';
import type { Reject, RecordReject } from '../../records/record.js';
import { othersNamed } from '../../records/table.js';
import { groupedCount } from '../../_lib/grouping.js';
import { optionIssues } from '../../_lib/issues.js';
import type { LedgerField } from './columns.js';
import { type CsvSink, type Delimiter, CsvRows, DELIMITERS, detectDelimiter } from './csv.js';
import { excerpt } from './_excerpt.js';
import { type Encoding, ENCODINGS, type Latin1, narrowRuns, StreamDecoder, stripBom } from './decode.js';
import type { LedgerReaderOptions } from './reader.js';
import { type Ledger, type LedgerSource, LedgerReader, type ReaderPart } from './reader.js';
import { withRecords } from './ledgerTable.js';
import { LEDGER_OPTIONS_SHAPE } from './options.js';
import { checkArray, checkShape, type Shape } from '../../_lib/args.js';

/** Text formats a ledger can come in. */
export const LEDGER_FORMATS = ['csv', 'json', 'ndjson'] as const;

/** One of {@link LEDGER_FORMATS}. */
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions extends LedgerReaderOptions {
  /** @defaultValue detected: `[` starts a JSON array, `{` NDJSON, anything else delimited text */
  format?: LedgerFormat | 'auto' | undefined;
  /** Field delimiter of delimited text. @defaultValue detected among `,` `;` tab `|` */
  delimiter?: Delimiter | undefined;
  /** Encoding of bytes. @defaultValue `'auto'` (see `detectEncoding`) */
  encoding?: Encoding | 'auto' | undefined;
}

/** How a later range of an input is read: see {@link LedgerParser.rangeStart}. */
export interface RangeStart {
  /** The encoding, or `undefined` while only ASCII was read. */
  readonly encoding: Encoding | undefined;
  /** Why that encoding (the input's `encodingEvidence`). */
  readonly why: string | undefined;
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly headerLine: number;
}

/** Options of a {@link LedgerParser}: those of `readLedger`, and what a file loader adds. */
export interface LedgerParserOptions extends ReadLedgerOptions {
  /** The file read, named in errors. @defaultValue none (`'the input'`) */
  file?: string | undefined;
  /** Called every `progressEvery` rows with the rows read so far. @defaultValue none */
  onProgress?: ((rows: number) => void) | undefined;
  /** @defaultValue 50000 */
  progressEvery?: number | undefined;
}

/**
 * The schema of {@link LedgerParserOptions}: {@link LedgerOptions} (whose values `LedgerReader`
 * checks again), what a reader and a parser add, and no other key, so that a misspelt option is an
 * error naming the nearest one instead of being ignored.
 */
const parserOptionsSchema = z.strictObject({
  ...LEDGER_OPTIONS_SHAPE,
  mapWhereFound: z.optional(z.boolean({ error: 'must be true or false' })),
  numberSubjects: z.optional(z.boolean({ error: 'must be true or false' })),
  format: z.optional(z.enum(['auto', ...LEDGER_FORMATS], { error: (i) => `must be auto, ${LEDGER_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` })),
  delimiter: z.optional(z.enum(DELIMITERS, { error: (i) => `must be one of , ; tab |, got ${JSON.stringify(i.input)}` })),
  encoding: z.optional(z.enum(['auto', ...ENCODINGS], { error: (i) => `must be auto, ${ENCODINGS.join(', ')}, got ${JSON.stringify(i.input)}` })),
  file: z.optional(z.string({ error: 'must be a string' })),
  onProgress: z.optional(z.function()),
  progressEvery: z.optional(z.number({ error: 'must be a whole number ≥ 1' }).check(z.int('must be a whole number ≥ 1'), z.positive('must be a whole number ≥ 1'))),
});

/**
 * Characters of text read after which the reader copies the texts it keeps that it has not copied
 * yet (see `StringIds`' `'copy'`): the most text they hold alive, whatever the size of the pieces pushed.
 */
const HELD = 1 << 22;

/**
 * The decoder of a row read again (see {@link LedgerParser.rereadFrom}): Windows-1252, which reads
 * ASCII as ASCII. In stream mode: Node 20.18.3 and later decode it as ISO-8859-1 otherwise (see `StreamDecoder`).
 */
const ROW_BYTES = new TextDecoder('windows-1252');

/** Text read before the format and the delimiter are decided. */
const HEAD = 1 << 16;
/**
 * Lines of one non-empty cell read above the header at most: a title, a report date, the report's
 * parameters, as councils' exports write them above their columns. They are skipped, and said in
 * a warning (`title_lines`); after this many the first of them is the header (a file of one column).
 */
const TITLE_LINES = 30;

/**
 * Bytes decoded at a time: at most 64 KiB of text, below V8's large-object size, so that a text
 * and the row-sized strings cut from it are collected by the young generation's cheap scavenges
 * instead of piling up until a full collection.
 */
const PIECE = 1 << 15;

/**
 * Rows read into records after which a parser told the size of its input ({@link LedgerParser.expectBytes})
 * reckons how many it will keep in all, from the bytes they took.
 */
const RESERVE_AFTER = 8192;

/**
 * The rows reserved for ({@link LedgerParser.expectBytes}) over those the bytes read so far foretell:
 * too few would leave the last ones to grow every column by half again (or, joining ranges, to copy
 * them once more), too many only leave holes.
 */
const RESERVE_MARGIN = 1.02;

/** Where decoded text goes once the format is known. */
interface Sink {
  /** `byte`: the input byte the text starts at, when it is one byte a character (−1: not). */
  push(text: string, byte: number): void;
  end(): void;
  /** Line breaks in the text pushed so far (for the line of an undecodable byte). */
  breaks(): number;
}

/** Line feeds in a text. */
function feeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Guesses the format of a text from its start: a JSON array (`[` not followed by a letter, nor by a
 * bracketed header and a delimiter), NDJSON
 * (a first line that is a JSON object), else delimited text — so a CSV whose first header is
 * `[Date]`, `[1]` or `{id}` is read as CSV. `readLedger` reports it as `sources[0].format`.
 *
 * @example
 * readLedger('{"buyer":"City","vendor":"Acme","date":"2019-03-04","amount":5,"currency":"EUR"}\n').sources[0].format
 * //=> 'ndjson'
 * readLedger('[Date],buyer,vendor,amount,currency\n2019-03-04,City,Acme,5,EUR\n', { map: { date: '[Date]' } }).sources[0].format
 * //=> 'csv'
 */
function detectFormat(text: string): LedgerFormat {
  const t = text.trimStart();
  if (t[0] === '[') return /^\[\s*[\p{L}_]|^\[[^\]\r\n]*\][,;\t|]/u.test(t) ? 'csv' : 'json';
  if (t[0] === '{') {
    const first = firstLineJson(t);
    if (first !== null && typeof first === 'object' && !Array.isArray(first)) return 'ndjson';
  }
  return 'csv';
}

/** The first line of `text` parsed as JSON, or `undefined` when it is not JSON (a header such as `[1],buyer` or `{id},{amount}`). */
function firstLineJson(text: string): unknown {
  const end = text.search(/[\r\n]/u);
  try {
    return JSON.parse(end < 0 ? text : text.slice(0, end));
  } catch {
    return undefined;
  }
}

/** Archives and compressed files, told by their first bytes, and what to do with them. */
const PACKED: readonly { magic: readonly number[]; what: string; fix: string }[] = [
  { magic: [0x1f, 0x8b], what: 'gzip-compressed', fix: 'decompress it first (gzip -dc FILE | splitscan scan - …, or zlib.gunzipSync for readLedger)' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook?)', fix: 'extract the file, or save the sheet as CSV' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook', fix: 'save the sheet as CSV' },
];

/** An input as messages name it: its file, `standard input` for `-`, or `the input` (text given directly). */
export function inputName(file: string | undefined): string {
  return file === undefined ? 'the input' : file === '-' ? 'standard input' : file;
}

/**
 * Reads a ledger pushed in chunks of text or bytes (not both). Push-based, so a synchronous source
 * is read synchronously and an asynchronous one by a loop that awaits each chunk.
 *
 * 1. Bytes are decoded by a {@link StreamDecoder} (the encoding detected or given); a leading
 *    byte-order mark is dropped.
 * 2. The first 64 KiB (or the whole text, if shorter) decide the format and the delimiter.
 * 3. Delimited text is split into rows by {@link CsvRows}; the first non-blank row is the header,
 *    empty lines are not rows. NDJSON is read line by line; a JSON array is parsed whole at the end.
 * 4. Rows and objects go to a {@link LedgerReader}, which applies the ledger policies.
 *
 * Memory: the records kept plus one chunk (JSON arrays: the whole text). O(n) for n characters.
 */
export class LedgerParser {
  private readonly reader: LedgerReader;
  private readonly options: LedgerParserOptions;
  private decoder: StreamDecoder | undefined;
  private head = '';
  /** The input byte {@link head} starts at (−1: not known, see {@link text}). */
  private headByte = -1;
  private sink: Sink | undefined;
  private delimiter: Delimiter | undefined;
  private format: LedgerFormat | undefined;
  private headerLine: number | undefined;
  private started = false;
  /** Characters pushed to the rows since the reader last copied the texts it keeps ({@link HELD}). */
  private held = 0;
  /** The bytes of input this parser reads and those its reader ends with the rows of, when told ({@link expectBytes}), until it reserved room for their rows. */
  private expected: { readonly own: number; readonly all: number } | undefined;
  /** Bytes pushed so far (pieces: see {@link push}). */
  private fed = 0;

  private readonly latin1: Latin1 | undefined;
  /** The rows of delimited text, once the format is known. */
  private rows: CsvRows | undefined;

  /**
   * @param latin1 a native ISO-8859-1 decoder for the bytes it reads right (`splitscan/node` gives
   *   Node's). @defaultValue none: `TextDecoder` decodes every byte
   * @throws OptionsError naming each bad option.
   */
  constructor(options: LedgerParserOptions = {}, latin1?: Latin1) {
    const parsed = parserOptionsSchema.safeParse(options);
    if (!parsed.success) throw new OptionsError('readLedger', optionIssues(parsed.error, parserOptionsSchema, []));
    this.options = options;
    this.reader = new LedgerReader(options);
    this.latin1 = latin1;
  }

  /**
   * Adds the next chunk. Bytes are decoded {@link PIECE} at a time, so that each text made stays
   * a small string that dies young, whatever the size of the chunks read; and the lines of
   * characters up to U+00FF apart from the others ({@link narrowRuns}), so that they are one-byte
   * strings.
   */
  push(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') return this.text(chunk, -1);
    if (this.decoder === undefined) this.refusePacked(chunk);
    const decoder = (this.decoder ??= new StreamDecoder(this.options.encoding ?? 'auto', () => (this.sink ? this.sink.breaks() : feeds(this.head)), this.latin1));
    const part = (bytes: Uint8Array, narrow = false): void => this.decodedText(decoder, () => decoder.push(bytes, narrow && decoder.encoding === 'windows-1252'));
    let at = 0;
    do {
      const piece = chunk.length <= PIECE ? chunk : chunk.subarray(at, at + PIECE);
      this.fed += piece.length;
      if (decoder.decoding) narrowRuns(piece, decoder.encoding as Encoding, part);
      else part(piece);
      at += PIECE;
    } while (at < chunk.length);
  }

  /**
   * Adds the next text; `byte`: the input byte it starts at when each of its characters is one
   * byte of the input (the bytes of a row are then known: see `CsvRows.rowFrom`), else −1. The
   * decoder tells: a text as long as the bytes it was decoded from is one byte a character in
   * every encoding read here (none makes more UTF-16 units of a character than it has bytes).
   */
  private text(text: string, byte: number): void {
    if (!this.started && text !== '') {
      this.started = true;
      const kept = stripBom(text);
      if (kept !== text) byte = -1;
      text = kept;
    }
    if (this.sink) {
      this.sink.push(text, byte);
      if (this.expected !== undefined && this.reader.rowsKept >= RESERVE_AFTER) this.reserveRows(this.expected);
      // The texts its reader keeps are copied a batch at a time: a batch holds no more text than this alive.
      if ((this.held += text.length) >= HELD) {
        this.reader.settle();
        this.held = 0;
      }
    } else {
      this.headByte = this.head === '' ? byte : byte >= 0 && this.headByte >= 0 && this.headByte + this.head.length === byte ? this.headByte : -1;
      this.head += text;
      if (this.head.length >= HEAD) this.open();
    }
  }

  /**
   * Tells the parser the size of its input, when known: `own` bytes it reads, `all` bytes whose rows
   * its reader ends with (those of the ranges other parsers read too, when it joins them: see
   * {@link absorb}). Once it kept {@link RESERVE_AFTER} rows, its reader reserves room for the rows
   * the rest of the bytes hold at that rate (see `LedgerReader.reserve`). Before any byte.
   */
  expectBytes(own: number, all = own): void {
    if (own > 0 && all >= own) this.expected = { own, all };
  }

  /** Room for the rows the bytes {@link expected} hold, at the rate of the rows kept so far. */
  private reserveRows(expected: { readonly own: number; readonly all: number }): void {
    this.expected = undefined;
    const perByte = (this.reader.rowsKept / Math.max(1, this.fed)) * RESERVE_MARGIN;
    this.reader.reserve(perByte * expected.all, perByte * expected.own);
  }

  /**
   * Ends the input and returns the ledger (its `records` made when first read: see `withRecords`).
   * @param extra what the caller knows of the input besides: the SHA-256 of its bytes, and their
   *   number when other parsers read some of them (see {@link absorb}).
   * @throws InputError `'empty'` for input without a header row (or, NDJSON, without rows),
   *   `'invalid_json'` for a JSON array that does not parse, `'undecodable'` for bytes cut inside a character.
   */
  end(extra: Pick<LedgerSource, 'sha256' | 'bytes'> = {}): Ledger {
    const decoder = this.decoder;
    if (decoder) {
      this.last(decoder);
      for (const w of decoder.warnings) this.reader.warn('bom_overrides_encoding', w);
    }
    if (!this.sink) this.open();
    this.sink?.end();
    const { records, ...ledger } = this.reader.finishColumns();
    const encoding = decoder?.encoding;
    const file = this.options.file;
    const stamp = <T extends object>(x: T): T => (file !== undefined ? { ...x, file } : x);
    const source: LedgerSource = {
      ...(file !== undefined ? { file } : {}),
      ...(decoder ? { bytes: extra.bytes ?? decoder.bytes } : {}),
      format: this.format ?? 'csv',
      ...(encoding !== undefined ? { encoding, encodingEvidence: decoder?.evidence ?? '' } : {}),
      ...(this.delimiter !== undefined ? { delimiter: this.delimiter } : {}),
      ...(this.headerLine !== undefined ? { headerLine: this.headerLine } : {}),
      headers: ledger.headers,
      columns: ledger.columns,
      stats: ledger.stats,
      samples: this.reader.samples,
      ...(extra.sha256 !== undefined ? { sha256: extra.sha256 } : {}),
    };
    return withRecords(
      {
        ...ledger,
        ...(file !== undefined ? { file, rejects: stampAll(ledger.rejects, file) } : {}),
        warnings: ledger.warnings.map(stamp),
        sources: [source],
        ...(encoding !== undefined ? { encoding } : {}),
        ...(this.delimiter !== undefined ? { delimiter: this.delimiter } : {}),
      },
      records,
    );
  }

  /**
   * What a reader of a later range of the input needs to read it as this parser would: once the
   * header of delimited text in UTF-8 or Windows-1252 (or ASCII so far) is read; `undefined`
   * before, and for any other input (see {@link resume}).
   */
  get rangeStart(): RangeStart | undefined {
    const d = this.decoder;
    const encoding = d?.encoding;
    if (d === undefined || this.format !== 'csv' || this.rows?.width === undefined || this.delimiter === undefined || this.headerLine === undefined) return undefined;
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'windows-1252') return undefined;
    return { encoding, why: d.evidence, delimiter: this.delimiter, header: this.reader.headerFields, headerLine: this.headerLine };
  }

  /**
   * A parser of the range of the input that starts at byte `offset` on `line`, cut after a line
   * feed, as {@link rangeStart} describes the input: it reads rows as this input's parser would
   * from there, for its reader's {@link LedgerReader.part}.
   */
  static resume(options: LedgerParserOptions, start: RangeStart, offset: number, line: number, latin1?: Latin1): LedgerParser {
    const p = new LedgerParser(options, latin1);
    p.started = true;
    p.format = 'csv';
    p.delimiter = start.delimiter;
    p.headerLine = start.headerLine;
    p.reader.header(start.header);
    p.reader.readsLaterRange();
    p.sink = p.csv(start.delimiter, line);
    const rows = p.rows as CsvRows;
    p.decoder = StreamDecoder.resume(start.encoding, start.why, offset, () => rows.nextLine - 1 + feeds(rows.pending), latin1);
    return p;
  }

  /**
   * Ends a range of the input that is not its last: whether it ended where a row ends, every byte
   * decoded, in which encoding (`undefined`: ASCII so far), and the line the next row starts on.
   * The rows stay in the reader.
   */
  stop(): { clean: boolean; encoding: Encoding | undefined; line: number } {
    // Rows still held for the order of day and month are read only when a later date proves it.
    const clean = this.rows?.atRowStart === true && this.decoder?.idle === true && !this.reader.holdsRows;
    return { clean, encoding: this.decoder?.encoding, line: this.rows?.nextLine ?? 1 };
  }

  /** Ends the last range of the input (the text's end) and returns what its reader read. */
  endRange(): { part: ReaderPart; encoding: Encoding | undefined } {
    const decoder = this.decoder as StreamDecoder;
    this.last(decoder);
    this.sink?.end();
    // end() names UTF-8 for input that stayed ASCII, and decides on a sample cut short by the end.
    return { part: this.reader.part(), encoding: decoder.asciiOnly ? undefined : decoder.encoding };
  }

  /**
   * Subjects are read again from the input when read, not kept (see `LedgerReader.rereadRows`),
   * before anything is pushed: `bytesAt(from, to)` gives the input's bytes from `from` to `to`
   * (none: a parser of a later range, whose rows the first range's parser reads again). Each row
   * is decoded and split as it was read (its bytes are ASCII or Windows-1252: one byte a character),
   * and its subject taken as the reader took it.
   */
  rereadFrom(bytesAt?: (from: number, to: number) => Uint8Array): void {
    if (bytesAt === undefined) return this.reader.rereadRows();
    this.reader.rereadRows((from, to) => {
      if (this.delimiter === undefined) return undefined;
      const rows = new CsvRows(this.delimiter);
      rows.width = this.reader.headerFields.length;
      let cells: string[] | undefined;
      let count = 0;
      const sink: CsvSink = {
        row: (fields) => {
          count++;
          cells = fields.slice();
        },
        problem: () => void (count = 2),
      };
      rows.push(ROW_BYTES.decode(bytesAt(from, to), { stream: true }), sink);
      rows.end(sink);
      return count === 1 && cells !== undefined ? this.reader.subjectOf(cells) : undefined;
    });
  }

  /** Rows its reader has read so far. */
  get rowsRead(): number {
    return this.reader.rowsRead;
  }

  /** Rejects its reader made and still holds (see {@link takeRejects}). */
  get rejectsHeld(): number {
    return this.reader.rejectsHeld;
  }

  /** The rejects its reader made so far, no longer held ({@link LedgerReader.takeRejects}). */
  takeRejects(): Reject[] {
    return this.reader.takeRejects();
  }

  /** Dates its reader has read so far. */
  get datesRead(): number {
    return this.reader.datesRead;
  }

  /** Of {@link datesRead}, those that proved no order of day and month ({@link LedgerReader.datesEitherWay}). */
  get datesEitherWay(): number {
    return this.reader.datesEitherWay;
  }

  /** Whether its reader took the order of day and month from the dates read, not from an option. */
  get datesOrdered(): boolean {
    return this.reader.datesOrdered;
  }

  /** What this parser's reader read ({@link LedgerReader.part}). */
  part(): ReaderPart {
    return this.reader.part();
  }

  /** Adds what the parser of the next range read, as if this parser had read it ({@link LedgerReader.absorb}). */
  absorb(part: ReaderPart): void {
    this.reader.absorb(part);
  }

  /** Throws when the first bytes are those of an archive or a compressed file, not text. */
  private refusePacked(bytes: Uint8Array): void {
    const packed = PACKED.find((p) => p.magic.every((b, i) => bytes[i] === b));
    if (!packed) return;
    const file = this.options.file;
    throw new InputError('compressed', `${file ?? 'the input'} is ${packed.what}, not text: ${packed.fix}`, file !== undefined ? [file] : []);
  }

  /** Adds the text the decoder held back until the end. */
  private last(decoder: StreamDecoder): void {
    this.decodedText(decoder, () => decoder.end());
  }

  /** Adds the text a decoder step makes, with the input byte it starts at when it is one byte a character (see {@link text}). */
  private decodedText(decoder: StreamDecoder, step: () => string): void {
    const from = decoder.decodedBytes;
    const text = this.decoded(step);
    if (text !== '') this.text(text, decoder.decodedBytes - from === text.length ? from : -1);
  }

  /** Runs a decoder step, naming the file in an undecodable-bytes error. */
  private decoded(step: () => string): string {
    try {
      return step();
    } catch (e) {
      const file = this.options.file;
      if (file !== undefined && isInputError(e)) throw new InputError(e.code, `${file}: ${e.message}`, [file]);
      throw e;
    }
  }

  /** Decides the format from the head and sends the head on. */
  private open(): void {
    const head = this.head;
    this.head = '';
    const format = !this.options.format || this.options.format === 'auto' ? detectFormat(head) : this.options.format;
    this.format = format;
    if (format === 'json') this.sink = this.json();
    else if (format === 'ndjson') this.sink = this.ndjson();
    else {
      this.delimiter = this.options.delimiter ?? detectDelimiter(head);
      this.sink = this.csv(this.delimiter);
    }
    this.sink.push(head, this.headByte);
  }

  private empty(what: string): InputError {
    const file = this.options.file;
    return new InputError('empty', `${inputName(file)} has no ${what}`, file !== undefined ? [file] : []);
  }

  private progress(): void {
    const { onProgress, progressEvery = 50000 } = this.options;
    const n = this.reader.rowsRead;
    if (onProgress && n > 0 && n % progressEvery === 0) onProgress(n);
  }

  /** The sink of delimited text; from `line` on when reading a later range (the header read already). */
  private csv(delimiter: Delimiter, line?: number): Sink {
    const rows = new CsvRows(delimiter);
    this.rows = rows;
    let header = line !== undefined;
    if (line !== undefined) {
      rows.startAt(line);
      rows.width = this.reader.headerFields.length;
      rows.wanted = this.reader.wantedColumns();
    }
    // Lines of one cell above the header: a report's title, date and parameters (see TITLE_LINES).
    const titles: { readonly fields: readonly string[]; readonly line: number }[] = [];
    const takeHeader = (fields: readonly string[], line: number): void => {
      this.reader.header(fields);
      this.headerLine = line;
      rows.width = fields.length;
      rows.wanted = this.reader.wantedColumns();
      header = true;
      const [first, last] = [titles[0], titles[titles.length - 1]];
      if (first === undefined || last === undefined) return;
      const where = first === last ? `line ${first.line}` : `lines ${first.line}–${last.line}`;
      const shown = titles.slice(0, 3).map((t) => JSON.stringify(excerpt((t.fields.find((f) => f.trim() !== '') ?? '').trim(), 60)));
      this.reader.warn('title_lines', `${where} above the header (line ${line}) ${first === last ? 'is a title of one cell' : 'are a title of one cell each'}, not read: ${shown.join(', ')}${titles.length > 3 ? ' …' : ''}`);
    };
    const sink: CsvSink = {
      row: (fields, line) => {
        if (fields.length === 1 && fields[0] === '') return; // an empty line is not a row
        if (!header) {
          if (fields.every((f) => f.trim() === '')) return;
          if (fields.filter((f) => f.trim() !== '').length < 2 && titles.length < TITLE_LINES) {
            titles.push({ fields: fields.slice(), line });
            return;
          }
          if (titles.length >= TITLE_LINES) return untitled(fields, line);
          takeHeader(fields, line);
          return;
        }
        // A row of empty cells (`;;;`) is a row: the reader counts it as blank.
        this.reader.row(fields, line, rows.rowFrom, rows.rowTo);
        this.progress();
      },
      problem: (p) => {
        if (!header) throw new InputError('unparsable', `${inputName(this.options.file)}: the header row cannot be read: line ${p.line}: ${p.message}: ${JSON.stringify(p.excerpt)}`, this.options.file !== undefined ? [this.options.file] : []);
        this.reader.problem(p);
        this.progress();
      },
    };
    /** No header came after the one-cell lines: the first of them is the header after all, as in a file of one column. */
    const untitled = (fields?: readonly string[], line?: number): void => {
      const [first, ...rest] = titles.splice(0);
      if (first === undefined) return;
      takeHeader(first.fields, first.line);
      // Their bytes are not known any more (a subject is then kept, not read again).
      for (const t of rest) this.reader.row(t.fields, t.line);
      if (fields !== undefined && line !== undefined) sink.row(fields as string[], line);
    };
    return {
      push: (text, byte) => rows.push(text, sink, byte),
      end: () => {
        rows.end(sink);
        if (!header) untitled();
        if (!header) throw this.empty('header row');
      },
      breaks: () => rows.nextLine - 1 + feeds(rows.pending),
    };
  }

  private ndjson(): Sink {
    let rest = '';
    let line = 0;
    const object = (text: string): void => {
      line++;
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = `unparsable JSON: ${text.slice(0, 80)}`;
      }
      this.reader.object(value, line);
      this.progress();
    };
    return {
      push: (text) => {
        const lines = (rest + text).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(object);
      },
      end: () => {
        if (rest !== '') object(rest);
        if (this.reader.columns === undefined) throw this.empty('rows');
      },
      breaks: () => line + feeds(rest),
    };
  }

  private json(): Sink {
    const parts: string[] = [];
    return {
      push: (text) => void parts.push(text),
      breaks: () => parts.reduce((n, p) => n + feeds(p), 0),
      end: () => {
        const text = parts.join('');
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (e) {
          throw new InputError('invalid_json', `${inputName(this.options.file)} is not valid JSON: ${(e as Error).message}`, this.options.file !== undefined ? [this.options.file] : []);
        }
        if (!Array.isArray(data)) throw new InputError('invalid_json', 'a JSON ledger must be an array of objects');
        const keys: string[] = [];
        const seen = new Set<string>();
        for (const o of data) {
          if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
            for (const k of Object.keys(o)) if (!seen.has(k)) (seen.add(k), keys.push(k));
          }
        }
        this.reader.header(keys);
        const lines = elementLines(text);
        data.forEach((o, i) => {
          this.reader.object(o, lines[i] ?? i + 1);
          this.progress();
        });
      },
    };
  }
}

/**
 * The rejects of a file, each given the file as its last field (the reader's own objects, made for
 * this ledger alone: stamped in place, not copied). O(r).
 */
function stampAll(rejects: Reject[], file: string): Reject[] {
  for (const r of rejects) (r as { file?: string }).file = file;
  return rejects;
}

/**
 * The 1-based line on which each element of a valid JSON array starts (a JSON parser keeps no
 * positions): the `lines` of a ledger read from a JSON array. O(n).
 *
 * @example
 * const row = '{"buyer":"City","vendor":"Acme","date":"2019-03-04","amount":5,"currency":"EUR"}'
 * readLedger(`[\n ${row},\n ${row}\n]`).lines //=> [2, 3]
 */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let quoted = false;
  let next = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '\n') line++;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (next && depth === 1 && c !== ']') lines.push(line);
    next = false;
    if (c === '"') quoted = true;
    else if (c === '[' || c === '{') next = ++depth === 1;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) next = true;
  }
  return lines;
}

/**
 * Reads a ledger from a string or bytes: decodes, parses, maps columns, reads amounts and dates,
 * and applies the subtotal, repayment, lines and credits policies of {@link LedgerOptions}. Bad rows
 * become rejects with their line, column and reason; the run goes on. `splitscan/node`'s
 * `loadLedger` reads files through the same {@link LedgerParser}.
 *
 * Runs in O(n) for n characters, plus O(r log r) for r records when `credits: 'net'`.
 *
 * @throws OptionsError when required columns are missing (the message lists the headers found), a
 *   mapped column does not exist, or the first dates read are ambiguous without `dateFormat`.
 * @throws InputError `'undecodable'` for bytes invalid in the chosen encoding, `'invalid_json'` for
 *   a JSON array that does not parse, `'empty'` for input without a header.
 * @example
 * const { records, rejects } = readLedger('buyer,vendor,date,amount,currency\nCity,Acme,2019-03-04,"$1,234.50",USD\n')
 * // No id column: the record is named after its content (see contentId in reader.ts).
 * records[0] //=> { id: 'Rfd3d606ac463', buyer: 'City', vendor: 'Acme', date: '2019-03-04', amount: '1234.5', currency: 'USD' }
 */
export function readLedger(input: string | Uint8Array | ArrayBuffer | ArrayBufferView, options: ReadLedgerOptions = {}): Ledger {
  const parser = new LedgerParser(options);
  parser.push(ledgerInput(input));
  return parser.end();
}

/**
 * What {@link readLedger} reads: text, or bytes as a `Uint8Array`, an `ArrayBuffer` (what
 * `await file.arrayBuffer()` gives in a browser) or any other view of one (a `DataView`, a `Buffer`).
 *
 * @throws InputError `'unreadable'` for anything else, naming what to do with a `Blob` or `File`.
 */
function ledgerInput(input: unknown): string | Uint8Array {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const blob = typeof input === 'object' && input !== null && typeof (input as { arrayBuffer?: unknown }).arrayBuffer === 'function';
  const got = input === null ? 'null' : blob ? 'a Blob or File' : typeof input === 'object' ? 'an object' : `a ${typeof input}`;
  throw new InputError('unreadable', `readLedger: the input must be text or bytes (a string, Uint8Array, ArrayBuffer or another view of one), got ${got}${blob ? ': read it first, readLedger(await file.arrayBuffer())' : ''}`);
}

/** What {@link locateRejects} reads of a ledger first: its lines (the rest only where present). */
const LOCATING: Shape = { what: 'a ledger from readLedger or loadLedger', fields: { lines: 'array' } };

/**
 * Locates the rejects of `detectSplits(ledger.records, …)` in the file the ledger was read from:
 * each keeps its `index` (its position in `ledger.records`) and gains the `line` that record came
 * from (its first line when lines were summed), the `column` of the field at fault and, for files,
 * the `file`; a repeated id's message names the lines of the other rows that use it (not their
 * positions among the records). Together with `ledger.rejects` (rows rejected while reading, which
 * have no index), every row of the file is then accounted for with a line.
 *
 * Runs in O(r) for r rejects.
 *
 * @example
 * const ledger = readLedger('id,buyer,vendor,date,amount,currency\na,B,V,2019-01-01,1,EUR\nb,B,V,2019-01-01,2,XXX\n')
 * const thresholds = [{ id: 'tender', amount: '10000', currency: 'EUR', procedure: 'tender' }]
 * locateRejects(detectSplits(ledger.records, { thresholds }).rejects, ledger)
 * //=> [{ index: 1, id: 'b', field: 'currency', code: 'unknown_currency', line: 3, column: 'currency', … }]
 */
export function locateRejects(rejects: readonly RecordReject[], ledger: Pick<Ledger, 'lines' | 'columns' | 'file' | 'files' | 'sources'>): RecordReject[] {
  checkArray(rejects, 'locateRejects', 'rejects', 'an array of rejects (from detectSplits or validateRecords)');
  checkShape(ledger, LOCATING, 'locateRejects', 'ledger');
  const fileOf = (index: number) => ledger.files?.[index] ?? ledger.file;
  // A repeated id names the other records by position in the records; in a file they have lines.
  const sharing = new Map<string, number[]>();
  for (const r of rejects) if (r.code === 'duplicate_id' && r.id !== undefined) (sharing.get(r.id) ?? sharing.set(r.id, []).get(r.id)!).push(r.index);
  const where = (index: number, from: string | undefined): string => {
    const line = ledger.lines[index];
    const file = fileOf(index);
    return line === undefined ? `record ${index}` : `${file !== undefined && file !== from ? `${file} ` : ''}line ${line}`;
  };
  /** "line 3", "lines 3 and 5", "lines 3, 5 and 9"; places in other files named each. */
  const places = (all: string[]): string => {
    const lines = all.every((p) => p.startsWith('line ')) ? all.map((p) => p.slice(5)) : undefined;
    const list = lines ?? all;
    const joined = list.length === 1 ? (list[0] as string) : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    return lines ? `line${lines.length > 1 ? 's' : ''} ${joined}` : joined;
  };
  return rejects.map((r) => {
    const line = ledger.lines[r.index];
    const file = fileOf(r.index);
    const columns = ledger.files ? ledger.sources.find((s) => s.file === file)?.columns : ledger.columns;
    const column = columns?.[r.field as LedgerField]?.headers.join('+');
    const all = r.code === 'duplicate_id' && r.id !== undefined ? sharing.get(r.id) : undefined;
    const { named: others, more } = all !== undefined ? othersNamed(all, r.index) : { named: [], more: 0 };
    return {
      ...r,
      ...(others.length > 0 ? { message: `id "${r.id}" is also used on ${places(others.map((i) => where(i, file)))}${more > 0 ? `, and ${groupedCount(more)} more rows` : ''}; ids must be unique` } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined && r.column === undefined ? { column } : {}),
      ...(file !== undefined && r.file === undefined ? { file } : {}),
    };
  });
}
