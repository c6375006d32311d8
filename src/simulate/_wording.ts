/** The words of simulated records: vendor names and subject lines, composed from the catalogue. */
import type { Rng } from './_prng.js';
import { partsOf } from '../_lib/days.js';
import {
  BATCH_ZH, CITIES_ZH, DEPTS_EN, DEPTS_ZH, GROUPS, LEGAL_EN, LEGAL_ZH, MONTHS_EN, VENDOR_STEMS_EN, VENDOR_STEMS_ZH, type Item,
} from './_catalogue.js';
import type { SimulatedLanguage } from './options.js';

/** The name of vendor `k` of a category group's trade: the same (group, k, language), the same name. */
export function vendorName(group: number, k: number, lang: SimulatedLanguage): string {
  const gr = GROUPS[group]!;
  const h = (group * 31 + k * 17) >>> 0;
  if (lang === 'zh') {
    const stem = VENDOR_STEMS_ZH[(group * 7 + k * 5) % VENDOR_STEMS_ZH.length];
    return `${CITIES_ZH[h % CITIES_ZH.length]}${stem}${gr.tradeZh}${LEGAL_ZH[h % LEGAL_ZH.length]}`;
  }
  const stem = VENDOR_STEMS_EN[(group * 7 + k * 5) % VENDOR_STEMS_EN.length];
  return `${stem} ${gr.tradeEn} ${LEGAL_EN[h % LEGAL_EN.length]}`;
}

/** A subject line for an item, with the variation real ledgers show. */
export function subjectOf(item: Item, lang: SimulatedLanguage, year: number, r: Rng): string {
  const t = r.int(0, 6);
  if (lang === 'zh') {
    switch (t) {
      case 0: return item.zh;
      case 1: return `${item.zh}采购`;
      case 2: return `采购${item.zh}`;
      case 3: return `${r.pick(DEPTS_ZH)}${item.zh}`;
      case 4: return `${item.zh}（${r.pick(BATCH_ZH)}）`;
      case 5: return `${year}年${item.zh}`;
      default: return `${r.pick(DEPTS_ZH)}${item.zh}采购`;
    }
  }
  switch (t) {
    case 0: return item.en.charAt(0).toUpperCase() + item.en.slice(1);
    case 1: return `Supply of ${item.en}`;
    case 2: return `${item.en} for ${r.pick(DEPTS_EN)}`;
    case 3: return `Purchase of ${item.en}`;
    case 4: return `${item.en} (batch ${r.int(1, 4)})`;
    case 5: return `${item.en} ${year}`;
    default: return `${r.pick(DEPTS_EN)} - ${item.en}`;
  }
}

/** The subject of one month of a service contract: `保洁服务费（2023年5月）`, `cleaning services – May 2023`. */
export function monthlySubject(item: Item, lang: SimulatedLanguage, day: number): string {
  const [y, m] = partsOf(day);
  return lang === 'zh' ? `${item.zh}费（${y}年${m}月）` : `${item.en} – ${MONTHS_EN[m - 1]} ${y}`;
}

/** An invoice number of a year: `FP2023004711`. */
export const invoiceNumber = (year: number, r: Rng): string => `FP${year}${String(r.int(0, 999_999)).padStart(6, '0')}`;
