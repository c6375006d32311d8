/**
 * Bytes → text for ledger files: UTF-8 (with or without BOM), UTF-16 LE/BE, Windows-1252 and
 * GB18030 (a superset of GBK, what Chinese Excel writes), detected from the evidence of a whole
 * sample or forced. Platform-neutral: it uses only `TextDecoder`.
 */
import { InputError } from '../../errors.js';
import { badDocument } from '../../_lib/args.js';

/** Encodings the loaders read (`'auto'`, the default, detects one of them). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'gb18030'] as const;

/** One of {@link ENCODINGS}. */
export type Encoding = (typeof ENCODINGS)[number];

/** Names accepted for {@link Encoding}, case-insensitively (`gbk`, `cp1252`, `latin1` …). */
const ALIASES: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

/**
 * Reads an encoding name as users write it, or returns undefined.
 *
 * @example
 * encodingOf('GBK') //=> 'gb18030'
 */
export function encodingOf(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/** Bytes after the first non-ASCII byte that the encoding is decided on. */
export const SAMPLE_BYTES = 1 << 16;

/** An encoding and the evidence it was chosen on, in words. */
export interface EncodingGuess {
  readonly encoding: Encoding;
  readonly evidence: string;
}

const BOMS: readonly [readonly number[], Encoding][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The byte-order mark `bytes` start with, if any. */
function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  for (const [bom, encoding] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  return undefined;
}

/** UTF-16 without a BOM: many zero bytes at odd (LE) or even (BE) positions in the first 4 KiB. */
function utf16Of(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (n >= 2 && odd > n / 8 && odd > 4 * even) return 'utf-16le';
  if (n >= 2 && even > n / 8 && even > 4 * odd) return 'utf-16be';
  return undefined;
}

/**
 * Guesses the encoding of bytes from everything in them, and says why.
 *
 * 1. A byte-order mark decides (EF BB BF, FF FE, FE FF).
 * 2. Many zero bytes at odd (even) positions mean UTF-16 LE (BE) without a BOM.
 * 3. Only ASCII: UTF-8.
 * 4. Mostly valid UTF-8 multi-byte sequences (at least four for each invalid byte): UTF-8 (an
 *    invalid byte is then an error at its offset, never a silent U+FFFD).
 * 5. GB18030 when every high byte decodes as GB18030, at least 80% of the double-byte
 *    characters are in GB2312's common range (both bytes A1–FE): what Chinese text is made of,
 *    and at most half of them stand alone between ASCII letters. A no-break space or a curly
 *    quote before a letter is a valid GBK pair too (A0 49), but an uncommon one, so a few of them
 *    are not Chinese; two accented letters in a Latin word (`çã` in "Educação", E7 E3) make a
 *    common pair, but Chinese is not written one character inside a Latin word.
 * 6. Otherwise Windows-1252 (every byte is a character there).
 *
 * Runs in O(n) over the sample.
 *
 * @example
 * sniffEncoding(new Uint8Array([0x4c, 0x20, 0x34, 0x92, 0x20])).encoding //=> 'windows-1252'
 */
export function sniffEncoding(sample: Uint8Array): EncodingGuess {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, evidence: `byte-order mark ${hex(sample.subarray(0, bom.length))}` };
  const wide = utf16Of(sample);
  if (wide) return { encoding: wide, evidence: `zero bytes at ${wide === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 without a byte-order mark)` };
  const u = utf8Census(sample);
  if (u.multi === 0 && u.invalid === 0) return { encoding: 'utf-8', evidence: 'only ASCII bytes' };
  const n = sample.length.toLocaleString('en');
  if (u.multi > 0 && u.multi >= 4 * u.invalid) {
    return { encoding: 'utf-8', evidence: `${u.multi.toLocaleString('en')} valid UTF-8 multi-byte character${u.multi === 1 ? '' : 's'}${u.invalid ? ` and ${u.invalid} invalid byte${u.invalid === 1 ? '' : 's'}` : ''} in ${n} bytes` };
  }
  const g = gbCensus(sample);
  const pairs = g.common + g.rare;
  const notUtf8 = `not UTF-8 (${u.invalid.toLocaleString('en')} invalid byte${u.invalid === 1 ? '' : 's'} in ${n})`;
  if (g.broken === 0 && g.common > 0 && g.common >= 0.8 * pairs && 2 * g.inWord <= pairs) {
    return { encoding: 'gb18030', evidence: `${notUtf8}; as GB18030, ${g.common.toLocaleString('en')} of ${pairs.toLocaleString('en')} double-byte characters are common GB2312 ones` };
  }
  const gb =
    g.broken > 0
      ? `${g.broken} would not decode as GB18030`
      : 2 * g.inWord > pairs
        ? `as GB18030, ${g.inWord} of ${pairs} double-byte characters would stand alone inside Latin words (accented letters, as in "Educação")`
        : `as GB18030 only ${g.common} of ${pairs} would be common Chinese characters`;
  return { encoding: 'windows-1252', evidence: `${notUtf8}; ${gb}: read as Windows-1252` };
}

/**
 * {@link sniffEncoding}'s encoding alone.
 *
 * @example
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) //=> 'utf-8'
 * // 采购 in GB18030
 * detectEncoding(new Uint8Array([0xb2, 0xc9, 0xb9, 0xba])) //=> 'gb18030'
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  if (!(sample instanceof Uint8Array)) badDocument('detectEncoding', 'sample', 'bytes (a Uint8Array)', sample);
  return sniffEncoding(sample).encoding;
}

/** The length of the UTF-8 sequence at `i` (WHATWG rules), 0 when invalid, -1 when cut by the end. */
function utf8At(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    const t = b[i + k];
    if (t === undefined) return -1;
    if (t < (k === 1 ? lo : 0x80) || t > (k === 1 ? hi : 0xbf)) return 0;
  }
  return need + 1;
}

