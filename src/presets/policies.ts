/**
 * Policy presets: a jurisdiction's (or a practice's) definition of splitting, as grouping options,
 * with the threshold table it is judged against. Each sets `window`, `vendor`, `subject`,
 * `skipMethods` and `currency`; `name` and `citation` are what findings cite.
 */
import type { ThresholdInput } from '../thresholds/threshold.js';
import type { _PresetDefinition } from './_definition.js';
import { CN_CENTRAL } from './tables/cn.js';
import { EU_CENTRAL, EU_SUB_CENTRAL, EU_WORKS } from './tables/eu.js';
import { US_MICRO_PURCHASE, US_SIMPLIFIED_ACQUISITION } from './tables/us.js';
import { UK_CENTRAL, UK_SUB_CENTRAL, UK_WORKS } from './tables/uk.js';
import { UA_THRESHOLDS } from './tables/ua.js';
import { BR_THRESHOLDS } from './tables/br.js';

/**
 * Art. 28 compares a *cumulative* amount with the public-tender limit and says "超过" (exceeds),
 * while a single purchase at or above the limit needed a public tender of its own (it is no part of
 * a split: it broke the rule alone). So its thresholds are the central public-tender rows as they
 * are (`comparison: 'atOrAbove'`: a part stays under the limit) with `cumulative: 'above'` (the
 * total exceeds it), under their own ids (`<csv id>-ART28`) so a finding never confuses them with
 * the single-purchase rule.
 */
const ART28_THRESHOLDS: readonly ThresholdInput[] = CN_CENTRAL.filter((t) => t.id.includes('-OPEN-')).map((t) => ({
  ...t,
  id: `${t.id}-ART28`,
  cumulative: 'above' as const,
  procedure: '公开招标 (public tender): cumulative non-tender purchases exceeding (超过) the limit are a split',
  label: `${t.label ?? t.id}; Art. 28 cumulative test (exceeds)`,
}));

/**
 * Merchant category codes (ISO 18245) of travel and lodging, as prefixes: 3000–3999 are the codes of
 * individual airlines (3000–3350), car rental agencies (3351–3500) and hotels (3501–3999); then
 * commuter transport, railways, taxis, buses, cruise lines, airlines, airports, travel agencies,
 * transportation services, lodging, car, truck and RV rental.
 */
export const PCARD_TRAVEL_MCC: readonly string[] = ['3', '4111', '4112', '4121', '4131', '4411', '4511', '4582', '4722', '4789', '7011', '7512', '7513', '7519'];

/** Procedures under which a purchase was already advertised EU-wide (Dir. 2014/24 Arts. 26–32), or a framework call-off. */
const EU_PROCEDURES = [
  'open', 'open procedure', 'restricted', 'restricted procedure', 'competitive procedure with negotiation',
  'competitive dialogue', 'innovation partnership', 'competitive tender',
  'framework', 'framework agreement', 'framework call-off', 'call-off', 'dynamic purchasing system',
];

/**
 * Rules that sum every purchase of a subject in a period (Art. 28, Ukraine's Art. 3(10), Brazil's
 * Art. 75 §1): no purchase is too small to count towards a set and every crossing set is reported,
 * ranked by score.
 */
const SUMMED = { minPartShare: 0, minScore: 0 } as const;

/**
 * Rules whose grouping keys are all required equal (buyer, subject code, project, calendar period):
 * a cluster is then exactly the law's group, and the period's whole total is the figure the law
 * tests, so the period is taken whole (`runs: 'window'`), however many purchases it holds up to
 * `maxParts` (a period of more is a large run).
 */
const SUMMED_WHOLE = { ...SUMMED, runs: 'window', maxParts: 10_000 } as const;

