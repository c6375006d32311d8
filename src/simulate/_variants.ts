/**
 * Messy variants of what a ledger writes: the same subject, vendor, project, method or category code
 * spelt another way, as clerks and systems spell them. Internal to the simulator.
 *
 * Vendor variants keep the vendor's key (case, punctuation, legal form: `vendorKey` reads through
 * them); category variants keep the code's digits in order, so a threshold's category scope still
 * applies; subject, project and method variants change the words.
 */
import type { Rng } from './_prng.js';
import { LEGAL_EN, LEGAL_ZH } from './_catalogue.js';
import type { SimulatedLanguage } from './options.js';

/** Clerks' abbreviations of subject words. */
const ABBREVIATIONS_EN: readonly (readonly [RegExp, string])[] = [
  [/services/iu, 'svcs'], [/maintenance/iu, 'maint.'], [/management/iu, 'mgmt'], [/equipment/iu, 'equip.'],
  [/computers/iu, 'PCs'], [/supplies/iu, 'supp.'], [/installation/iu, 'instal.'], [/accommodation/iu, 'accom.'],
  [/development/iu, 'dev.'], [/telecommunication/iu, 'telecoms'], [/organisation/iu, 'org.'], [/printing/iu, 'print'],
];
const ABBREVIATIONS_ZH: readonly (readonly [RegExp, string])[] = [
  [/笔记本电脑/u, '笔记本'], [/台式计算机/u, '台式机'], [/多功能一体机/u, '一体机'], [/物业管理服务/u, '物业'],
  [/系统运维服务/u, '运维'], [/软件开发服务/u, '软件开发'], [/活动策划执行/u, '活动执行'], [/宣传片拍摄/u, '宣传片'],
  [/办公楼清洁/u, '保洁'], [/电气线路改造/u, '电改'], [/会议场地租赁/u, '会场租赁'], [/道路指示牌/u, '指示牌'],
];

/** Method names as other clerks write them; some no longer match a list of competitive procedures. */
const METHOD_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'request for quotation': ['RFQ', 'Request for Quotation', 'quotation (3 quotes)'],
  'direct award': ['Direct award (below threshold)', 'DIRECT AWARD', 'single tender action'],
  'single source': ['Sole source', 'single-source'],
  'competitive negotiation': ['Negotiated procedure', 'competitive negotiation (2 bidders)'],
  'framework call-off': ['Call-off from framework', 'Framework agreement', 'FRAMEWORK CALL-OFF'],
  'purchasing card': ['P-card', 'GPC'],
  'e-marketplace': ['Online marketplace', 'eMarketplace'],
  'public tender': ['Open tender (OJEU)', 'Open procedure', 'PUBLIC TENDER'],
  询价: ['询价采购', '询价（三家比价）'],
  直接采购: ['直接委托', '直采'],
  单一来源: ['单一来源采购'],
  竞争性磋商: ['磋商', '竞争性谈判'],
  定点采购: ['定点', '协议供货'],
  框架协议: ['框架协议采购', '框架'],
  公务卡: ['公务卡结算'],
  电子卖场: ['政采云电子卖场', '网上商城'],
  公开招标: ['公开招标（电子标）', '招标'],
};

/** A subject spelt another way: upper case, abbreviated, misspelt, or tagged with a reference. */
export function subjectVariant(subject: string, lang: SimulatedLanguage, r: Rng): string {
  switch (r.int(0, 3)) {
    case 0:
      return lang === 'en' ? subject.toUpperCase() : `${subject}。`;
    case 1: {
      const table = lang === 'en' ? ABBREVIATIONS_EN : ABBREVIATIONS_ZH;
      const hit = table.find(([re]) => re.test(subject));
      return hit ? subject.replace(hit[0], hit[1]) : misspelt(subject, r);
    }
    case 2:
      return misspelt(subject, r);
    default:
      return lang === 'en'
        ? r.pick([`${subject} (PO ${r.int(10_000, 99_999)})`, `INV-${r.int(100_000, 999_999)} ${subject}`, `${subject} ref ${r.int(1_000, 9_999)}`])
        : r.pick([`${subject}（合同号HT${r.int(10_000, 99_999)}）`, `${subject}-${r.int(100, 999)}`]);
  }
}

/** One letter of the longest word swapped with the next or dropped; one CJK character dropped. */
function misspelt(text: string, r: Rng): string {
  const words = [...text.matchAll(/[\p{L}]{4,}/gu)];
  if (words.length === 0) return text;
  const w = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const at = (w.index ?? 0) + r.int(1, w[0].length - 2);
  return r.chance(0.5) ? text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2) : text.slice(0, at) + text.slice(at + 1);
}

/** A vendor name in another case or legal form: the same `vendorKey`. */
export function vendorVariant(name: string, lang: SimulatedLanguage, r: Rng): string {
  if (lang === 'zh') {
    const form = longestFirst(LEGAL_ZH).find((f) => name.endsWith(f));
    return form ? name.slice(0, -form.length) + r.pick(LEGAL_ZH.filter((f) => f !== form)) : name;
  }
  const form = longestFirst(LEGAL_EN).find((f) => name.endsWith(` ${f}`));
  const stem = form ? name.slice(0, -form.length - 1) : name;
  switch (r.int(0, 2)) {
    case 0: return name.toUpperCase();
    case 1: return `${stem}, ${r.pick(LEGAL_EN.filter((f) => f !== form))}`;
    default: return stem;
  }
}

const longestFirst = (forms: readonly string[]): string[] => [...forms].sort((a, b) => b.length - a.length);

/** A budget project spelt another way: the year moved or dropped, the words re-cased. */
export function projectVariant(project: string, lang: SimulatedLanguage, r: Rng): string {
  const year = /\d{4}/u.exec(project)?.[0];
  if (lang === 'zh') {
    const base = project.replace(/\d{4}年度?/u, '');
    if (year === undefined) return r.chance(0.5) ? base.replace(/项目$/u, '') : `${base}专项`;
    return r.pick([`${base}（${year}年）`, `${year}年度${base}`, `${base}${year}`]);
  }
  const base = project.replace(/\s*\d{4}\s*/u, ' ').trim();
  const title = base.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  if (year === undefined) return r.chance(0.5) ? title : base.replace(/ project$/u, '');
  return r.pick([`${title} (${year})`, `${year} ${base}`, `${base} FY${year.slice(2)}`]);
}

/** A method as another clerk writes it (unknown methods are kept). */
export function methodVariant(method: string, r: Rng): string {
  const variants = METHOD_VARIANTS[method];
  return variants ? r.pick(variants) : method;
}

/** A category code with a check digit, dots or fewer digits: the same first six characters. */
export function categoryVariant(code: string, r: Rng): string {
  switch (r.int(0, 2)) {
    case 0: return `${code}-${[...code].reduce((a, c) => a + Number(c), 0) % 10}`;
    case 1: return code.replace(/(\d\d)(?=\d)/gu, '$1.');
    default: return code.slice(0, 6);
  }
}