/** The length of the GB18030 sequence at `i` (WHATWG rules), 0 when invalid, -1 when cut by the end. */
function gbAt(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c <= 0x80) return 1;
  if (c === 0xff) return 0;
  const t = b[i + 1];
  if (t === undefined) return -1;
  if (t >= 0x30 && t <= 0x39) {
    const t3 = b[i + 2];
    const t4 = b[i + 3];
    if (t3 === undefined || t4 === undefined) return -1;
    if (t3 < 0x81 || t3 > 0xfe || t4 < 0x30 || t4 > 0x39) return 0;
    const pointer = ((c - 0x81) * 10 + (t - 0x30)) * 1260 + (t3 - 0x81) * 10 + (t4 - 0x30);
    return (pointer > 39419 && pointer < 189000) || pointer > 1237575 ? 0 : 4;
  }
  return (t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe) ? 2 : 0;
}

/** The length of the UTF-16 unit (pair) at `i`, 0 for a lone surrogate, -1 when cut by the end. */
function utf16At(b: Uint8Array, i: number, le: boolean): number {
  const unit = (k: number): number | undefined => {
    const x = b[k];
    const y = b[k + 1];
    return x === undefined || y === undefined ? undefined : le ? x | (y << 8) : (x << 8) | y;
  };
  const u = unit(i);
  if (u === undefined) return -1;
  if (u >= 0xdc00 && u <= 0xdfff) return 0;
  if (u < 0xd800 || u > 0xdbff) return 2;
  const v = unit(i + 2);
  if (v === undefined) return -1;
  return v >= 0xdc00 && v <= 0xdfff ? 4 : 0;
}

/** The length of the sequence at `i` in some encoding: 0 when invalid, -1 when cut by the end. */
type SequenceAt = (b: Uint8Array, i: number) => number;

/** Calls `visit` with each sequence's length (0: one invalid byte) and start, up to a sequence cut by the end. */
function walk(b: Uint8Array, at: SequenceAt, visit: (length: number, i: number) => boolean | void): void {
  for (let i = 0; i < b.length; ) {
    const n = at(b, i);
    if (n < 0 || visit(n, i) === true) return;
    i += n === 0 ? 1 : n;
  }
}

/** Where the first invalid sequence of `b` starts in `encoding` (`final`: a cut sequence is invalid), or -1. */
function firstInvalid(b: Uint8Array, encoding: Encoding, final: boolean): number {
  if (encoding === 'windows-1252') return -1;
  const at: SequenceAt = encoding === 'utf-8' ? utf8At : encoding === 'gb18030' ? gbAt : (x, i) => utf16At(x, i, encoding === 'utf-16le');
  let found = -1;
  let end = 0;
  walk(b, at, (n, i) => {
    end = i + Math.max(n, 1);
    if (n === 0) found = i;
    return n === 0;
  });
  return found >= 0 ? found : final && end < b.length ? end : -1;
}

