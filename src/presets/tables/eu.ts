/**
 * EU procurement directives: thresholds revised every two years by Commission regulation, 2014–2027.
 * Values are net of VAT; a contract is covered when its estimated value is *equal to or greater
 * than* the threshold (Dir. 2014/24 Art. 4), so every row is `atOrAbove`.
 *
 * Category scope uses CPV: works are division 45 (`categories: ['45']`); supplies and services
 * thresholds apply to everything else (`excludeCategories: ['45']`), including records without a
 * CPV code. The light-touch (social and other specific services, Annex XIV) rows carry no category
 * scope because the sourced table gives no CPV list: use them on a ledger of Annex XIV services only,
 * or add `categories` yourself.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

type Scope = 'works' | 'supplies/services' | 'any';

function row(
  id: string,
  amount: string,
  scope: Scope,
  validFrom: string,
  validTo: string | undefined,
  label: string,
  source: string,
  procedure = 'EU-wide tender (Directive applies)',
): ThresholdInput {
  return {
    id, amount, currency: 'EUR', procedure, comparison: 'atOrAbove',
    ...(scope === 'works' ? { categories: ['45'] } : scope === 'supplies/services' ? { excludeCategories: ['45'] } : {}),
    validFrom, ...(validTo ? { validTo } : {}),
    vat: 'net', label, jurisdiction: 'EU', source, status: 'verified',
  };
}

const AUDITCORE = 'janpow77/auditcore packages/auditcore_procurement/.../procurement.hvtg-2026.09.3.json';

/** Public-sector works (Dir. 2014/24 Art. 4(a); before 18 April 2016, Dir. 2004/18 Art. 7). */
export const EU_WORKS: readonly ThresholdInput[] = [
  row('EU-2014-W', '5186000', 'works', '2014-01-01', '2015-12-31', 'EU works 2014–2015', `Reg (EU) 1336/2013 (Dir 2004/18 art.7; = orig. Dir 2014/24 art.4); ${AUDITCORE}`),
  row('EU-2016-W', '5225000', 'works', '2016-01-01', '2017-12-31', 'EU works 2016–2017', 'Del. Reg (EU) 2015/2170 (+2015/2342 for 2004/18); auditcore json; legislation.gov.uk/eur/2015/2170'),
  row('EU-2018-W', '5548000', 'works', '2018-01-01', '2019-12-31', 'EU works 2018–2019', 'Del. Reg (EU) 2017/2365; auditcore json'),
  row('EU-2020-W', '5350000', 'works', '2020-01-01', '2021-12-31', 'EU works 2020–2021', 'Del. Reg (EU) 2019/1828; auditcore json; ogp.gov.ie'),
  row('EU-2022-W', '5382000', 'works', '2022-01-01', '2023-12-31', 'EU works 2022–2023', 'Del. Reg (EU) 2021/1952; auditcore json; EC thresholds page (it)'),
  row('EU-2024-W', '5538000', 'works', '2024-01-01', '2025-12-31', 'EU works 2024–2025', 'Del. Reg (EU) 2023/2495; auditcore json; EC thresholds_en'),
  row('EU-2026-W', '5404000', 'works', '2026-01-01', '2027-12-31', 'EU works 2026–2027', 'Del. Reg (EU) 2025/2152 (22.10.2025); auditcore json; bidradar; mondaq'),
];

/** Supplies and services of central government authorities (Annex I) (Dir. 2014/24 Art. 4(b)). */
export const EU_CENTRAL: readonly ThresholdInput[] = [
  row('EU-2014-CG', '134000', 'supplies/services', '2014-01-01', '2015-12-31', 'EU central-government supplies/services 2014–2015', `Reg (EU) 1336/2013; ${AUDITCORE}`),
  row('EU-2016-CG', '135000', 'supplies/services', '2016-01-01', '2017-12-31', 'EU central-government supplies/services 2016–2017', 'Del. Reg (EU) 2015/2170; auditcore json; legislation.gov.uk/eur/2015/2170'),
  row('EU-2018-CG', '144000', 'supplies/services', '2018-01-01', '2019-12-31', 'EU central-government supplies/services 2018–2019', 'Del. Reg (EU) 2017/2365; auditcore json'),
  row('EU-2020-CG', '139000', 'supplies/services', '2020-01-01', '2021-12-31', 'EU central-government supplies/services 2020–2021', 'Del. Reg (EU) 2019/1828; auditcore json; ogp.gov.ie'),
  row('EU-2022-CG', '140000', 'supplies/services', '2022-01-01', '2023-12-31', 'EU central-government supplies/services 2022–2023', 'Del. Reg (EU) 2021/1952; auditcore json; EC thresholds page (it)'),
  row('EU-2024-CG', '143000', 'supplies/services', '2024-01-01', '2025-12-31', 'EU central-government supplies/services 2024–2025', 'Del. Reg (EU) 2023/2495; auditcore json; EC thresholds_en'),
  row('EU-2026-CG', '140000', 'supplies/services', '2026-01-01', '2027-12-31', 'EU central-government supplies/services 2026–2027', 'Del. Reg (EU) 2025/2152 (22.10.2025); auditcore json; bidradar; mondaq'),
];

