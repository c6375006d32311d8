/**
 * Normalised keys for comparing names and codes. Every key starts from Unicode NFKC (full-width
 * `ＡＢＣ１２３` → `ABC123`), case folding and collapsed whitespace.
 */

/**
 * NFKC, lower case, whitespace collapsed and trimmed.
 *
 * @example
 * normalizeText('  Ｏｆｆｉｃｅ   Chairs ') //=> 'office chairs'
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
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
 * The key vendors are compared by: {@link normalizeText}, punctuation removed, legal-form suffixes
 * (English, European, Chinese) stripped from the end. A name that is nothing but a legal form keeps it.
 *
 * @example
 * vendorKey('Acme Co., Ltd.')           //=> 'acme'
 * vendorKey('杭州某某广告有限公司')       //=> '杭州某某广告'
 */
export function vendorKey(name: string): string {
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

/** True when a key is nothing but legal forms ("limited", "有限公司"). */
function isLegalForm(key: string): boolean {
  return CN_LEGAL_FORMS.includes(key) || key.split(' ').every((w) => LEGAL_FORMS.has(w));
}

/**
 * Category codes compare upper-cased, without spaces, dots, dashes or underscores, so
 * `'45233130-9'` and `'4523 3130 9'` are one code and `'4523'` is its parent.
 *
 * @example
 * categoryKey('a02.01.01') //=> 'A020101'
 */
export function categoryKey(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s._\-]/gu, '');
}