function utf8Census(b: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  walk(b, utf8At, (n) => {
    if (n === 0) invalid++;
    else if (n > 1) multi++;
  });
  return { multi, invalid };
}

/** Whether a byte is an ASCII letter. */
const letter = (x: number | undefined): boolean => x !== undefined && ((x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a));

/**
 * The double-byte characters of `b` read as GB18030: `common` (both bytes A1–FE, GB2312's Chinese
 * range), `rare`, `broken` sequences, and `inWord`: characters with an ASCII letter on both sides.
 * Chinese is written in runs of characters, not one inside a Latin word; Windows-1252 letters are
 * (`Educa|çã|o`, `Gr|öß|e`: two accented letters make one common GB pair).
 */
function gbCensus(b: Uint8Array): { common: number; rare: number; broken: number; inWord: number } {
  let common = 0;
  let rare = 0;
  let broken = 0;
  let inWord = 0;
  walk(b, gbAt, (n, i) => {
    if (n === 0) broken++;
    else if (n === 4 || (n === 2 && ((b[i] as number) < 0xa1 || (b[i + 1] as number) < 0xa1))) rare++;
    else if (n === 2) common++;
    if (n === 2 && letter(b[i - 1]) && letter(b[i + 2])) inWord++;
  });
  return { common, rare, broken, inWord };
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** The end of the last whole character of `b` in `encoding` that leaves no character cut. */
function safeEnd(b: Uint8Array, encoding: Encoding): number {
  const n = b.length;
  switch (encoding) {
    case 'windows-1252':
      return n;
    case 'utf-16le':
    case 'utf-16be': {
      let end = n - (n % 2);
      const last = end >= 2 ? (encoding === 'utf-16le' ? (b[end - 2] as number) | ((b[end - 1] as number) << 8) : ((b[end - 2] as number) << 8) | (b[end - 1] as number)) : 0;
      if (last >= 0xd800 && last <= 0xdbff) end -= 2;
      return end;
    }
    case 'utf-8': {
      // Back over continuation bytes to the last lead; keep its sequence if it is whole.
      for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
        const c = b[i] as number;
        if (c < 0x80) return n;
        if (c >= 0xc0) {
          const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
          return i + len <= n ? n : i;
        }
      }
      return n;
    }
    default:
      // GB18030: a byte below 0x30 is never part of a multi-byte character.
      for (let i = n - 1; i >= 0; i--) if ((b[i] as number) < 0x30) return i + 1;
      return 0;
  }
}

/** Counts the line feeds in `b[from, to)` (UTF-16: as units). */
function countLines(b: Uint8Array, from: number, to: number, encoding: Encoding | undefined): number {
  let n = 0;
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  for (let i = b.indexOf(10, from); i >= 0 && i < to; i = b.indexOf(10, i + 1)) {
    if (!wide) n++;
    else if (encoding === 'utf-16le' ? i % 2 === 0 && b[i + 1] === 0 : i % 2 === 1 && b[i - 1] === 0) n++;
  }
  return n;
}

/**
 * Cuts bytes at line feeds so that the lines holding a character beyond U+00FF (Windows-1252's
 * 80–9F: curly quotes, dashes, €; a UTF-8 lead byte from C4) come apart from the lines without one,
 * and sends each stretch to `emit` in order. V8 keeps a text of characters up to U+00FF in one byte
 * each: decoded apart, most of a Latin ledger's rows, and the cells kept from them, take half the
 * memory and are searched faster. Other encodings gain nothing: `emit` gets their bytes whole; and
 * narrow lines between two wide ones are cut apart only when they make {@link NARROW_RUN} bytes or
 * more, so text where most lines are wide (Chinese in UTF-8) is not cut up. Never cuts inside a
 * character (a line feed is never part of a multi-byte character in UTF-8). `narrow` says that a
 * stretch holds none of those bytes (Windows-1252: its text is then the bytes read as ISO-8859-1).
 * Runs in O(n).
 *
 * @example
 * const parts: string[] = []
 * narrowRuns(new TextEncoder().encode('a\nb’\nc\n'), 'utf-8', (b) => parts.push(new TextDecoder().decode(b)))
 * parts //=> ['a\n', 'b’\n', 'c\n']
 */