/** Supplies and services of sub-central contracting authorities (Dir. 2014/24 Art. 4(c)). */
export const EU_SUB_CENTRAL: readonly ThresholdInput[] = [
  row('EU-2014-SC', '207000', 'supplies/services', '2014-01-01', '2015-12-31', 'EU sub-central supplies/services 2014–2015', `Reg (EU) 1336/2013; ${AUDITCORE}`),
  row('EU-2016-SC', '209000', 'supplies/services', '2016-01-01', '2017-12-31', 'EU sub-central supplies/services 2016–2017', 'Del. Reg (EU) 2015/2170; auditcore json; legislation.gov.uk/eur/2015/2170'),
  row('EU-2018-SC', '221000', 'supplies/services', '2018-01-01', '2019-12-31', 'EU sub-central supplies/services 2018–2019', 'Del. Reg (EU) 2017/2365; auditcore json'),
  row('EU-2020-SC', '214000', 'supplies/services', '2020-01-01', '2021-12-31', 'EU sub-central supplies/services 2020–2021', 'Del. Reg (EU) 2019/1828; auditcore json; ogp.gov.ie'),
  row('EU-2022-SC', '215000', 'supplies/services', '2022-01-01', '2023-12-31', 'EU sub-central supplies/services 2022–2023', 'Del. Reg (EU) 2021/1952; auditcore json; EC thresholds page (it)'),
  row('EU-2024-SC', '221000', 'supplies/services', '2024-01-01', '2025-12-31', 'EU sub-central supplies/services 2024–2025', 'Del. Reg (EU) 2023/2495; auditcore json; EC thresholds_en'),
  row('EU-2026-SC', '216000', 'supplies/services', '2026-01-01', '2027-12-31', 'EU sub-central supplies/services 2026–2027', 'Del. Reg (EU) 2025/2152 (22.10.2025); auditcore json; bidradar; mondaq'),
];

/**
 * Utilities supplies and services (Dir. 2014/25 Art. 15(a); before 18 April 2016, Dir. 2004/17).
 * The sourced table has no utilities-works row (by law equal to the works threshold): none is added.
 */
export const EU_UTILITIES: readonly ThresholdInput[] = [
  row('EU-2014-UT', '414000', 'supplies/services', '2014-01-01', '2015-12-31', 'EU utilities supplies/services 2014–2015', 'Reg 1336/2013 (Dir 2004/17); ec.europa.eu/internal_market/publicprocurement/rules/current; telles.eu'),
  row('EU-2016-UT', '418000', 'supplies/services', '2016-01-01', '2017-12-31', 'EU utilities supplies/services 2016–2017', 'Del. Reg 2015/2171 (regulation number unverified; value verified); legalblog.ie/utilities-2; telles.eu'),
  row('EU-2018-UT', '443000', 'supplies/services', '2018-01-01', '2019-12-31', 'EU utilities supplies/services 2018–2019', 'Del. Reg 2017/2364; arfon-consulting 2017-12-22; equal-partners.eu'),
  row('EU-2020-UT', '428000', 'supplies/services', '2020-01-01', '2021-12-31', 'EU utilities supplies/services 2020–2021', 'Del. Reg 2019/1829 (regulation number unverified; value verified); ogp.gov.ie'),
  row('EU-2022-UT', '431000', 'supplies/services', '2022-01-01', '2023-12-31', 'EU utilities supplies/services 2022–2023', 'Del. Reg 2021/1953 (regulation number unverified; value verified); EC thresholds page; github-wiki-see procure-project'),
  row('EU-2024-UT', '443000', 'supplies/services', '2024-01-01', '2025-12-31', 'EU utilities supplies/services 2024–2025', 'Del. Reg 2023/2496 (regulation number unverified; value verified); mondaq 1696870; cobrief'),
  row('EU-2026-UT', '432000', 'supplies/services', '2026-01-01', '2027-12-31', 'EU utilities supplies/services 2026–2027', 'Del. Reg 2025/2150 (CELEX 32025R2150)'),
];

/** Concessions (Dir. 2014/23 Art. 8). The sourced table covers 2024–2027 only. */
export const EU_CONCESSIONS: readonly ThresholdInput[] = [
  row('EU-2024-CONC', '5538000', 'any', '2024-01-01', '2025-12-31', 'EU concessions 2024–2025', 'Del. Reg 2023/2497; EC thresholds_en'),
  row('EU-2026-CONC', '5404000', 'any', '2026-01-01', '2027-12-31', 'EU concessions 2026–2027', 'Del. Reg 2025/2151'),
];

/** Social and other specific services, public sector (light-touch regime, Dir. 2014/24 Art. 4(d), Annex XIV). */
export const EU_SOCIAL: readonly ThresholdInput[] = [
  row('EU-LTR', '750000', 'any', '2016-04-18', undefined, 'EU social and other specific services (Annex XIV; no CPV list in the source table)', 'Dir 2014/24 art.4(d) (unchanged); EC page', 'light-touch regime applies'),
];

/** Social and other specific services, utilities (Dir. 2014/25 Art. 15(c)). */
export const EU_UTILITIES_SOCIAL: readonly ThresholdInput[] = [
  row('EU-LTR-UT', '1000000', 'any', '2016-04-18', undefined, 'EU utilities social and other specific services (no CPV list in the source table)', 'Dir 2014/25 art.15(c); mondaq; arfon', 'light-touch regime applies'),
];

/**
 * Small lots (Dir. 2014/24 Art. 5(10)): a lot below these values may be awarded outside the
 * Directive, provided such lots total at most 20% of the aggregate value of all lots (a condition
 * this table cannot check).
 */
export const EU_SMALL_LOTS: readonly ThresholdInput[] = [
  row('EU-LOT-SS', '80000', 'supplies/services', '2016-04-18', undefined, 'EU small lot, supplies/services (Art. 5(10)(a))', 'Dir 2014/24 art.5(10)', 'award under the Directive (lot not exempt as a small lot)'),
  row('EU-LOT-W', '1000000', 'works', '2016-04-18', undefined, 'EU small lot, works (Art. 5(10)(b))', 'Dir 2014/24 art.5(10)', 'award under the Directive (lot not exempt as a small lot)'),
];
