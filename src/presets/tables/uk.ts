/**
 * United Kingdom: the EU thresholds in sterling under the Public Contracts Regulations 2015 (and
 * PCR 2006 before 26 February 2015), then the GPA thresholds set by UK regulations, then the
 * Procurement Act 2023 Schedule 1 from 24 February 2025. The sourced table packs several
 * categories into one row; each is a separate threshold here, with the row's id plus a suffix
 * (`UK-2024-works`, `UK-2024-central` …) and the row's source.
 *
 * Values are net of VAT until 2021 and *include* VAT from 2022 (`vat: 'gross'`): compare them with
 * gross ledger amounts. A contract is covered at or above the amount. Category scope uses CPV:
 * works `['45']`, supplies and services everything else.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

type Kind =
  | 'works' | 'central' | 'sub-central' | 'ltr' | 'utilities' | 'utilities-defence' | 'utilities-ltr'
  | 'concessions' | 'small-lots-ss' | 'small-lots-works';

const KIND_LABEL: Record<Kind, string> = {
  works: 'works',
  central: 'central government supplies/services',
  'sub-central': 'sub-central supplies/services',
  ltr: 'light-touch regime (social and other specific services)',
  utilities: 'utilities supplies/services',
  'utilities-defence': 'utilities and defence & security supplies/services',
  'utilities-ltr': 'utilities light-touch regime',
  concessions: 'concessions',
  'small-lots-ss': 'small lots, supplies/services',
  'small-lots-works': 'small lots, works',
};

function scope(kind: Kind): Pick<ThresholdInput, 'categories' | 'excludeCategories'> {
  if (kind === 'works' || kind === 'small-lots-works') return { categories: ['45'] };
  if (kind === 'central' || kind === 'sub-central' || kind === 'utilities' || kind === 'utilities-defence' || kind === 'small-lots-ss') {
    return { excludeCategories: ['45'] };
  }
  return {};
}

interface Row {
  readonly id: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly vat: 'net' | 'gross';
  readonly procedure: string;
  readonly source: string;
  readonly jurisdiction?: string;
}

function split(row: Row, amounts: Partial<Record<Kind, string>>): ThresholdInput[] {
  return (Object.entries(amounts) as [Kind, string][]).map(([kind, amount]) => ({
    id: `${row.id}-${kind}`,
    amount,
    currency: 'GBP',
    procedure: kind === 'small-lots-ss' || kind === 'small-lots-works' ? `${row.procedure} (lot not exempt as a small lot)` : row.procedure,
    comparison: 'atOrAbove',
    ...scope(kind),
    validFrom: row.validFrom,
    ...(row.validTo ? { validTo: row.validTo } : {}),
    vat: row.vat,
    label: `UK ${row.validFrom.slice(0, 4)}, ${KIND_LABEL[kind]}`,
    jurisdiction: row.jurisdiction ?? 'UK',
    source: row.source,
    status: 'verified',
  }));
}

const R2014: Row = { id: 'UK-2014', validFrom: '2014-01-01', validTo: '2015-12-31', vat: 'net', procedure: 'OJEU notice', source: 'PCR 2006 / PCR 2015 (EU thresholds in GBP); govopps.co.uk/ec-thresholds' };
const R2016: Row = { id: 'UK-2016', validFrom: '2016-01-01', validTo: '2017-12-31', vat: 'net', procedure: 'OJEU notice', source: 'PPN 18/15 (PCR 2015); pelicanprocurement.co.uk' };
const R2018: Row = { id: 'UK-2018', validFrom: '2018-01-01', validTo: '2019-12-31', vat: 'net', procedure: 'OJEU notice', source: 'PPN (PCR 2015); scceu.org; bipsolutions' };
const R2020: Row = { id: 'UK-2020', validFrom: '2020-01-01', validTo: '2021-12-31', vat: 'net', procedure: 'OJEU / Find a Tender notice', source: 'PPN 06/19 (PCR 2015); devonshires; scceu.org' };
const R2022: Row = { id: 'UK-2022', validFrom: '2022-01-01', validTo: '2023-12-31', vat: 'gross', procedure: 'Find a Tender notice', source: 'SI 2021 GPA Thresholds (Amendment) Regs; PPN 10/21; addleshawgoddard; thecpc.ac.uk' };
const R2024: Row = { id: 'UK-2024', validFrom: '2024-01-01', validTo: '2025-12-31', vat: 'gross', procedure: 'regulated procurement', source: 'SI 2023 GPA Thresholds (Amendment) Regs; PPN 11/23; PA2023 Sch.1 (as amended before 2025-02-24); sharpepritchard.co.uk; devonshires' };
const R2026: Row = {
  id: 'UK-2026', validFrom: '2026-01-01', vat: 'gross', procedure: 'public contract (Procurement Act 2023)', jurisdiction: 'UK (not Wales-devolved)',
  source: 'Procurement Act 2023 (Threshold Amounts)(Amendment) Regs 2025 SI 2025/1200; arthurcox/mondaq; policy-wire.co.uk; devonshires',
};

/** Works (CPV 45), 2014 onwards. */
export const UK_WORKS: readonly ThresholdInput[] = [
  ...split(R2014, { works: '4322012' }),
  ...split(R2016, { works: '4104394' }),
  ...split(R2018, { works: '4551413' }),
  ...split(R2020, { works: '4733252' }),
  ...split(R2022, { works: '5336937' }),
  ...split(R2024, { works: '5372609' }),
  ...split(R2026, { works: '5193000' }),
];

