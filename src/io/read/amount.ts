/**
 * Amounts as ledgers write them → exact decimal strings.
 */
import { D } from '../../_lib/decimal.js';

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /**
   * Read `,` as the decimal mark and `.`/spaces/`'` as grouping (`1.234,50`, `1 234,50`).
   * Opt-in: without it `1,234` is one thousand two hundred and thirty-four.
   * @defaultValue false
   */
  decimalComma?: boolean | undefined;
  /** Multiplier applied to every amount, e.g. `10000` for a column in 万元. @defaultValue 1 */
  unit?: string | number | undefined;
}

/** What {@link parseAmount} returns. */
export type ParsedAmount =
  | { readonly ok: true; readonly amount: string; readonly currency?: string }
  | { readonly ok: false; readonly message: string };

const SYMBOLS: readonly [RegExp, string][] = [
  [/^US\$/u, 'USD'],
  [/^C\$/u, 'CAD'],
  [/^A\$/u, 'AUD'],
  [/^R\$/u, 'BRL'],
  [/^\$/u, ''],
  [/^[¥￥]/u, ''],
  [/^£/u, 'GBP'],
  [/^€/u, 'EUR'],
  [/^₴/u, 'UAH'],
  [/^RMB/iu, 'CNY'],
];
const CODE = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/u;
/** The common case, read without decimal arithmetic: `1234`, `-12.50`, `1,234.50`. */
const PLAIN = /^(-?)(\d{1,15}|\d{1,3}(?:,\d{3}){1,4})(?:\.(\d{1,15}))?$/u;

/** The exact decimal string of a plain number, as `Decimal#toFixed()` writes it (`-012.50` → `-12.5`). */
function canonical(negative: boolean, int: string, frac: string): string {
  let i = 0;
  while (i < int.length - 1 && int.charCodeAt(i) === 48) i++;
  let f = frac.length;
  while (f > 0 && frac.charCodeAt(f - 1) === 48) f--;
  const digits = (i === 0 ? int : int.slice(i)) + (f > 0 ? `.${frac.slice(0, f)}` : '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}
const SPACES = /[\s\u00a0\u202f\u2009']/gu;

/**
 * Reads an amount written as in real files: `1234.50`, `$1,234.50`, `¥1,234`, `1,234元`,
 * `(12.34)` (accounting negative), `-12.34`, `12.34-`, `GBP 12.00`, and with `decimalComma`
 * `1 234,50` / `1.234,50`. The result is an exact decimal string multiplied by `unit`, with its
 * sign (a credit reads as a negative amount). A currency code or an unambiguous symbol found in
 * the cell is returned as `currency`.
 *
 * Grouping must be well-formed: with the default (decimal point) `12,5` is an error that suggests
 * `decimalComma`, never a guess.
 *
 * @example
 * parseAmount('$1,234.50')                         //=> { ok: true, amount: '1234.5' }
 * parseAmount('(12.34)')                           //=> { ok: true, amount: '-12.34' }
 * parseAmount('1 234,50', { decimalComma: true })  //=> { ok: true, amount: '1234.5' }
 * parseAmount('12.5', { unit: 10000 })             //=> { ok: true, amount: '125000' }
 */
export function parseAmount(raw: string, options: ParseAmountOptions = {}): ParsedAmount {
  if (!options.decimalComma && (options.unit === undefined || String(options.unit) === '1')) {
    const plain = PLAIN.exec(raw);
    if (plain) return { ok: true, amount: canonical(plain[1] === '-', (plain[2] as string).replace(/,/gu, ''), plain[3] ?? '') };
  }
  let s = raw.normalize('NFKC').trim();
  const original = raw;
  if (s === '') return { ok: false, message: 'amount is empty' };
  let negative = false;
  let currency: string | undefined;
  if (/^\(.*\)$/u.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/(万元|元|圆)$/u, '').trim();
  for (const [re, code] of SYMBOLS) {
    if (re.test(s)) {
      s = s.replace(re, '').trim();
      if (code) currency = code;
      break;
    }
  }
  const m = CODE.exec(s);
  if (m) {
    currency = m[1] ?? m[2];
    s = s.replace(CODE, '').trim();
  }
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  const plain = options.decimalComma ? readDecimalComma(s) : readDecimalPoint(s);
  if (plain === undefined) {
    const hint = !options.decimalComma && /^\d+,\d{1,2}$/u.test(s) ? ' (a decimal comma? pass decimalComma)' : '';
    return { ok: false, message: `"${original}" is not an amount${hint}` };
  }
  let value = new D(plain);
  const unit = options.unit ?? 1;
  if (String(unit) !== '1') value = value.times(new D(String(unit)));
  if (negative && !value.isZero()) value = value.negated();
  const amount = value.toFixed();
  return currency === undefined ? { ok: true, amount } : { ok: true, amount, currency };
}

function readDecimalPoint(s: string): string | undefined {
  const t = s.replace(SPACES, '');
  if (/^\d+(\.\d+)?$|^\.\d+$/u.test(t)) return t;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/u.test(t)) return t.replace(/,/gu, '');
  return undefined;
}

function readDecimalComma(s: string): string | undefined {
  const spaced = /[\s\u00a0\u202f\u2009']/u.test(s);
  const t = s.replace(SPACES, '');
  if (/^\d+(,\d+)?$/u.test(t) && !spaced) return t.replace(',', '.');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/u.test(t)) return t.replace(/\./gu, '').replace(',', '.');
  if (spaced && /^\d{1,3}([\s\u00a0\u202f\u2009']\d{3})+(,\d+)?$/u.test(s)) return t.replace(',', '.');
  return undefined;
}
