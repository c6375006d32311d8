/**
 * Threshold presets: the sourced tables of `./tables`, one preset per jurisdiction and regime, with
 * no grouping of their own (detectSplits' defaults apply). Regimes that would contradict each other
 * in one list (central vs sub-central, utilities, light-touch, small lots) are separate presets:
 * when several thresholds apply to a record, the core reports a set at the largest one crossed, so
 * mixing regimes would judge a ledger by a limit that does not bind its buyer.
 */
import type { ThresholdInput } from '../thresholds/threshold.js';
import type { _PresetDefinition } from './_definition.js';
import { CN_CENTRAL, CN_HANGZHOU, CN_NDRC } from './tables/cn.js';
import {
  EU_CENTRAL, EU_CONCESSIONS, EU_SMALL_LOTS, EU_SOCIAL, EU_SUB_CENTRAL, EU_UTILITIES, EU_UTILITIES_SOCIAL, EU_WORKS,
} from './tables/eu.js';
import { US_MICRO_PURCHASE, US_SIMPLIFIED_ACQUISITION } from './tables/us.js';
import {
  UK_CENTRAL, UK_CONCESSIONS, UK_SMALL_LOTS, UK_SUB_CENTRAL, UK_WORKS, UK_SOCIAL, UK_UTILITIES, UK_UTILITIES_SOCIAL,
} from './tables/uk.js';
import { UA_THRESHOLDS } from './tables/ua.js';
import { BR_THRESHOLDS } from './tables/br.js';

function table(name: string, currency: string, thresholds: readonly ThresholdInput[], description: string, citation: string, tiers?: _PresetDefinition['tiers']): _PresetDefinition {
  return { name, kind: 'thresholds', description, citation, ...(tiers ? { tiers } : {}), options: { thresholds: [...thresholds], currency } };
}