export function narrowRuns(bytes: Uint8Array, encoding: Encoding, emit: (part: Uint8Array, narrow: boolean) => void): void {
  const lo = encoding === 'windows-1252' ? 0x80 : encoding === 'utf-8' ? 0xc4 : -1;
  const hi = encoding === 'windows-1252' ? 0x9f : 0xff;
  const n = bytes.length;
  if (lo < 0) return emit(bytes, false);
  const words = new Words(bytes);
  let start = 0;
  /** End of the current stretch of wide lines (−1: none open). */
  let wideEnd = -1;
  let i = 0;
  while (i < n) {
    const w = words.nextIn(i, lo, hi);
    if (w === n) break;
    let lineStart = w;
    while (lineStart > i && bytes[lineStart - 1] !== LF_BYTE) lineStart--;
    const lf = bytes.indexOf(LF_BYTE, w);
    const lineEnd = lf < 0 ? n : lf + 1;
    if (wideEnd >= 0 && lineStart - wideEnd < NARROW_RUN) {
      wideEnd = lineEnd; // the narrow lines between are too few to be worth a piece of their own
    } else {
      if (wideEnd >= 0) {
        emit(bytes.subarray(start, wideEnd), false);
        start = wideEnd;
      }
      if (lineStart > start) {
        emit(bytes.subarray(start, lineStart), true);
        start = lineStart;
      }
      wideEnd = lineEnd;
    }
    i = lineEnd;
  }
  if (wideEnd >= 0 && wideEnd < n) {
    emit(bytes.subarray(start, wideEnd), false);
    start = wideEnd;
  }
  emit(start === 0 ? bytes : bytes.subarray(start), wideEnd < 0 || start === wideEnd);
}

const LF_BYTE = 10;

/**
 * Decodes bytes as ISO-8859-1 (each byte the character of its code), natively: Node's
 * `Buffer#latin1Slice` copies the bytes into a one-byte string, ten times as fast as a
 * `TextDecoder`. A loader that has one gives it to the {@link StreamDecoder}.
 */
export type Latin1 = (bytes: Uint8Array) => string;

/**
 * Whether `bytes` read as ISO-8859-1 give the text they are in `encoding`: ASCII alone does in
 * every encoding but UTF-16, and Windows-1252 differs from ISO-8859-1 in 80–9F only (the lines
 * {@link narrowRuns} cuts apart). Reads four bytes at a time where they are ASCII. O(n).
 *
 * @example
 * sameAsLatin1(new Uint8Array([0x43, 0x41, 0x46, 0xc9]), 'windows-1252') //=> true
 */
export function sameAsLatin1(bytes: Uint8Array, encoding: Encoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  return new Words(bytes).nextIn(0, 0x80, encoding === 'windows-1252' ? 0x9f : 0xff) === bytes.length;
}

/**
 * Bytes searched for the first one in a range of non-ASCII values, read four at a time where they
 * are aligned and all ASCII (no high bit set): most bytes of a Latin ledger.
 */
class Words {
  private readonly head: number;
  private readonly words: Uint32Array;
  constructor(private readonly bytes: Uint8Array) {
    const n = bytes.length;
    this.head = (4 - (bytes.byteOffset & 3)) & 3;
    this.words = n > this.head ? new Uint32Array(bytes.buffer, bytes.byteOffset + this.head, (n - this.head) >> 2) : new Uint32Array(0);
  }

  /**
   * The index of the first byte from `from` on in [lo, hi] (lo ≥ 0x80), or the length when none is:
   * bytes one by one up to a word boundary, then whole words while they are ASCII (a tight loop of
   * its own: about a third faster over the Toronto-shaped file than testing the alignment at each
   * step), then the bytes of the word that is not. O(n).
   */
  nextIn(from: number, lo: number, hi: number): number {
    const { bytes, head, words } = this;
    const n = bytes.length;
    const m = words.length;
    let w = from;
    while (w < n) {
      // The first whole word at or after w (none: the bytes to the end), and the bytes before it.
      const j = w <= head ? 0 : (w - head + 3) >> 2;
      const start = j < m ? head + (j << 2) : n;
      for (; w < start; w++) {
        const b = bytes[w] as number;
        if (b >= lo && b <= hi) return w;
      }
      if (w >= n) break;
      let i = j;
      while (i < m && ((words[i] as number) & 0x80808080) === 0) i++;
      w = head + (i << 2);
      if (i === m) continue;
      for (const end = w + 4; w < end; w++) {
        const b = bytes[w] as number;
        if (b >= lo && b <= hi) return w;
      }
    }
    return n;
  }
}

