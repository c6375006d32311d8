/**
 * Rows that are not purchases, recognised by their labels: total lines, card repayments, and
 * document numbers that are only placeholders.
 */

/** A cell that starts with a total label (`Total`, `Subtotal:`, `Total for March`, `合计（元）`). */
const TOTAL_LABEL = /^\s*(sub[\s-]?total|grand[\s-]?total|total)\b|^\s*(合计|小计|总计|累计|本页小计)/iu;

/**
 * True when a row is a total line: it lacks a purchase field (vendor or date) and one of its label
 * cells starts with a total label (`Total`, `Subtotal March`, `合计`), or it has no buyer, vendor
 * and date at all but an amount (in a mapped or an amount column). A row with vendor and date is a purchase, whatever its vendor is
 * called (a merchant named `Total` exists).
 */
export function isTotalLine(row: { buyer: string; vendor: string; date: string; labels: readonly string[]; hasAmount: () => boolean }): boolean {
  if (row.vendor !== '' && row.date !== '') return false;
  if (row.labels.some((l) => TOTAL_LABEL.test(l))) return true;
  return row.buyer === '' && row.vendor === '' && row.date === '' && row.hasAmount();
}

/**
 * A test for vendors that are card repayments, from the markers of `notPurchase`: a marker in a
 * script written with spaces must be a whole phrase of the vendor (`direct debit payment` in
 * `direct debit payment than`, not `payment` in `bt bill payment`); a marker in Chinese or Japanese
 * must be the whole vendor (`还款`, not inside `信用卡还款手续费`). Subjects are never matched.
 *
 * @example
 * repaymentTest(['payment received'])('PAYMENT RECEIVED - THANK YOU') //=> 'payment received'
 * repaymentTest(['还款'])('甲公司还款业务部')                              //=> undefined
 */
export function repaymentTest(markers: readonly string[]): (vendor: string) => string | undefined {
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const whole = new Map<string, string>();
  const phrases: string[] = [];
  for (const m of markers) {
    const key = m.normalize('NFKC').toLowerCase().trim();
    if (key === '') continue;
    if (cjk.test(key)) whole.set(key.replace(/[\s\p{P}]/gu, ''), m);
    else phrases.push(key.split(/\s+/u).map(escape).join('\\s+'));
  }
  const phrase = phrases.length ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(${phrases.join('|')})(?:$|[^\\p{L}\\p{N}])`, 'iu') : undefined;
  return (vendor) => {
    if (vendor === '') return undefined;
    const m = phrase?.exec(vendor);
    if (m) return m[1]?.toLowerCase();
    return whole.size ? whole.get(vendor.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]/gu, '')) : undefined;
  };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Document numbers that say "none": only punctuation or zeros, or n/a, none, null, unknown, 无 … */
const PLACEHOLDER = /^(?:[\s\p{P}\p{S}]*|0+|n[./\s]?a\.?|none|null|nil|unknown|tbc|tba|无|空|不详)$/iu;

/**
 * True when a document number is a placeholder (`-`, `0`, `N/A`, `none`, `无` …): such rows are
 * never summed as lines of one document, since the number does not name one.
 *
 * @example
 * isPlaceholderDocument('N/A') //=> true
 * isPlaceholderDocument('INV-0') //=> false
 */
export function isPlaceholderDocument(document: string): boolean {
  return PLACEHOLDER.test(document.trim());
}