/** @internal */
export const _TABLE_PRESETS: readonly _PresetDefinition[] = [
  table('cn-central', 'CNY', CN_CENTRAL,
    'China, central budget units (中央预算单位), 2015 onwards: the decentralised-procurement limit (分散采购限额标准) for goods and services and for works, and the public-tender limit (公开招标数额标准) for goods and services, single purchase at or above the amount. Works are 品目 codes starting B; every other record, coded or not, is tested as goods or services. 2015–2016 rows are marked partial (dates from the biennial label). No row before 2015.',
    '中央预算单位政府集中采购目录及标准 (2015–2016, 2017–2018 and 2020 editions; 国办发〔2019〕55号 §三–§四)'),
  table('cn-ndrc', 'CNY', CN_NDRC,
    'China, state-funded works projects that must be tendered (招标投标法): NDRC Order No. 16 from 2018-06-01 (works 4,000,000; important equipment and materials 2,000,000; survey, design and supervision services 1,000,000 CNY per contract) and its predecessor, State Planning Commission Order No. 3, 2000-05-01 to 2018-05-31 (2,000,000 / 1,000,000 / 500,000, and any project of 30,000,000 total investment). Per-contract limits need 品目-coded records (A goods, B works, C services); to follow Order 16 Art. 5 (procurements of one project that could be combined, whenever bought), group by project over the project\'s life: `subject: { sameProject: true }` with a window as long as the project (`window: { days: 3660 }`, `--window 3660d`), since the default 30-day window separates purchases of one project bought months apart.',
    '必须招标的工程项目规定 (国家发展改革委令第16号) 第五条; 工程建设项目招标范围和规模标准规定 (原国家计委令第3号)'),
  table('cn-hangzhou', 'CNY', CN_HANGZHOU,
    'China, Hangzhou municipal catalogue, goods and services: 2011 (decentralised procurement from 100,000 CNY) and 2018 (decentralised procurement from 300,000, public tender from 1,000,000 CNY: the thresholds cited by the 2018 Chengxi rectification report). Only 2011 and 2018 are sourced: a purchase in any other year has no Hangzhou threshold in force and is not tested.',
    '杭州市政府采购目录和限额标准 (杭政办函〔2011〕12号; 2018年度)'),
  table('eu', 'EUR', [...EU_WORKS, ...EU_CENTRAL, ...EU_SUB_CENTRAL],
    'EU public sector, 2014–2027, net of VAT, at or above: works (CPV 45), and supplies/services at both the central-government and the sub-central tier. A ledger of one buyer type should use `eu-central` or `eu-sub-central` (or `tier`): with both tiers a set is reported at the largest tier it crosses, and a sub-central set that crosses only the central tier is still reported (a cautious over-report).',
    'Directive 2014/24/EU Art. 4 (Directive 2004/18/EC Art. 7 before 18 April 2016), amounts as revised by Commission Regulation 1336/2013 and Delegated Regulations 2015/2170, 2017/2365, 2019/1828, 2021/1952, 2023/2495, 2025/2152',
    { central: [...EU_WORKS, ...EU_CENTRAL], 'sub-central': [...EU_WORKS, ...EU_SUB_CENTRAL] }),
  table('eu-central', 'EUR', [...EU_WORKS, ...EU_CENTRAL],
    'EU central government authorities (Annex I), 2014–2027, net of VAT: works (CPV 45) and central-government supplies/services.',
    'Directive 2014/24/EU Art. 4(a)–(b), as revised by Commission regulations'),
  table('eu-sub-central', 'EUR', [...EU_WORKS, ...EU_SUB_CENTRAL],
    'EU sub-central contracting authorities, 2014–2027, net of VAT: works (CPV 45) and sub-central supplies/services.',
    'Directive 2014/24/EU Art. 4(a), (c), as revised by Commission regulations'),
  table('eu-utilities', 'EUR', EU_UTILITIES,
    'EU utilities (water, energy, transport, postal), supplies and services, 2014–2027, net of VAT. The sourced table has no utilities-works row, so utilities works are not tested.',
    'Directive 2014/25/EU Art. 15(a) (Directive 2004/17/EC before 18 April 2016), as revised by Commission regulations'),
  table('eu-concessions', 'EUR', EU_CONCESSIONS,
    'EU works and services concessions, 2024–2027 only (the sourced table has no earlier row), net of VAT.',
    'Directive 2014/23/EU Art. 8, as revised by Delegated Regulations 2023/2497 and 2025/2151'),
  table('eu-social', 'EUR', EU_SOCIAL,
    'EU public sector, social and other specific services (light-touch regime, Annex XIV), from 2016-04-18, 750,000 EUR net. The sourced table gives no CPV list: the threshold applies to every record, so run it on Annex XIV services only or add `categories`.',
    'Directive 2014/24/EU Art. 4(d) and Annex XIV'),
  table('eu-utilities-social', 'EUR', EU_UTILITIES_SOCIAL,
    'EU utilities, social and other specific services, from 2016-04-18, 1,000,000 EUR net. No CPV list in the sourced table: run it on those services only or add `categories`.',
    'Directive 2014/25/EU Art. 15(c)'),
  table('eu-small-lots', 'EUR', EU_SMALL_LOTS,
    'EU small-lots exemption, from 2016-04-18: a lot under 80,000 EUR (supplies/services) or 1,000,000 EUR (works, CPV 45) may be awarded outside the Directive if such lots total at most 20% of all lots, a condition this preset cannot check. A set of lots crossing these values is reported.',
    'Directive 2014/24/EU Art. 5(10)'),
  table('us-far', 'USD', [...US_MICRO_PURCHASE, ...US_SIMPLIFIED_ACQUISITION],
    'US federal, 1995-07-03 to today: micro-purchase thresholds (2,500 → 3,000 → 3,500 → 10,000 → 15,000 USD) and simplified acquisition thresholds (100,000 → 150,000 → 250,000 → 350,000 USD), each compared strictly above (a purchase of exactly the threshold is still a micro-purchase / simplified acquisition). 1995–2015 MPT rows and the first SAT row are marked partial.',
    'FAR 2.101 (definitions of micro-purchase threshold and simplified acquisition threshold); 41 U.S.C. 1902, 134'),
  table('uk', 'GBP', [...UK_WORKS, ...UK_CENTRAL, ...UK_SUB_CENTRAL],
    'United Kingdom, 2014 to today: works (CPV 45), central-government and sub-central supplies/services, under PCR 2015 and, from 24 February 2025, the Procurement Act 2023. Amounts are net of VAT to 2021 and include VAT from 2022. A ledger of one buyer type should use `uk-central` or `uk-sub-central` (or `tier`; see `eu`).',
    'Public Contracts Regulations 2015 reg. 5 (PCR 2006 before 26 Feb 2015); GPA thresholds regulations 2021 and 2023; Procurement Act 2023 Sch. 1 as amended by SI 2025/1200',
    { central: [...UK_WORKS, ...UK_CENTRAL], 'sub-central': [...UK_WORKS, ...UK_SUB_CENTRAL] }),
  table('uk-central', 'GBP', [...UK_WORKS, ...UK_CENTRAL],
    'United Kingdom central government authorities, 2014 to today: works (CPV 45) and central-government supplies/services (net of VAT to 2021, gross from 2022).',
    'Public Contracts Regulations 2015 reg. 5; Procurement Act 2023 Sch. 1'),
  table('uk-sub-central', 'GBP', [...UK_WORKS, ...UK_SUB_CENTRAL],
    'United Kingdom sub-central authorities, 2014 to today: works (CPV 45) and sub-central supplies/services (net of VAT to 2021, gross from 2022).',
    'Public Contracts Regulations 2015 reg. 5; Procurement Act 2023 Sch. 1'),
  table('uk-utilities', 'GBP', UK_UTILITIES,
    'United Kingdom utilities supplies/services, 2018 to today (from 2026 also defence and security); no sourced row for 2014–2017.',
    'Utilities Contracts Regulations 2016; Procurement Act 2023 Sch. 1'),
  table('uk-utilities-social', 'GBP', UK_UTILITIES_SOCIAL,
    'United Kingdom utilities light-touch contracts, 2026 onwards only (884,720 GBP incl. VAT). No CPV list: run it on those services only or add `categories`.',
    'Procurement Act 2023 Sch. 1 as amended by SI 2025/1200'),
  table('uk-social', 'GBP', UK_SOCIAL,
    'United Kingdom light-touch regime (social and other specific services), 2014 to today. No CPV list: run it on those services only or add `categories`.',
    'Public Contracts Regulations 2015 reg. 5; Procurement Act 2023 Sch. 1'),
  table('uk-concessions', 'GBP', UK_CONCESSIONS,
    'United Kingdom concessions, 2024 onwards only (the sourced table has no earlier row).',
    'Concession Contracts Regulations 2016; Procurement Act 2023 Sch. 1'),
  table('uk-small-lots', 'GBP', UK_SMALL_LOTS,
    'United Kingdom small-lots exemption values, 2022–2023 only: lots under 70,778 GBP (supplies/services) or 884,720 GBP (works) could be awarded outside the regime within the 20% allowance, which this preset cannot check.',
    'Public Contracts Regulations 2015 reg. 6 (small lots), amounts as of 2022'),
  table('ua', 'UAH', UA_THRESHOLDS,
    'Ukraine, 2016-08-01 to today: open tender from 200,000 UAH (goods, services) and 1,500,000 UAH (works, ДК 021 division 45); from 2020-04-19 simplified procurement from 50,000 UAH; and, marked partial, open tenders "with features" from 100,000 UAH for goods and services during martial law (start date unverified, end 90 days after martial law: no end date is set).',
    'Закон України «Про публічні закупівлі» № 922-VIII, ст. 2 (first version) and ст. 3 (as amended by Law № 114-IX); Постанова КМУ № 1178 від 12.10.2022'),
  table('br', 'BRL', BR_THRESHOLDS,
    'Brazil, Lei 14.133/2021 from 2021-04-01: dispensa limits of Art. 75 I (works, engineering services, vehicle maintenance) and II (other services and purchases), updated every January by decree, at or above. Both incisos apply to every record (ledgers have no code that separates them); set `categories` on the `-I` rows if yours does.',
    'Lei nº 14.133/2021, art. 75, I e II; Decretos 10.922/2021, 11.317/2022, 11.871/2023, 12.343/2024, 12.807/2025'),
];
