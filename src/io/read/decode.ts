/**
 * Bytes → text for ledger files: UTF-8 (with or without BOM), UTF-16 LE/BE, Windows-1252 and
 * GB18030 (a superset of GBK, what Chinese Excel writes), detected or forced. Platform-neutral: it
 * uses only `TextDecoder`.
 */
import { InputError } from '../../errors.js';

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

/**
 * Guesses the encoding of the start of a file.
 *
 * 1. A byte-order mark decides (EF BB BF, FF FE, FE FF).
 * 2. Many zero bytes at odd (even) positions mean UTF-16 LE (BE) without a BOM.
 * 3. Bytes that are valid UTF-8 are UTF-8 (pure ASCII included).
 * 4. Otherwise high bytes that come in GBK lead/trail pairs mean GB18030; isolated high bytes
 *    (`é`, the 0x96 dash) mean Windows-1252.
 *
 * Runs in O(n) over the sample.
 *
 * @example
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) //=> 'utf-8'
 * detectEncoding(new Uint8Array([0xb2, 0xc9, 0xb9, 0xba])) //=> 'gb18030' (采购)
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  const b0 = sample[0];
  const b1 = sample[1];
  if (b0 === 0xef && b1 === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const n = Math.min(sample.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  if (n >= 2 && zeroOdd > n / 8 && zeroOdd > 4 * zeroEven) return 'utf-16le';
  if (n >= 2 && zeroEven > n / 8 && zeroEven > 4 * zeroOdd) return 'utf-16be';
  if (isUtf8(sample)) return 'utf-8';
  return looksLikeGb(sample) ? 'gb18030' : 'windows-1252';
}

/** True when the bytes are valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** High bytes mostly in GBK double-byte pairs (lead 81–FE, trail 40–FE except 7F). */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    if (b >= 0x81 && b <= 0xfe && t !== undefined && t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      pairs++;
      i++;
    } else if (t === undefined) {
      // cut at the end of the sample: no evidence either way
    } else {
      singles++;
    }
  }
  return pairs > 0 && singles * 10 <= pairs;
}

/**
 * A streaming decoder that detects the encoding from the bytes it sees.
 *
 * While only ASCII has arrived, it emits that text as is (ASCII reads the same in every supported
 * encoding but UTF-16, which a BOM or zero bytes reveal at the start); the first chunk with a high
 * byte fixes the encoding. So a Windows-1252 file whose first `–` is 400 KB in is still read right.
 * Undecodable bytes in a file read as UTF-8 throw an {@link InputError} (`'undecodable'`), never
 * become U+FFFD silently.
 */
export class StreamDecoder {
  private decoder: TextDecoder | undefined;
  private chosen: Encoding | undefined;
  private started = false;
  private offset = 0;

  constructor(encoding: Encoding | 'auto' = 'auto') {
    if (encoding !== 'auto') this.lock(encoding);
  }

  /** The encoding in use, once known (`undefined` while only ASCII has been seen). */
  get encoding(): Encoding | undefined {
    return this.chosen;
  }

  /** Decodes the next chunk of bytes. */
  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (!this.started && bytes.length > 0) {
      this.started = true;
      if (this.chosen === undefined) {
        const guess = detectEncoding(bytes);
        const hasBom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
        if (guess.startsWith('utf-16') || (guess === 'utf-8' && hasBom && bytes[1] === 0xbb)) this.lock(guess);
      }
    }
    if (this.decoder === undefined) {
      const high = bytes.findIndex((b) => b >= 0x80);
      if (high < 0) {
        this.offset += bytes.length;
        return asciiText(bytes);
      }
      const head = asciiText(bytes.subarray(0, high));
      this.offset += high;
      bytes = bytes.subarray(high);
      this.lock(detectEncoding(bytes));
      return head + this.run(bytes, true);
    }
    return this.run(bytes, true);
  }

  /** Flushes what is left; throws when the input ended inside a character. */
  end(): string {
    if (this.decoder === undefined) return '';
    return this.run(new Uint8Array(0), false);
  }

  private lock(encoding: Encoding): void {
    this.chosen = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  private run(bytes: Uint8Array, stream: boolean): string {
    try {
      const text = (this.decoder as TextDecoder).decode(bytes, { stream });
      this.offset += bytes.length;
      return text;
    } catch {
      throw new InputError(
        'undecodable',
        `the input is not valid ${this.chosen ?? 'text'} (near byte ${this.offset}); pass the encoding (utf-8, utf-16le, windows-1252, gb18030)`,
      );
    }
  }
}

function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

/** What {@link decodeText} returns. */
export interface DecodedText {
  readonly text: string;
  /** The encoding used (UTF-8 when the bytes were pure ASCII). */
  readonly encoding: Encoding;
}

/**
 * Decodes a whole file's bytes, detecting the encoding unless one is given. A byte-order mark is
 * removed (the UTF-8 and UTF-16 decoders drop it).
 *
 * @throws InputError `'undecodable'` when the bytes are not valid in the chosen encoding.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) //=> { text: 'a', encoding: 'utf-8' }
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding | 'auto' = 'auto'): DecodedText {
  const d = new StreamDecoder(encoding);
  const text = d.push(bytes) + d.end();
  return { text, encoding: d.encoding ?? 'utf-8' };
}

/** Removes a leading U+FEFF (text given as a string may still carry the byte-order mark). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
