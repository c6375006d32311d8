/**
 * Adversarial but plausible ledgers (issue 9): shapes on which a naive clustering goes quadratic.
 * Each generator is seeded and deterministic; records are plain objects as `detectSplits` takes them.
 *
 * - `oneDay`: one buyer, one day, one subject, 50 vendors — every record links to every other.
 * - `sharedTokens`: distinct long subjects that share 8 tokens, one buyer, 30 days — every pair of
 *   subjects has the same 8 tokens in common, so a text join meets every pair; each subject also has
 *   4 words of 500 and a word of its own.
 * - `busyMonth`: one buyer, one month, 1,000 vendors, subjects drawn from 500 words, 200 category
 *   codes — a dense month of a large buyer.
 *
 * @example
 * worstCase('oneDay', 1000, 1).length //=> 1000
 */
import { Rng } from '../src/simulate/_prng.js';

export const WORST_CASES = ['oneDay', 'sharedTokens', 'busyMonth'] as const;
export type WorstCase = (typeof WORST_CASES)[number];

/** Thresholds the worst cases are run against (the simulation's, in CNY). */
export const WORST_CASE_THRESHOLDS = [
  { id: 'WC-DECENT', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' },
  { id: 'WC-OPEN', amount: '1000000', currency: 'CNY', procedure: 'public tender' },
] as const;


/** `n` in base 26, as `width` letters ('aa', 'ab', …): words a tokeniser keeps whole (it drops digits). */
const letters = (n: number, width: number): string => {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 26)) out = String.fromCharCode(97 + (n % 26)) + out;
  return out;
};
/** 500 distinct words ('waa' … 'wtf'), none of them a stop word. */
const WORDS_500 = Array.from({ length: 500 }, (_, i) => `w${letters(i, 2)}`);
const SHARED_8 = ['maintenance', 'municipal', 'building', 'annual', 'contract', 'electrical', 'facility', 'repairs'];

export interface WorstCaseRecord {
  id: string;
  buyer: string;
  vendor: string;
  date: string;
  amount: string;
  currency: string;
  subject: string;
  category?: string;
}

/** `n` records of the named worst case, seeded. */
export function worstCase(kind: WorstCase, n: number, seed = 1): WorstCaseRecord[] {
  const prng = new Rng(seed);
  const r = (): number => prng.next();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  // Amounts between 30,000.00 and 290,000.00 CNY: each under the lower limit, sizeable parts.
  const amount = () => (30000 + Math.floor(r() * 26_000_000) / 100).toFixed(2);
  const out: WorstCaseRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = `${kind}-${i}`;
    if (kind === 'oneDay') {
      out[i] = { id, buyer: 'City Works Department', vendor: `Vendor ${i % 50}`, date: '2024-03-14', amount: amount(), currency: 'CNY', subject: 'road resurfacing works' };
    } else if (kind === 'sharedTokens') {
      const own = Array.from({ length: 4 }, () => pick(WORDS_500)).join(' ');
      const day = 1 + Math.floor(r() * 30);
      out[i] = { id, buyer: 'City Works Department', vendor: `Vendor ${Math.floor(r() * 200)}`, date: `2024-04-${String(day).padStart(2, '0')}`, amount: amount(), currency: 'CNY', subject: `${SHARED_8.join(' ')} ${own} item${letters(i, 5)}` };
    } else {
      const words = 3 + Math.floor(r() * 4);
      const subject = Array.from({ length: words }, () => pick(WORDS_500)).join(' ');
      const day = 1 + Math.floor(r() * 31);
      out[i] = { id, buyer: 'City Works Department', vendor: `Vendor ${Math.floor(r() * 1000)}`, date: `2024-05-${String(day).padStart(2, '0')}`, amount: amount(), currency: 'CNY', subject, category: `C${String(1000 + Math.floor(r() * 200))}` };
    }
  }
  return out;
}
