/**
 * US federal acquisition: the micro-purchase threshold (MPT) and the simplified acquisition
 * threshold (SAT), FAR 2.101, from FASA 1994 to today. A micro-purchase is an acquisition whose
 * aggregate amount *does not exceed* the MPT, and simplified procedures cover acquisitions not
 * exceeding the SAT, so the next procedure is triggered only *above* the amount: every row is
 * `above`. Rows apply to all categories: the lower statutory MPTs for construction (Davis-Bacon)
 * and services (Service Contract Labor Standards) are not in the sourced table.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

// FAR subpart 13.2 is the micro-purchase itself; above it, simplified acquisition procedures solicit competition (13.104, 13.106-1).
const MPT = 'competitive quotations (simplified acquisition procedures above the micro-purchase threshold, FAR 13.104 and 13.106-1)';
const SAT = 'full FAR procedures (above the simplified acquisition threshold, FAR 13)';

/** Micro-purchase thresholds, 1995-07-03 onwards. */
export const US_MICRO_PURCHASE: readonly ThresholdInput[] = [
  {
    id: 'US-MPT-1', amount: '2500', currency: 'USD', procedure: MPT, comparison: 'above',
    validFrom: '1995-07-03', validTo: '2006-09-27', label: 'Micro-purchase threshold $2,500',
    jurisdiction: 'US federal', status: 'partial',
    source: 'FASA 1994 (41 USC 1902) / FAR 2.101; dol.gov/oasam/regs/statutes/fasa1.htm; Stat. 108-3347 (start date per DOL page)',
  },
  {
    id: 'US-MPT-2', amount: '3000', currency: 'USD', procedure: MPT, comparison: 'above',
    validFrom: '2006-09-28', validTo: '2015-09-30', label: 'Micro-purchase threshold $3,000',
    jurisdiction: 'US federal', status: 'partial',
    source: "FAC 2005-13 FAR Case 2004-033 71 FR 57363; edocket.access.gpo.gov/2006/06-8206.htm; governmentcontractslawblog 2010 (value via 2010 rule 'remains $3000')",
  },
  {
    id: 'US-MPT-3', amount: '3500', currency: 'USD', procedure: MPT, comparison: 'above',
    validFrom: '2015-10-01', validTo: '2020-08-30', label: 'Micro-purchase threshold $3,500',
    jurisdiction: 'US federal', status: 'verified', source: 'FAC 2005-83 FAR Case 2014-022; smartpay.gsa.gov',
  },
  {
    id: 'US-MPT-4', amount: '10000', currency: 'USD', procedure: MPT, comparison: 'above',
    validFrom: '2020-08-31', validTo: '2025-09-30', label: 'Micro-purchase threshold $10,000',
    jurisdiction: 'US federal', status: 'verified',
    source: 'NDAA FY2018 s.806 (statute 2017-12-12; CAAC deviation 2018-02-16); FAR Case 2018-004 (FAR text in force 2020-08-31); smallgovcon FAR final rule; nvsbc.org',
  },
  {
    id: 'US-MPT-5', amount: '15000', currency: 'USD', procedure: MPT, comparison: 'above',
    validFrom: '2025-10-01', label: 'Micro-purchase threshold $15,000',
    jurisdiction: 'US federal', status: 'verified',
    source: 'FAC 2025-06 FAR Case 2024-001 90 FR 41872; frtracker.app/fr/2025-16412; smallgovcon; GSA bulletin',
  },
];

/** Simplified acquisition thresholds, 1995-07-03 onwards. */
export const US_SIMPLIFIED_ACQUISITION: readonly ThresholdInput[] = [
  {
    id: 'US-SAT-1', amount: '100000', currency: 'USD', procedure: SAT, comparison: 'above',
    validFrom: '1995-07-03', validTo: '2010-09-30', label: 'Simplified acquisition threshold $100,000',
    jurisdiction: 'US federal', status: 'partial', source: 'FASA 1994 / FAR 2.101; dol.gov FASA page',
  },
  {
    id: 'US-SAT-2', amount: '150000', currency: 'USD', procedure: SAT, comparison: 'above',
    validFrom: '2010-10-01', validTo: '2020-08-30', label: 'Simplified acquisition threshold $150,000',
    jurisdiction: 'US federal', status: 'verified',
    source: 'FAC 2005-45 FAR Case 2008-024 75 FR 53129; bipc.com; Federal Register copy',
  },
  {
    id: 'US-SAT-3', amount: '250000', currency: 'USD', procedure: SAT, comparison: 'above',
    validFrom: '2020-08-31', validTo: '2025-09-30', label: 'Simplified acquisition threshold $250,000',
    jurisdiction: 'US federal', status: 'verified',
    source: 'NDAA FY2018 s.805 (statute 2017-12-12); FAR Case 2018-004; smallgovcon; nvsbc.org',
  },
  {
    id: 'US-SAT-4', amount: '350000', currency: 'USD', procedure: SAT, comparison: 'above',
    validFrom: '2025-10-01', label: 'Simplified acquisition threshold $350,000',
    jurisdiction: 'US federal', status: 'verified',
    source: 'FAC 2025-06 FAR Case 2024-001 90 FR 41872; frtracker.app/fr/2025-16412; smallgovcon; GSA bulletin',
  },
];