/** Fewest bytes of narrow lines between two wide ones that {@link narrowRuns} decodes apart. */
const NARROW_RUN = 256;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * A streaming decoder that detects the encoding from the bytes it sees.
 *
 * The first bytes are checked for a byte-order mark (dropped, and deciding the encoding even over
 * a different one given: a UTF-8 BOM is not Windows-1252 text, and the warning says so) and for
 * UTF-16. Then, while only ASCII has arrived, it emits that text as is (ASCII reads the same in
 * every supported encoding but UTF-16); at the first non-ASCII byte it holds up to
 * {@link SAMPLE_BYTES} more and decides on that whole sample ({@link sniffEncoding}). So a
 * Windows-1252 file whose first `–` is 400 KB in is still read right.
 *
 * Bytes invalid in the encoding throw an {@link InputError} (`'undecodable'`) that gives the byte,
 * its offset in the input and its line, and the encoding the bytes around it look like: nothing
 * becomes U+FFFD silently.
 *
 * Memory: one chunk (and the sample while deciding). O(n).
 */
export class StreamDecoder {
  private decoder: TextDecoder | undefined;
  private chosen: Encoding | undefined;
  private why: string | undefined;
  private readonly notes: string[] = [];
  private readonly declared: Encoding | undefined;
  /** Bytes received but not decoded yet: the start (BOM check), the sample, or a character cut by a chunk. */
  private held: Uint8Array = new Uint8Array(0);
  private phase: 'start' | 'ascii' | 'sample' | 'decoding' = 'start';
  /** Offset in the input of `held[0]`. */
  private offset = 0;
  /** Line feeds in the text made by the current call and not returned yet (an error stops it). */
  private unsent = 0;
  /** Line breaks in the text this decoder returned before, as its reader counts them. */
  private readonly linesBefore: () => number;
  private readonly ascii = new TextDecoder('windows-1252');
  private readonly latin1: Latin1 | undefined;

  /**
   * @param linesBefore the line breaks in the text returned so far, for the line of an error (a
   *   reader counts them anyway, so decoding does not). @defaultValue the decoder counts none:
   *   right when all the bytes come in one chunk
   * @param latin1 a fast ISO-8859-1 decoder, used for the bytes it reads the same as the encoding
   *   (see {@link sameAsLatin1}). @defaultValue none: `TextDecoder` decodes everything
   */
  constructor(encoding: Encoding | 'auto' = 'auto', linesBefore: () => number = () => 0, latin1?: Latin1) {
    this.declared = encoding === 'auto' ? undefined : encoding;
    this.linesBefore = linesBefore;
    this.latin1 = latin1;
  }

  /** The encoding in use, once known (`undefined` while only ASCII has been seen). */
  get encoding(): Encoding | undefined {
    return this.chosen;
  }

  /** Why that encoding (`'declared'`, a BOM, the sample's census …). */
  get evidence(): string | undefined {
    return this.why;
  }

  /** Things a reader should know: a byte-order mark that overrode the encoding given. */
  get warnings(): readonly string[] {
    return this.notes;
  }

  /**
   * A decoder for the bytes of a file from `offset` on, in the state one that read the bytes before
   * was left in: decoding `encoding` (for `why`), or, while only ASCII was seen (`encoding`
   * undefined), still looking for the first non-ASCII byte. For a reader of a later range of a
   * file, cut after a line feed (no character is cut there in UTF-8 or Windows-1252).
   */
  static resume(encoding: Encoding | undefined, why: string | undefined, offset: number, linesBefore: () => number, latin1?: Latin1): StreamDecoder {
    const d = new StreamDecoder(encoding ?? 'auto', linesBefore, latin1);
    d.offset = offset;
    if (encoding === undefined) d.phase = 'ascii';
    else d.lock(encoding, why ?? 'declared');
    return d;
  }