/** @internal */
export const _POLICY_PRESETS: readonly _PresetDefinition[] = [
  {
    name: 'cn-gpl-art28',
    kind: 'policy',
    description:
      'China, Government Procurement Law Implementing Regulations Art. 28 (以化整为零方式规避公开招标): one purchaser (采购人), within one budget project (预算项目) and one fiscal year (the calendar year), buying goods or services of the same 品目 or category several times by methods other than public tender, whose cumulative amount exceeds (超过: strictly above) the public-tender limit. Vendors may differ. Grouping: same buyer, any vendor, same project (compared by the words that name it: `2024年度信息化建设` and `信息化建设（2024年）` are one project) and same category (first 5 characters of the 政府采购品目分类目录 code, e.g. A0201) both required, fiscal year from January. Public-tender records and call-offs from centrally tendered agreements (协议供货, 定点采购, 框架协议) are not parts; invited tenders (邀请招标) and other non-tender methods are; records whose `exemption` is set (budget adjusted, non-tender method approved) are analysed but never parts. Thresholds: the central budget units\' public-tender limits from 2015 (goods and services; works, 品目 B, are outside Art. 28). Each purchase must stay under the limit (one at or above it needed a public tender of its own and is no part); the total must exceed it (the rows carry `cumulative: \'above\'`). A finding is the year\'s whole total of one project and 品目, every such purchase however small (`runs: \'window\'`, `minPartShare: 0`, `minScore: 0`, up to `maxParts: 10000` purchases; a year of more is a large run), reported when it exceeds the limit and ranked by score. For a local purchaser, replace `thresholds` with its own public-tender limits, with `cumulative: \'above\'` (`--thresholds FILE`).',
    citation: '中华人民共和国政府采购法实施条例 (国务院令第658号) 第二十八条',
    options: {
      thresholds: [...ART28_THRESHOLDS],
      window: { period: 'fiscalYear', fiscalYearStart: 1 },
      vendor: 'any',
      subject: { categoryPrefix: 5, sameProject: true, sameCategory: true },
      ...SUMMED_WHOLE,
      skipMethods: [
        '公开招标', 'public tender', 'open tender', 'open tendering', 'open',
        // Call-offs from centrally tendered agreements: repeated purchases there are the point of the agreement.
        '框架协议', '框架协议采购', '定点采购', '协议供货', 'framework', 'framework agreement', 'framework call-off', 'call-off',
      ],
      currency: 'CNY',
    },
  },
  {
    name: 'eu-2014-24',
    kind: 'policy',
    description:
      'EU public sector, Directive 2014/24/EU Art. 5: a requirement\'s value is the total of all its lots and, for regular supplies or services, of similar contracts over 12 months or the financial year; a procurement may not be subdivided with the effect of escaping the Directive unless objectively justified. Grouping: same contracting authority (buyer), any supplier, the same CPV group (first 3 digits, required: records without a CPV code are not grouped; override `subject` for such ledgers: `--category-prefix`, `--min-similarity`), a rolling 12-month window (`{ days: 366 }`, so that 12 months across a 29 February are one window; in other years it reaches one day further; for the financial year use `window: { period: \'fiscalYear\', fiscalYearStart: 1 }`, `--window fiscal-year`). Thresholds: works (CPV 45) and supplies/services at both the central-government and sub-central tier, 2014–2027, EUR, net of VAT, at or above; use `tier: \'central\'` or `tier: \'sub-central\'` (`--tier`) for one buyer type. Ledger amounts must be net of VAT (or say they are gross: `vat: { amounts: \'gross\', rate }`, `--vat gross:RATE`), in EUR or converted with `rates` (`--rate CODE=RATE`). Purchases under an EU procedure or a framework call-off are not parts.',
    citation: 'Directive 2014/24/EU Art. 5(3) and 5(8)–(11) (calculation of the estimated value), Art. 4 (thresholds, as revised by Commission Delegated Regulations); before 18 April 2016, Directive 2004/18/EC Art. 9 (calculation) and Art. 7 (thresholds)',
    tiers: { central: [...EU_WORKS, ...EU_CENTRAL], 'sub-central': [...EU_WORKS, ...EU_SUB_CENTRAL] },
    options: {
      thresholds: [...EU_WORKS, ...EU_CENTRAL, ...EU_SUB_CENTRAL],
      window: { days: 366 },
      vendor: 'any',
      subject: { categoryPrefix: 3, sameCategory: true },
      skipMethods: EU_PROCEDURES,
      currency: 'EUR',
    },
  },
  {
    name: 'us-far-13',
    kind: 'policy',
    description:
      'US federal acquisition, FAR 13.003(c)(2): requirements aggregating more than the micro-purchase threshold or the simplified acquisition threshold must not be broken down into several purchases below it to avoid the rules that apply above it. Grouping (this preset\'s own: the FAR names no vendor or window, only the requirement): same buyer, same vendor, related subject (category prefix of 4 or similar descriptions), purchases within 30 days of each other (for pieces of one requirement from several vendors use `vendor: \'any\'`, `--vendor any`; for the card-programme same-day test use `pcard`). Thresholds: micro-purchase and simplified acquisition thresholds, 1995-07-03 to today, USD, compared strictly above. Competitively awarded records and orders under existing contract vehicles (schedules, BPAs, framework call-offs) are not parts.',
    citation: 'FAR 13.003(c)(2); thresholds FAR 2.101',
    options: {
      thresholds: [...US_MICRO_PURCHASE, ...US_SIMPLIFIED_ACQUISITION],
      window: { days: 30 },
      vendor: 'same',
      subject: { categoryPrefix: 4, minSimilarity: 0.3 },
      skipMethods: [
        'full and open competition', 'full and open competition after exclusion of sources', 'sealed bidding', 'competitive proposals',
        // Orders under existing contract vehicles: repeated orders are what those vehicles are for.
        'framework call-off', 'call-off', 'gsa schedule order', 'blanket purchase agreement call', 'bpa call', 'delivery order', 'task order',
      ],
      currency: 'USD',
    },
  },
  {
    name: 'pcard',
    kind: 'policy',
    requires: ['limit', 'currency'],
    description:
      'Purchasing-card programme rule against split transactions: several transactions by the same cardholder (card) at the same merchant on the same day, each at or under the card\'s single-transaction limit, that together exceed it. Every such set is reported (`minScore: 0`, `minPartShare: 0`: the rule has no minimum part), ranked by score. Only card, merchant and day decide: subjects, category codes and budget projects (cost centres, WBS elements) neither link nor separate transactions — programmes count a purchase charged to several cost centres as split. Travel and lodging are left out (`exclude.categories`, `--exclude-category`: merchant category codes 3000–3999 for airlines, car rental and hotels, and 4111, 4112, 4121, 4131, 4411, 4511, 4582, 4722, 4789, 7011, 7512, 7513, 7519): programmes block them on purchase cards or govern them by travel rules, and one charge per traveller on one day is how a group\'s hotel rooms or tickets are paid. Map the cardholder (or card) to `buyer` and the merchant to `vendor` (a department as buyer mixes many cardholders); map the merchant category code to `category` for the travel exclusion. For "a few days" use `window: { days: 3 }` (`--window 3d`). Needs the programme\'s limit: `getPreset(\'pcard\', { limit: \'3000\', currency: \'CAD\' })` (`--limit 3000 --currency CAD`). Known false positive: one marketplace order charged as several transactions.',
    citation: 'Card programmes\' split-transaction rules: e.g. Medical University of South Carolina, Purchasing Card Program, "Split Transactions" (same vendor, same day, combined total over the transaction limit, whatever the projects charged); FAR 13.003(c)(2) and 13.301 for US federal cards. Travel MCCs: ISO 18245 (3000–3999 individual airlines, car rental agencies and lodging)',
    options: {
      thresholds: [],
      window: { days: 1 },
      vendor: 'same',
      subject: { categoryPrefix: 0, minSimilarity: 0, maxProjectCategories: 0 },
      runs: 'window',
      minPartShare: 0,
      minScore: 0,
      exclude: { categories: [...PCARD_TRAVEL_MCC] },
      skipMethods: [],
    },
  },
  {
    name: 'ua-922',
    kind: 'policy',
    description:
      'Ukraine, Law No. 922-VIII "On Public Procurement" Art. 3(10): a procuring entity must not split the subject of procurement to avoid an open tender or simplified procurement. Grouping as the State Audit Service applies it: same procuring entity, any supplier, same ДК 021:2015 (CPV) code at the 4th digit (required), one calendar year. Thresholds 2016-08-01 to today, UAH: simplified procurement from 50,000 (2020-04-19 on), open tender from 200,000 (goods, services) and 1,500,000 (works, division 45), and the martial-law 100,000 row (marked partial). Records of open tenders, competitive dialogues and framework agreements (ProZorro method types included) are not parts. A finding is the year\'s whole total of one entity and 4-digit code, every such purchase however small (`runs: \'window\'`, `minPartShare: 0`, `minScore: 0`, up to `maxParts: 10000` purchases; a year of more is a large run), reported when it reaches a limit (at the most serious limit it reaches) and ranked by score.',
    citation: 'Закон України «Про публічні закупівлі» № 922-VIII, ст. 3 ч. 10 (ред. Закону № 114-IX, from 19 April 2020; before, the law as first enacted)',
    options: {
      thresholds: [...UA_THRESHOLDS],
      window: { period: 'year' },
      vendor: 'any',
      subject: { categoryPrefix: 4, sameCategory: true },
      ...SUMMED_WHOLE,
      skipMethods: [
        'відкриті торги', 'відкриті торги з особливостями', 'open tender', 'open tender with features',
        'aboveThreshold', 'aboveThresholdUA', 'aboveThresholdEU', 'competitiveDialogueUA', 'competitiveDialogueEU',
        'closeFrameworkAgreementUA', 'closeFrameworkAgreementSelectionUA',
      ],
      currency: 'UAH',
    },
  },
  {
    name: 'br-14133',
    kind: 'policy',
    description:
      'Brazil, Lei 14.133/2021 Art. 75 §1: the dispensa limits are checked against the sum spent in the fiscal year by the same unidade gestora (buyer) on objects of the same nature (same line of business). Grouping: same buyer, any supplier, related subject (category prefix of 4 or similar descriptions; a shared supplier alone does not relate purchases), fiscal year = calendar year. Thresholds from 2021-04-01, BRL, at or above: inciso I (works, engineering services, vehicle maintenance) and II (other services and purchases) both apply to every record. Records awarded by licitação (pregão, concorrência …) or by inexigibilidade are not parts. Every set whose total reaches a limit is reported, ranked by score, however small its purchases: the rule sums the year\'s spending (`minPartShare: 0`, `minScore: 0`). The sets are those that look most like one requirement cut up, not the year\'s whole total: objects of the same nature are related by a similarity that chains (a description like one that is like a third), so a chain of related purchases is no legal group to total.',
    citation: 'Lei nº 14.133/2021, art. 75, I, II e §1º',
    options: {
      thresholds: [...BR_THRESHOLDS],
      window: { period: 'fiscalYear', fiscalYearStart: 1 },
      vendor: 'any',
      // The law sums objects of the same nature; a shared supplier alone is not that.
      linkSameVendor: false,
      subject: { categoryPrefix: 4, minSimilarity: 0.3 },
      ...SUMMED,
      skipMethods: [
        'licitação', 'pregão', 'pregão eletrônico', 'concorrência', 'concorrência eletrônica', 'leilão', 'diálogo competitivo', 'concurso', 'inexigibilidade',
        // Purchases from a price-registration record (ata de registro de preços) were tendered once for all.
        'registro de preços', 'adesão a ata de registro de preços',
      ],
      currency: 'BRL',
    },
  },
  {
    name: 'uk-pa2023',
    kind: 'policy',
    description:
      'United Kingdom, Procurement Act 2023: a contract\'s estimated value includes what could reasonably be supplied under a single contract, and a below-threshold contract split off from one requirement is treated as above the threshold (before 24 February 2025, the Public Contracts Regulations 2015 forbade subdividing a procurement to escape them). Grouping: same contracting authority, any supplier, related subject (CPV group of 3 digits, similar descriptions, or the same supplier), a rolling 12-month window (`{ days: 366 }`, so that 12 months across a 29 February are one window). Thresholds: works, central-government and sub-central supplies/services, 2014 to today, GBP, at or above; net of VAT up to 2021, including VAT from 2022. Say how the ledger\'s amounts stand to VAT and each limit is put on their basis: `vat: { amounts: \'net\', rate: \'0.2\' }` (`--vat net:0.2`) for a council\'s spend file of net amounts; without it, amounts are compared as recorded, so net amounts under-state a value from 2022 by its VAT (findings give the basis, `threshold.vat`). Use `tier: \'central\'` or `tier: \'sub-central\'` (`--tier`) for one buyer type: a city council is sub-central. Purchases under an advertised procedure or a framework call-off are not parts.',
    citation: 'Procurement Act 2023 s. 5 and Sch. 3 (valuation), Sch. 1 (threshold amounts); Public Contracts Regulations 2015 reg. 6 before 24 February 2025; Public Contracts Regulations 2006 reg. 8 before 26 February 2015',
    tiers: { central: [...UK_WORKS, ...UK_CENTRAL], 'sub-central': [...UK_WORKS, ...UK_SUB_CENTRAL] },
    options: {
      thresholds: [...UK_WORKS, ...UK_CENTRAL, ...UK_SUB_CENTRAL],
      window: { days: 366 },
      vendor: 'any',
      subject: { categoryPrefix: 3, minSimilarity: 0.3 },
      skipMethods: [...EU_PROCEDURES, 'competitive flexible procedure'],
      currency: 'GBP',
    },
  },
];
