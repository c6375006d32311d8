import { normalizeText } from '../records/normalize.js';
import { badArgument } from '../_lib/args.js';

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Runs of letters and digits (a CJK run is split further into characters and pairs). */
const WORD_RUN = /[\p{L}\p{N}]+/gu;
/** Text that is all ASCII: the common case, read by {@link asciiTokens}. */
const ASCII = /^[\x00-\x7f]*$/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Dates, months and plain numbers ("2014年6月", "(11月)", "第2期", "2019") say when, not what. */
const DATES_AND_NUMBERS = /第?\d+\s*[年月日号期次批]|\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th)?/gu;

/** Chinese ledger boilerplate, cut out before bigrams are formed (so "服务采购" leaves no "务采"). */
const CJK_BOILERPLATE = /采购|购买|购置|服务(?![器站台])|项目|费用|一批|第[一二三四五六七八九十]+批|[一二三四五六七八九十]期|补充/gu;

/**
 * Words too common in procurement subjects to say anything about the subject: function words, and
 * the boilerplate of ledgers ("purchase of", "supply of", "services", "batch", 采购, 服务, 项目).
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'or', 'per',
  'purchase', 'purchases', 'purchasing', 'procurement', 'supply', 'provision', 'order', 'service',
  'services', 'batch', 'phase', 'lot', 'part', 'misc', 'various', 'other', 'others', 'new', 'project',
  'de', 'del', 'la', 'le', 'les', 'des', 'du', 'et', 'el', 'los', 'y', 'da', 'do', 'dos', 'das', 'e',
  'und', 'der', 'die', 'das', 'für', 'von', 'mit',
  'и', 'в', 'на', 'для', 'з', 'та', 'до',
]);

/**
 * Splits a subject text into the tokens similarity is measured on: words of two or more characters
 * for space-separated scripts (stop words dropped); for Chinese, Japanese and Korean runs, which
 * have no spaces, each character and each overlapping pair of characters (the pairs keep words such
 * as 标牌 whole, the characters let 标牌 and 展示牌 share 牌). Text is normalised first
 * (NFKC, lower case), and numbers and dates are dropped ("安保服务（6月）" and "安保服务（7月）" are
 * the same subject). Returns distinct tokens in first-seen order.
 *
 * Runs in O(length of text).
 *
 * @example
 * subjectTokens('Office chairs for the 3rd floor, 2014') //=> ['office', 'chairs', 'floor']
 * subjectTokens('指示标牌采购（一期）') //=> ['指', '指示', '示', '示标', '标', '标牌', '牌']
 */
export function subjectTokens(text: string): string[] {
  if (typeof text !== 'string') badArgument('subjectTokens', 'text', 'a string', text);
  if (isAscii(text)) return asciiTokens(text);
  const out = new Set<string>();
  const cleaned = normalizeText(text).replace(DATES_AND_NUMBERS, ' ').replace(CJK_BOILERPLATE, ' ');
  for (const run of cleaned.match(WORD_RUN) ?? []) {
    if (!CJK.test(run)) {
      if (run.length >= 2 && !STOPWORDS.has(run)) out.add(run);
      continue;
    }
    // A mixed run such as "led显示屏": latin parts are words, CJK parts characters and bigrams.
    let last = 0;
    for (const m of run.matchAll(CJK_RUN)) {
      const before = run.slice(last, m.index);
      if (before.length >= 2) out.add(before);
      const chars = [...m[0]];
      for (let i = 0; i < chars.length; i++) {
        out.add(chars[i] as string);
        if (i + 1 < chars.length) out.add((chars[i] as string) + (chars[i + 1] as string));
      }
      last = (m.index ?? 0) + m[0].length;
    }
    const after = run.slice(last);
    if (after.length >= 2) out.add(after);
  }
  return [...out];
}

/** Whether `text` is all ASCII, the common case, which {@link asciiWords} reads. */
export const isAscii = (text: string): boolean => ASCII.test(text);

/**
 * {@link subjectTokens} of ASCII text (stop words and repeats kept): calls `word(from, to)` for each
 * token, the span [from, to) of `text` in lower case. One pass without regular expressions or
 * strings (NFKC leaves ASCII as it is, and no ASCII is CJK): runs of letters, every number dropped
 * with its ordinal suffix as DATES_AND_NUMBERS drops it (the separators it also takes, as in
 * "2014-11", are no words anyway).
 */
export function asciiWords(text: string, word: (from: number, to: number) => void): void {
  let start = -1;
  let i = 0;
  while (i <= text.length) {
    const c = i < text.length ? lower(text.charCodeAt(i)) : 32;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      i++;
      continue;
    }
    if (start >= 0 && i - start >= 2) word(start, i);
    start = -1;
    i++;
    if (isDigit(c)) {
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      if (i + 2 <= text.length && isOrdinal(lower(text.charCodeAt(i)), lower(text.charCodeAt(i + 1)))) i += 2;
    }
  }
}

/** `c` with A–Z in lower case. */
export const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Whether two lower-case characters are an English ordinal suffix: st, nd, rd, th. */
const isOrdinal = (a: number, b: number): boolean =>
  (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);

/** {@link subjectTokens} of ASCII text: {@link asciiWords}, stop words and repeats dropped. */
function asciiTokens(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  let seen: Set<string> | undefined;
  asciiWords(s, (from, to) => {
    seen = addWord(out, s.slice(from, to), seen);
  });
  return out;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Distinct tokens are found by scanning the list up to this many, by a set beyond. */
const SCAN_LIMIT = 16;

/**
 * Adds a word to a subject's tokens unless it is a stop word or already there: a scan of the few
 * tokens of a subject, a set's lookup past {@link SCAN_LIMIT} (so long texts stay linear).
 */
function addWord(out: string[], w: string, seen: Set<string> | undefined): Set<string> | undefined {
  if (STOPWORDS.has(w)) return seen;
  if (seen === undefined) {
    for (let j = 0; j < out.length; j++) if (out[j] === w) return seen;
    out.push(w);
    return out.length > SCAN_LIMIT ? new Set(out) : undefined;
  }
  if (!seen.has(w)) {
    seen.add(w);
    out.push(w);
  }
  return seen;
}
