/**
 * Normalised keys for comparing names and codes. Every key starts from Unicode NFKC (full-width
 * `ＡＢＣ１２３` → `ABC123`), case folding and collapsed whitespace.
 */
import { badArgument } from '../_lib/args.js';

/**
 * Characters that are invisible and have no effect on how a name reads: zero-width spaces and
 * joiners, the soft hyphen, the byte-order mark, bidi controls, variation selectors, fillers (the
 * Unicode property Default_Ignorable_Code_Point).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}+/gu;

/** A character that is neither whitespace nor invisible. */
const VISIBLE = /[^\s\p{Default_Ignorable_Code_Point}]/u;

/**
 * True when `s` has no visible character: only whitespace and invisible characters (zero-width
 * spaces, soft hyphens, bidi controls …). Such a name is empty. Runs in O(|s|), O(1) for text
 * starting with a printable ASCII or Latin letter or a CJK character.
 *
 * @example
 * isBlank(' \u200B\u00AD ') //=> true
 * isBlank('Acme')           //=> false
 */
export function isBlank(s: string): boolean {
  // Fast paths: text starting with printable ASCII, Latin letters, or CJK and Hangul syllables.
  const c = s.charCodeAt(0);
  if ((c > 32 && c < 127) || (c > 0xa0 && c < 0x300 && c !== 0xad) || (c >= 0x3400 && c < 0xd800)) return false;
  return !VISIBLE.test(s);
}

/**
 * NFKC, invisible characters removed (see {@link isBlank}), lower case, whitespace collapsed and
 * trimmed.
 *
 * @example
 * normalizeText('  Ｏｆｆｉｃｅ   Chairs ') //=> 'office chairs'
 * normalizeText('City\u200BHall')       //=> 'cityhall'
 */
export function normalizeText(s: string): string {
  if (typeof s !== 'string') badArgument('normalizeText', 'text', 'a string', s);
  // Invisible characters go first, so that they cannot keep a letter from composing with its accent
  // (no character NFKC maps to an invisible one is visible itself).
  return s.replace(INVISIBLE, '').normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Legal-form words dropped from the end of vendor names (after punctuation is removed), so that
 * "Acme Ltd", "ACME LIMITED" and "Acme Co., Ltd." share a key.
 */
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co',
  'company', 'gmbh', 'mbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'pty', 'pte',
  'oy', 'ab', 'as', 'aps', 'kft', 'zrt', 'sp', 'zoo', 'ltda', 'eireli', 'me', 'tov', 'ооо', 'тов',
]);

/** Chinese legal-form endings, longest first. */
const CN_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '公司'];

/**
 * The key vendors are compared by: {@link normalizeText}, punctuation and symbols removed, legal-form
 * suffixes (English, European, Chinese) stripped from the end. A name that is nothing but a legal
 * form keeps it; one that is nothing but punctuation, symbols and invisible characters has the empty
 * key (validation rejects such a vendor: it names no one).
 *
 * @example
 * vendorKey('Acme Co., Ltd.')           //=> 'acme'
 * vendorKey('杭州某某广告有限公司')       //=> '杭州某某广告'
 */
export function vendorKey(name: string): string {
  if (typeof name !== 'string') badArgument('vendorKey', 'name', 'a string', name);
  const base = normalizeText(name).replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  let key = base;
  // Strip one legal form at a time from the end, English word or Chinese ending, until none is left
  // or only a legal form remains.
  for (;;) {
    if (isLegalForm(key)) break;
    const words = key.split(' ');
    const last = words[words.length - 1] as string;
    let rest: string | undefined;
    if (words.length > 1 && LEGAL_FORMS.has(last)) rest = words.slice(0, -1).join(' ');
    else {
      const form = CN_LEGAL_FORMS.find((f) => key.endsWith(f) && key.length > f.length);
      if (form) rest = key.slice(0, -form.length).trim();
    }
    if (!rest) break;
    key = rest;
  }
  return key || base;
}

