/**
 * Text from a ledger made safe for the sink it is written to: a terminal (no control sequence
 * reaches it) or Markdown (no markup, HTML, link or image comes from data).
 */

/**
 * Characters a terminal may act on, or that reorder what is shown: C0 controls (ESC, BEL,
 * backspace, CR …, and here also tab and line feed), DEL, C1 controls (U+0080–U+009F, incl. the
 * one-byte CSI U+009B), the line and paragraph separators, and the bidirectional formatting
 * characters (LRM, RLM, ALM, embeddings, overrides and isolates: "Trojan source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Shows each character a terminal could act on as an escape in plain text (`\x1b`, `\r`,
 * `\u202e`), so an ESC, an OSC 8 hyperlink or OSC 52 clipboard write, a BEL, a one-byte CSI, a
 * backspace, a lone CR or a bidi override in a vendor name is printed, never executed. Other text
 * is unchanged. Runs in O(length).
 *
 * @example
 * terminalText('ACME\u001b]8;;http://x\u0007') //=> 'ACME\\x1b]8;;http://x\\x07'
 * terminalText('Café 杭州')                    //=> 'Café 杭州'
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * {@link terminalText} for a message of several lines: each line is made safe, the line breaks
 * between them are kept.
 */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}

/**
 * ASCII punctuation a Markdown renderer may read as markup: emphasis, code, links and images,
 * raw HTML and entities, tables, headings, lists, block quotes, strikethrough, math, and the
 * `.`, `:` and `@` of bare URLs, domains and e-mail addresses that renderers turn into links.
 * Only `,` `;` `'` `"` `/` `?` `%` are left as they are.
 */
const MARKDOWN_PUNCTUATION = /[!#$&()*+\-.:<=>@[\\\]^_`{|}~]/gu;

/**
 * Text for a Markdown document (a paragraph, heading, quote or table cell): characters a terminal
 * or renderer could act on are shown as escapes ({@link terminalText}), and every Markdown-active
 * ASCII punctuation character is backslash-escaped (CommonMark §2.4), so the text renders as
 * itself: no element, attribute or link of the rendered page comes from it. Runs in O(length).
 *
 * @example
 * markdownText('<img src=x onerror=alert(1)> | [a](http://x)') //=> '\\<img src\\=x onerror\\=alert\\(1\\)\\> \\| \\[a\\]\\(http\\://x\\)'
 */
export function markdownText(text: string): string {
  return terminalText(text).replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);
}

/** What JSON.stringify leaves raw that a terminal or an editor may act on: DEL, C1, separators, bidi controls. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * JSON text with the characters `JSON.stringify` leaves raw but a terminal or an editor acts on
 * (DEL, C1 controls such as the one-byte CSI, line separators, bidi controls) written as `\u`
 * escapes: the same JSON value, safe to print. Runs in O(length).
 *
 * @example
 * safeJson({ vendor: 'a\u202eb' }) //=> '{"vendor":"a\\u202eb"}'
 */
export function safeJson(value: unknown, indent?: number): string {
  return unsafeEscaped(JSON.stringify(value, null, indent));
}

/** JSON text with the {@link JSON_UNSAFE} characters as `\\u` escapes. */
const unsafeEscaped = (json: string): string => json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Whether `JSON.stringify` writes an object's property holding `v` (it drops undefined, functions and symbols). */
const writable = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? JSON.stringify(v) !== undefined : v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

/** Most elements of an array written in one piece by {@link safeJsonPieces}. */
const BATCH = 128;

/**
 * Characters a piece of an array written by {@link safeJsonPieces} aims at: its batches hold as
 * many elements as keep them about this long (at most {@link BATCH}). A string of more than
 * 64 Ki characters (128 KiB in two bytes a character) is a large object in V8, placed in memory of
 * its own, touched for the first time, and given back once dead; on the Toronto-shaped bench
 * file's 45 MB report, batches of 128 findings (about 800,000 characters each) and the megabyte
 * chunks they were joined into for stdout took about one minor page fault in eight of the whole
 * CLI's (perf record -e minor-faults).
 */