  /** Whether every byte so far was ASCII (no encoding decided by the bytes or given). */
  get asciiOnly(): boolean {
    return this.phase === 'ascii' || this.phase === 'start';
  }

  /** Whether no byte is held back (a character cut at the end of the bytes pushed, or a sample being gathered). */
  get idle(): boolean {
    return this.held.length === 0;
  }

  /** Whether bytes are decoded as they come (the encoding is decided and no byte is held back for it). */
  get decoding(): boolean {
    return this.phase === 'decoding';
  }

  /** Bytes decoded into the text returned so far (a byte-order mark counted; bytes held back not). */
  get decodedBytes(): number {
    return this.offset;
  }

  /** Bytes received so far. */
  get bytes(): number {
    return this.offset + this.held.length;
  }

  /**
   * Decodes the next chunk of bytes. `latin1` says that the caller knows them to read the same as
   * ISO-8859-1 (see {@link sameAsLatin1}): the fast decoder, when given, then takes them unchecked.
   */
  push(chunk: Uint8Array, latin1 = false): string {
    return this.take(chunk, false, latin1);
  }

  /** Flushes what is left; throws when the input ended inside a character. */
  end(): string {
    const text = this.take(new Uint8Array(0), true);
    if (this.chosen === undefined) {
      this.chosen = 'utf-8';
      this.why ??= 'only ASCII bytes';
    }
    return text;
  }

  private take(chunk: Uint8Array, final: boolean, latin1 = false): string {
    this.unsent = 0;
    let bytes = this.held.length ? concat(this.held, chunk) : chunk;
    this.held = new Uint8Array(0);
    let out = '';
    if (this.phase === 'start') {
      if (bytes.length < 4096 && !final) {
        // Held as a copy when they are the chunk's: a reader may read its next chunk into the same bytes.
        this.held = bytes.buffer === chunk.buffer ? bytes.slice() : bytes;
        return '';
      }
      this.phase = 'ascii';
      const bom = bomOf(bytes);
      if (bom) {
        if (this.declared !== undefined && this.declared !== bom.encoding) {
          this.notes.push(`the input starts with a ${bom.encoding.toUpperCase()} byte-order mark, so it was read as ${bom.encoding}, not as the ${this.declared} given`);
        }
        this.lock(bom.encoding, `byte-order mark ${hex(bytes.subarray(0, bom.length))}`);
        bytes = bytes.subarray(bom.length);
        this.offset += bom.length;
      } else if (this.declared !== undefined) this.lock(this.declared, 'declared');
      else {
        const wide = utf16Of(bytes);
        if (wide) this.lock(wide, `zero bytes at ${wide === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 without a byte-order mark)`);
      }
    }
    if (this.phase === 'ascii') {
      let high = 0;
      while (high < bytes.length && (bytes[high] as number) < 0x80) high++;
      if (high > 0) {
        out = this.latin1 ? this.latin1(bytes.subarray(0, high)) : this.ascii.decode(bytes.subarray(0, high));
        if (this.phase === 'ascii' && high < bytes.length) this.unsent = countLines(bytes, 0, high, undefined);
        this.offset += high;
        bytes = bytes.subarray(high);
      }
      if (bytes.length === 0) return out;
      this.phase = 'sample';
    }
    if (this.phase === 'sample') {
      if (bytes.length < SAMPLE_BYTES && !final) {
        this.held = bytes.buffer === chunk.buffer ? bytes.slice() : bytes;
        return out;
      }
      const guess = sniffEncoding(bytes.subarray(0, SAMPLE_BYTES));
      this.lock(guess.encoding, `${guess.evidence} from byte ${this.offset.toLocaleString('en')}, the first non-ASCII one`);
    }
    return out + this.decode(bytes, final, latin1 && bytes === chunk);
  }

  private lock(encoding: Encoding, why: string): void {
    this.chosen = encoding;
    this.why = why;
    // ignoreBOM keeps a U+FEFF that starts a later chunk; Windows-1252 has no BOM, and Node's
    // decoder drops FF FE there when asked to ignore one.
    this.decoder = new TextDecoder(encoding, encoding === 'windows-1252' ? { fatal: true } : { fatal: true, ignoreBOM: true });
    this.phase = 'decoding';
  }

