/**
 * China: thresholds of the central budget units' procurement catalogue, of the NDRC rules on works
 * projects that must be tendered, and of Hangzhou's municipal catalogue.
 *
 * Rows and ids come from the project's sourced table, `test/fixtures/thresholds.csv` (coverage in docs/presets.md).
 *
 * Category scope uses the 政府采购品目分类目录 codes: A… goods, B… works (工程), C… services.
 * Goods-and-services limits are written `excludeCategories: ['B']` rather than
 * `categories: ['A', 'C']`, so a ledger without 品目 codes (the common case) is still tested against
 * the goods-and-services limit, the lower and therefore cautious one; works limits apply only to
 * records coded B.
 *
 * A single purchase triggers these procedures *at or above* the amount (Chinese statutes read
 * "以上" as inclusive). China's Art. 28 cumulative test ("超过") is in the `cn-gpl-art28` policy.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

const CENTRAL = 'CN central budget units';
const SRC_2015 = '中央预算单位2015-2016年政府集中采购目录及标准(国办发); http://m.51bbzg.com/article/2014/11/a224952.html';
const SRC_2017 = '中央预算单位2017—2018年政府集中采购目录及标准(印发2016-12-21); http://scl371.com/article/34801083_688671307.html';
const SRC_2020 = '中央预算单位政府集中采购目录及标准(2020年版) 国办发〔2019〕55号';
const SRC_2020_WHERE = 'puntacanagolftours.com mirror of ccgp; zuoy.net (Xinhua)';

/**
 * Central budget units (中央预算单位), 2015 onwards: the decentralised-procurement limit (分散采购限额标准,
 * from which the Government Procurement Law's procedures apply) and the public-tender limit
 * (公开招标数额标准) for goods and services; the decentralised limit for works. Works tendering
 * follows the Bidding Law (see {@link CN_NDRC}). No row before 2015.
 */
export const CN_CENTRAL: readonly ThresholdInput[] = [
  {
    id: 'CN-CENTRAL-2015-DECENT-GS', amount: '500000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 (Government Procurement Law procedures: 分散采购限额标准)',
    excludeCategories: ['B'], validFrom: '2015-01-01', validTo: '2016-12-31',
    label: 'Central budget units, decentralised-procurement limit, goods and services, 2015–2016',
    jurisdiction: CENTRAL, source: `${SRC_2015} (dates from the biennial label)`, status: 'partial',
  },
  {
    id: 'CN-CENTRAL-2015-DECENT-W', amount: '600000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 / 招标投标 (Government Procurement Law or Bidding Law apply)',
    categories: ['B'], validFrom: '2015-01-01', validTo: '2016-12-31',
    label: 'Central budget units, decentralised-procurement limit, works, 2015–2016',
    jurisdiction: CENTRAL, source: SRC_2015, status: 'partial',
  },
  {
    id: 'CN-CENTRAL-2015-OPEN-GS', amount: '1200000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '公开招标 (public tender)',
    excludeCategories: ['B'], validFrom: '2015-01-01', validTo: '2016-12-31',
    label: 'Central budget units, public-tender limit (single item), goods and services, 2015–2016',
    jurisdiction: CENTRAL, source: SRC_2015, status: 'partial',
  },
  {
    id: 'CN-CENTRAL-2017-DECENT-GS', amount: '1000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 (Government Procurement Law procedures: 分散采购限额标准)',
    excludeCategories: ['B'], validFrom: '2017-01-01', validTo: '2019-12-31',
    label: 'Central budget units, decentralised-procurement limit, goods and services, 2017–2019',
    jurisdiction: CENTRAL, source: `${SRC_2017} (amount verified; start date partial)`, status: 'partial',
  },
  {
    id: 'CN-CENTRAL-2017-DECENT-W', amount: '1200000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 / 招标投标 (Government Procurement Law or Bidding Law apply)',
    categories: ['B'], validFrom: '2017-01-01', validTo: '2019-12-31',
    label: 'Central budget units, decentralised-procurement limit, works, 2017–2019',
    jurisdiction: CENTRAL, source: SRC_2017, status: 'verified',
  },
  {
    id: 'CN-CENTRAL-2017-OPEN-GS', amount: '2000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '公开招标 (public tender)',
    excludeCategories: ['B'], validFrom: '2017-01-01', validTo: '2019-12-31',
    label: 'Central budget units, public-tender limit, goods and services, 2017–2019',
    jurisdiction: CENTRAL, source: SRC_2017, status: 'verified',
  },
  {
    id: 'CN-CENTRAL-2020-DECENT-GS', amount: '1000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 (Government Procurement Law procedures: 分散采购限额标准)',
    excludeCategories: ['B'], validFrom: '2020-01-01',
    label: 'Central budget units, decentralised-procurement limit, goods and services, 2020–',
    jurisdiction: CENTRAL, source: `${SRC_2020} §三; ${SRC_2020_WHERE}`, status: 'verified',
  },
  {
    id: 'CN-CENTRAL-2020-DECENT-W', amount: '1200000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '政府采购 / 招标投标 (Government Procurement Law or Bidding Law apply)',
    categories: ['B'], validFrom: '2020-01-01',
    label: 'Central budget units, decentralised-procurement limit, works, 2020–',
    jurisdiction: CENTRAL, source: `${SRC_2020} §三; ${SRC_2020_WHERE}`, status: 'verified',
  },
  {
    id: 'CN-CENTRAL-2020-OPEN-GS', amount: '2000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '公开招标 (public tender)',
    excludeCategories: ['B'], validFrom: '2020-01-01',
    label: 'Central budget units, public-tender limit (single item), goods and services, 2020– (not 4,000,000)',
    jurisdiction: CENTRAL, source: `${SRC_2020} §四; ${SRC_2020_WHERE}`, status: 'verified',
  },
];