const PIECE = 1 << 14;

/**
 * {@link safeJson} of `value` with a 2-space indent, in pieces that join to exactly that text:
 * objects and arrays down to `depth` levels are opened here, each deeper value is one piece, and
 * an array of the last level opened is written in batches of elements (at most {@link BATCH}, about {@link PIECE} characters). A large report is
 * written piece by piece instead of as one string (less memory, no single huge UTF-8 encoding). A
 * value with a `toJSON` method is left to `JSON.stringify` whole. Runs in O(length).
 *
 * @example
 * [...safeJsonPieces({ a: [1, { b: 2 }] }, 2)].join('') === safeJson({ a: [1, { b: 2 }] }, 2) //=> true
 */
export function* safeJsonPieces(value: unknown, depth: number, gap = ''): Generator<string> {
  const opened = depth > 0 && typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!opened) {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // Inside an array, what JSON.stringify cannot write (undefined, a function) is `null`.
    yield text === undefined ? 'null' : unsafeEscaped(text).replaceAll('\n', `\n${gap}`);
    return;
  }
  if (depth === 1 && Array.isArray(value) && value.length > 0 && INDENT.test(gap)) {
    yield* arrayInBatches(value, gap);
    return;
  }
  const inner = `${gap}  `;
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? Array.from(value as unknown[], (v): [undefined, unknown] => [undefined, v])
    : Object.entries(value).filter(([, v]) => writable(v)).map(([k, v]): [string, unknown] => [k, v]);
  const [first, last] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    yield `${first}${last}`;
    return;
  }
  yield first;
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i === 0 ? '' : ','}\n${inner}${key === undefined ? '' : `${safeJson(key)}: `}`;
    yield* safeJsonPieces(v, depth - 1, inner);
  }
  yield `\n${gap}${last}`;
}

/** An indent {@link safeJsonPieces} makes: two spaces per level. */
const INDENT = /^(?: {2})*$/u;

/**
 * A non-empty array at indent `gap`, as {@link safeJsonPieces} writes it with each element a leaf,
 * {@link BATCH} elements a piece at most, fewer when they are long (see {@link PIECE}). Each batch is nested in as many one-element arrays as `gap` has
 * levels, so `JSON.stringify` itself indents its elements as deep as they stand in the report
 * (re-indenting the text afterwards costs more than writing it), and the batch's elements are
 * cut out of that text: the wrappers' brackets and line breaks are all that is around them. The
 * batch's text goes as a piece of its own, after the comma and indent before it: joined to them it
 * would be a string of two parts, copied whole again before it is encoded (on the Toronto-shaped
 * bench file's 47 MB report, written 4 times in one process, 3 alternating runs: 232-243 ms of CPU
 * and 720 minor faults a write, against 251-255 ms and 1,175).
 */
function* arrayInBatches(array: readonly unknown[], gap: string): Generator<string> {
  const levels = gap.length / 2;
  let wrapped = '';
  let end = '';
  for (let i = 0; i <= levels; i++) {
    wrapped += `[\n${'  '.repeat(i + 1)}`;
    end = `\n${'  '.repeat(i)}]${end}`;
  }
  yield '[';
  let count = BATCH;
  for (let from = 0; from < array.length; ) {
    const batch = array.slice(from, from + count);
    let nest: unknown = batch;
    for (let i = 0; i < levels; i++) nest = [nest];
    const text = unsafeEscaped(JSON.stringify(nest, null, 2));
    yield `${from === 0 ? '' : ','}\n${gap}  `;
    yield text.slice(wrapped.length, text.length - end.length);
    from += batch.length;
    // The next batch as long as this one's elements, on average, make about PIECE characters.
    count = Math.max(1, Math.min(BATCH, Math.floor((batch.length * PIECE) / text.length)));
  }
  yield `\n${gap}]`;
}
