/**
 * Ukraine, Law No. 922-VIII "On Public Procurement" (in force for all procuring entities from
 * 2016-08-01; central bodies from 2016-04-01, not encoded), revised by Law No. 114-IX from
 * 2020-04-19, and the martial-law rules of Cabinet Resolution No. 1178. The expected value triggers
 * the procedure *at or above* the amount. Subjects are ДК 021:2015 (= CPV) codes: works are
 * division 45 (`categories: ['45']`), goods and services everything else.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

const ORIG = 'Law 922-VIII (orig.) art.2(1); decentralization.gov.ua/en/news/3227';
const REV = 'Law 922-VIII as revised by Law 114-IX art.3(1)';

/** Ukrainian thresholds, 2016-08-01 onwards. */
export const UA_THRESHOLDS: readonly ThresholdInput[] = [
  {
    id: 'UA-2016-OPEN-GS', amount: '200000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: 'procurement procedure (open tender) in ProZorro', excludeCategories: ['45'],
    validFrom: '2016-08-01', validTo: '2020-04-18', vat: 'net',
    label: 'Open tender, goods and services (original Law 922-VIII)', jurisdiction: 'Ukraine',
    source: `${ORIG} (central bodies from 2016-04-01)`, status: 'verified',
  },
  {
    id: 'UA-2016-OPEN-W', amount: '1500000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: 'procurement procedure (open tender) in ProZorro', categories: ['45'],
    validFrom: '2016-08-01', validTo: '2020-04-18',
    label: 'Open tender, works (original Law 922-VIII)', jurisdiction: 'Ukraine', source: ORIG, status: 'verified',
  },
  {
    id: 'UA-2020-SIMPL', amount: '50000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: 'simplified procurement (below: report on the contract)', validFrom: '2020-04-19',
    label: 'Simplified procurement, goods, services and works', jurisdiction: 'Ukraine',
    source: `${REV}; antikalaw.com.ua; unian`, status: 'verified',
  },
  {
    id: 'UA-2020-OPEN-GS', amount: '200000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: 'open tender', excludeCategories: ['45'], validFrom: '2020-04-19',
    label: 'Open tender, goods and services (Law 114-IX)', jurisdiction: 'Ukraine',
    source: `${REV}; antikalaw.com.ua; unian; ti-ukraine.org`, status: 'verified',
  },
  {
    id: 'UA-2020-OPEN-W', amount: '1500000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: 'open tender', categories: ['45'], validFrom: '2020-04-19',
    label: 'Open tender, works (Law 114-IX)', jurisdiction: 'Ukraine', source: `${REV}; ti-ukraine.org`, status: 'verified',
  },
  {
    id: 'UA-ML-OPEN-GS', amount: '100000', currency: 'UAH', comparison: 'atOrAbove',
    procedure: "open tender 'with features' (martial law)", excludeCategories: ['45'], validFrom: '2022-10-19',
    label: 'Open tender with features, goods and services, during martial law (start date unverified; ends 90 days after martial law)',
    jurisdiction: 'Ukraine',
    source: "CMU Resolution 1178 (12.10.2022) 'Особливості' (martial law); ti-ukraine.org ('UAH 100,000 during martial law')",
    status: 'partial',
  },
];