  /** Decodes whole characters of `bytes`, holding a character cut at the end for the next chunk. */
  private decode(bytes: Uint8Array, final: boolean, latin1: boolean): string {
    const encoding = this.chosen as Encoding;
    const end = final ? bytes.length : safeEnd(bytes, encoding);
    const whole = bytes.subarray(0, end);
    let text: string;
    if (this.latin1 && (latin1 || sameAsLatin1(whole, encoding))) text = this.latin1(whole);
    else try {
      // Windows-1252 is decoded in stream mode, which keeps no state for a one-byte encoding: Node
      // 20.18.3 and later decode it as ISO-8859-1 otherwise (C1 controls for 80–9F, nodejs/node#60888).
      text = (this.decoder as TextDecoder).decode(whole, encoding === 'windows-1252' ? { stream: true } : undefined);
    } catch {
      throw this.undecodable(whole, final);
    }
    if (!final) this.held = end === bytes.length ? new Uint8Array(0) : bytes.slice(end);
    this.offset += end;
    return text;
  }

  /**
   * The error for `bytes` that do not decode: at the first invalid byte, naming the encoding the
   * bytes around it look like; or, when the input ended (`final`) inside its last character and no
   * byte before is invalid, saying that it looks truncated (no encoding would read it better,
   * unless nothing but ASCII came before: then that one too).
   */
  private undecodable(bytes: Uint8Array, final: boolean): InputError {
    const encoding = this.chosen as Encoding;
    const cut = final && firstInvalid(bytes, encoding, false) < 0;
    let at = firstInvalid(bytes, encoding, true);
    if (at < 0) at = 0;
    const where = `at offset ${(this.offset + at).toLocaleString('en')} (line ${(this.linesBefore() + this.unsent + countLines(bytes, 0, at, encoding) + 1).toLocaleString('en')})`;
    const detected = this.why === 'declared' ? '' : ` (detected: ${this.why})`;
    const around = sniffEncoding(bytes.subarray(Math.max(0, at - 256), at + SAMPLE_BYTES));
    const fix = around.encoding !== encoding ? around.encoding : encoding === 'utf-8' ? 'windows-1252' : 'utf-8';
    const give = `give the encoding ${fix} (option encoding; the command: --encoding ${fix})`;
    if (!cut) return new InputError('undecodable', `byte 0x${hex(bytes.subarray(at, at + 1))} ${where} is not valid ${encoding}${detected}; the bytes there look like ${fix}: ${give}`);
    const tail = bytes.subarray(at);
    const last = tail.length === 1 ? `its last byte, 0x${hex(tail)},` : `its last ${tail.length} bytes, 0x${hex(tail).replace(/ /gu, ' 0x')},`;
    // Only ASCII before the cut: a lone byte of another encoding (é in Windows-1252) reads the same.
    const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
    const asciiBefore = !wide && (this.why === 'declared' || this.why?.startsWith('only ASCII bytes') === true) && !bytes.subarray(0, at).some((b) => b >= 0x80);
    return new InputError(
      'undecodable',
      `the input ends inside a character: ${last} ${where}, start${tail.length === 1 ? 's' : ''} a ${encoding} character that never ends${detected}; the file looks truncated (cut short in a copy or a download?)${asciiBefore ? `, or it is not ${encoding}: ${give}` : ''}`,
    );
  }
}

/** What {@link decodeText} returns. */
export interface DecodedText {
  readonly text: string;
  /** The encoding used (UTF-8 when the bytes were pure ASCII). */
  readonly encoding: Encoding;
}

/**
 * Decodes a whole file's bytes, detecting the encoding unless one is given. A byte-order mark is
 * removed.
 *
 * @throws InputError `'undecodable'` when the bytes are not valid in the chosen encoding.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) //=> { text: 'a', encoding: 'utf-8' }
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding | 'auto' = 'auto'): DecodedText {
  if (!(bytes instanceof Uint8Array)) badDocument('decodeText', 'bytes', 'bytes (a Uint8Array)', bytes);
  const d = new StreamDecoder(encoding);
  const text = d.push(bytes) + d.end();
  return { text, encoding: d.encoding ?? 'utf-8' };
}

/** Removes a leading U+FEFF (text given as a string may still carry the byte-order mark). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