const NDRC16 = '必须招标的工程项目规定 (NDRC Order No. 16, 2018) Art. 5; jshoyo.com; kmdc.gov.cn/c/2023-12-19/6785123.shtml';
const NDPC3 = '工程建设项目招标范围和规模标准规定 (原国家计委令第3号, 2000); http://www.cepow.com/show-16-17937-1.html';

/**
 * State-funded works projects (招标投标法): NDRC Order No. 16 from 2018-06-01, and its predecessor,
 * former State Planning Commission Order No. 3 (2000-05-01 to 2018-05-31). Per single contract:
 * works (B), important equipment and materials (A), survey / design / supervision services (C);
 * the predecessor also made tendering mandatory once the project's total investment reached
 * 30,000,000 CNY. Only records coded A/B/C are tested against the per-contract limits.
 */
export const CN_NDRC: readonly ThresholdInput[] = [
  {
    id: 'CN-NDRC16-W', amount: '4000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['B'], validFrom: '2018-06-01',
    label: 'Works construction, estimated single-contract value (NDRC Order 16 Art. 5(1))',
    jurisdiction: 'CN (all state-funded works projects)', source: `${NDRC16}(1)`, status: 'verified',
  },
  {
    id: 'CN-NDRC16-G', amount: '2000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['A'], validFrom: '2018-06-01',
    label: 'Important equipment and materials for works projects (NDRC Order 16 Art. 5(2))',
    jurisdiction: 'CN (all state-funded works projects)', source: `${NDRC16}(2)`, status: 'verified',
  },
  {
    id: 'CN-NDRC16-S', amount: '1000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['C'], validFrom: '2018-06-01',
    label: 'Survey, design and supervision services for works projects (NDRC Order 16 Art. 5(3))',
    jurisdiction: 'CN (all state-funded works projects)', source: `${NDRC16}(3)`, status: 'verified',
  },
  {
    id: 'CN-NDPC3-W', amount: '2000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['B'], validFrom: '2000-05-01', validTo: '2018-05-31',
    label: 'Works construction, single contract (State Planning Commission Order 3)',
    jurisdiction: 'CN', source: `${NDPC3} (amount verified; dates partial)`, status: 'partial',
  },
  {
    id: 'CN-NDPC3-G', amount: '1000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['A'], validFrom: '2000-05-01', validTo: '2018-05-31',
    label: 'Goods for works projects, single contract (State Planning Commission Order 3)',
    jurisdiction: 'CN', source: NDPC3, status: 'verified',
  },
  {
    id: 'CN-NDPC3-S', amount: '500000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory)', categories: ['C'], validFrom: '2000-05-01', validTo: '2018-05-31',
    label: 'Services for works projects, single contract (State Planning Commission Order 3)',
    jurisdiction: 'CN', source: NDPC3, status: 'verified',
  },
  {
    id: 'CN-NDPC3-TOTAL', amount: '30000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '招标 (tender mandatory even if single contracts are below their limits)',
    validFrom: '2000-05-01', validTo: '2018-05-31',
    label: 'Project total investment (State Planning Commission Order 3)',
    jurisdiction: 'CN', source: NDPC3, status: 'verified',
  },
];

const HZ_2018 =
  '2018年度杭州市政府采购目录和限额标准, as cited by the 2018-09-30 rectification report of the Hangzhou Chengxi sci-tech corridor party working committee';

/**
 * Hangzhou municipal catalogue (杭州市政府采购目录和限额标准), goods and services: 2011 (decentralised
 * procurement from 100,000 CNY) and 2018 (300,000 and 1,000,000 CNY, the figures of the case this
 * project grew from). Only those two years are sourced: 2012–2017 and 2019 onwards have no row, so
 * purchases then have no Hangzhou threshold in force.
 */
export const CN_HANGZHOU: readonly ThresholdInput[] = [
  {
    id: 'CN-HZ-2011-DECENT', amount: '100000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '分散采购 (decentralised government procurement)', excludeCategories: ['B'],
    validFrom: '2011-01-01', validTo: '2011-12-31',
    label: 'Hangzhou 2011, decentralised procurement, goods and services outside the centralised catalogue',
    jurisdiction: 'CN Hangzhou', source: '2011年杭州市政府采购目录和限额标准 杭政办函〔2011〕12号; http://caigou2003.com/cz/zjjg/2015-03-04/26679.html',
    status: 'verified',
  },
  {
    id: 'CN-HZ-2018-DECENT', amount: '300000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '分散采购 (decentralised government procurement)', excludeCategories: ['B'],
    validFrom: '2018-01-01', validTo: '2018-12-31',
    label: 'Hangzhou 2018, decentralised procurement, goods and services',
    jurisdiction: 'CN Hangzhou', source: HZ_2018, status: 'verified',
  },
  {
    id: 'CN-HZ-2018-OPEN', amount: '1000000', currency: 'CNY', comparison: 'atOrAbove',
    procedure: '公开招标 (public tender)', excludeCategories: ['B'],
    validFrom: '2018-01-01', validTo: '2018-12-31',
    label: 'Hangzhou 2018, public tender, goods and services',
    jurisdiction: 'CN Hangzhou', source: HZ_2018, status: 'verified',
  },
];