const HAN = /\p{Script=Han}/u;

/**
 * Words that qualify a trade without naming one ("IT Solutions", "Network Services"; 保安服务,
 * 机电工程, 信息技术): taken off the end of a name before its trade is read, and no trade alone.
 */
const GENERIC_TRADE_WORDS = new Set([
  'services', 'service', 'solutions', 'solution', 'group', 'holdings', 'international', 'enterprises', 'enterprise',
  'trading', 'partners', 'associates', 'industries', 'industry', 'global', 'business', 'company', 'and', 'the', 'of',
]);
const GENERIC_TRADE_ZH = ['服务', '科技', '技术', '管理', '中心', '发展', '实业', '贸易', '商贸', '集团', '工程', '国际', '控股', '投资', '产业', '事务所'];

/**
 * The trade a vendor's name states, from its {@link vendorKey}: what is left once the vendor's own
 * name is taken off. Company names are built as [place] + own name + trade + legal form — China's
 * rules for enterprise names prescribe that order (行政区划 + 字号 + 行业 + 组织形式), and English
 * names mostly follow it ("Keystone Interiors Ltd"). Words that only qualify a trade come off the end
 * first (services, solutions, group; 服务, 科技, 技术, 工程, 管理, 事务所 …). The trade of a
 * Chinese name is then its last two characters, when at least two more precede them (the own
 * name); of any other name, its words after the first. `undefined` when the name states none. A
 * heuristic: detection lets a trade link records only while it is specific to the buyer (see
 * `SubjectRule.maxProjectCategories`).
 *
 * @example
 * vendorTrade(vendorKey('Keystone Interiors Ltd'))     //=> 'interiors'
 * vendorTrade(vendorKey('Apex IT Solutions, Inc.'))    //=> 'it'
 * vendorTrade(vendorKey('上海远航标识股份有限公司'))     //=> '标识'
 * vendorTrade(vendorKey('杭州卫安保安服务有限公司'))     //=> '保安'
 * vendorTrade(vendorKey('Acme Ltd'))                   //=> undefined
 */
export function vendorTrade(key: string): string | undefined {
  if (typeof key !== 'string') badArgument('vendorTrade', 'key', 'a string', key);
  if (isLegalForm(key)) return undefined;
  if (HAN.test(key)) {
    let name = key.replace(/\s+/gu, '');
    for (let cut = true; cut; ) {
      cut = false;
      for (const w of GENERIC_TRADE_ZH) {
        if (name.endsWith(w) && name.length > w.length) {
          name = name.slice(0, -w.length);
          cut = true;
        }
      }
    }
    const chars = [...name];
    return chars.length >= 4 ? chars.slice(-2).join('') : undefined;
  }
  const words = key.split(' ').filter((w) => w !== '');
  while (words.length > 1 && GENERIC_TRADE_WORDS.has(words[words.length - 1] as string)) words.pop();
  const trade = words.slice(1).filter((w) => !GENERIC_TRADE_WORDS.has(w));
  return trade.length > 0 ? trade.join(' ') : undefined;
}

/** True when a key is nothing but legal forms ("limited", "有限公司"). */
function isLegalForm(key: string): boolean {
  return CN_LEGAL_FORMS.includes(key) || key.split(' ').every((w) => LEGAL_FORMS.has(w));
}

/**
 * Category codes compare upper-cased, without spaces, dots, dashes, underscores or invisible
 * characters, so `'45233130-9'` and `'4523 3130 9'` are one code and `'4523'` is its parent.
 *
 * @example
 * categoryKey('a02.01.01') //=> 'A020101'
 */
export function categoryKey(code: string): string {
  if (typeof code !== 'string') badArgument('categoryKey', 'code', 'a string', code);
  return code.replace(INVISIBLE, '').normalize('NFKC').toUpperCase().replace(/[\s._\-]/gu, '');
}
