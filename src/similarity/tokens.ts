import { normalizeText } from '../records/normalize.js';

/** Han, Hiragana, Katakana and Hangul: scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Runs of letters and digits (a CJK run is split further into bigrams). */
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Dates, months and plain numbers ("2014年6月", "(11月)", "第2期", "2019") say when, not what. */
const DATES_AND_NUMBERS = /第?\d+\s*[年月日号期次批]|\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th)?/gu;

/** Chinese ledger boilerplate, cut out before bigrams are formed (so "服务采购" leaves no "务采"). */
const CJK_BOILERPLATE = /采购|购买|购置|服务(?![器站台])|项目|费用|一批|第[一二三四五六七八九十]+批|[一二三四五六七八九十]期|补充/gu;

/**
 * Words too common in procurement subjects to say anything about the subject: function words, and
 * the boilerplate of ledgers ("purchase of", "supply of", "services", "batch", 采购, 服务, 项目).
 */
const STOPWORDS = new Set([
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