/** Central-government supplies/services, 2014 onwards. */
export const UK_CENTRAL: readonly ThresholdInput[] = [
  ...split(R2014, { central: '111676' }),
  ...split(R2016, { central: '106047' }),
  ...split(R2018, { central: '118133' }),
  ...split(R2020, { central: '122976' }),
  ...split(R2022, { central: '138760' }),
  ...split(R2024, { central: '139688' }),
  ...split(R2026, { central: '135018' }),
];

/** Sub-central supplies/services, 2014 onwards. */
export const UK_SUB_CENTRAL: readonly ThresholdInput[] = [
  ...split(R2014, { 'sub-central': '172514' }),
  ...split(R2016, { 'sub-central': '164176' }),
  ...split(R2018, { 'sub-central': '181302' }),
  ...split(R2020, { 'sub-central': '189330' }),
  ...split(R2022, { 'sub-central': '213477' }),
  ...split(R2024, { 'sub-central': '214904' }),
  ...split(R2026, { 'sub-central': '207720' }),
];

/** Light-touch regime (social and other specific services), public sector, 2014 onwards. No CPV list. */
export const UK_SOCIAL: readonly ThresholdInput[] = [
  ...split(R2014, { ltr: '625050' }),
  ...split(R2016, { ltr: '589148' }),
  ...split(R2018, { ltr: '615278' }),
  ...split(R2020, { ltr: '663540' }),
  ...split(R2022, { ltr: '663540' }),
  ...split(R2024, { ltr: '663540' }),
  ...split(R2026, { ltr: '663540' }),
];

/** Utilities supplies/services, 2018 onwards (no sourced row for 2014–2017). From 2026 also defence and security. */
export const UK_UTILITIES: readonly ThresholdInput[] = [
  ...split(R2018, { utilities: '363424' }),
  ...split(R2020, { utilities: '378660' }),
  ...split(R2022, { utilities: '426955' }),
  ...split(R2024, { utilities: '429809' }),
  ...split(R2026, { 'utilities-defence': '415440' }),
];

/** Utilities light-touch regime: sourced for 2026 onwards only. */
export const UK_UTILITIES_SOCIAL: readonly ThresholdInput[] = [...split(R2026, { 'utilities-ltr': '884720' })];

/** Concessions: sourced for 2024 onwards only. */
export const UK_CONCESSIONS: readonly ThresholdInput[] = [
  ...split(R2024, { concessions: '5372609' }),
  ...split(R2026, { concessions: '5193000' }),
];

/** Small lots (supplies/services and works): sourced for 2022–2023 only. */
export const UK_SMALL_LOTS: readonly ThresholdInput[] = [...split(R2022, { 'small-lots-ss': '70778', 'small-lots-works': '884720' })];
