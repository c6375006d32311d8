/**
 * Brazil, Lei 14.133/2021 Art. 75: direct award without tender (dispensa) is allowed only *below*
 * the limits, so a licitação is due at or above them (`atOrAbove`). Limits are updated every January
 * by decree. Inciso I covers works and engineering services and vehicle maintenance; inciso II all
 * other services and purchases. Brazilian ledgers carry no category code that separates the two, so
 * both rows apply to every record; the larger (I) wins when both are crossed. Set `categories` on the
 * `-I` rows if your ledger has a works code.
 */
import type { ThresholdInput } from '../../thresholds/threshold.js';

function pair(year: number, i: string, ii: string, validFrom: string, validTo: string | undefined, act: string, where: string): ThresholdInput[] {
  const common = { currency: 'BRL', comparison: 'atOrAbove' as const, validFrom, ...(validTo ? { validTo } : {}), jurisdiction: 'Brazil', status: 'verified' as const };
  return [
    {
      id: `BR-${year}-I`, amount: i, procedure: 'licitação (dispensa not allowed: Art. 75 I)', ...common,
      label: `Dispensa limit ${year}, works and engineering services, vehicle maintenance (Art. 75 I)`,
      source: `${act} (art.75 I); ${where}`,
    },
    {
      id: `BR-${year}-II`, amount: ii, procedure: 'licitação (dispensa not allowed: Art. 75 II)', ...common,
      label: `Dispensa limit ${year}, other services and purchases (Art. 75 II)`,
      source: `${act} (art.75 II); ${where}`,
    },
  ];
}

/** Brazilian dispensa limits, 2021-04-01 onwards. */
export const BR_THRESHOLDS: readonly ThresholdInput[] = [
  ...pair(2021, '100000', '50000', '2021-04-01', '2021-12-31', 'Lei 14.133/2021', 'peam.adv.br; isata.com.br'),
  ...pair(2022, '108040.82', '54020.41', '2022-01-01', '2022-12-31', 'Decreto 10.922/2021', 'jurishand.com/decreto-10922-de-30-dezembro-2021'),
  ...pair(2023, '114416.65', '57208.33', '2023-01-01', '2023-12-31', 'Decreto 11.317/2022', 'licitacao.com.br (2023 article) and repositories citing it'),
  ...pair(2024, '119812.02', '59906.02', '2024-01-01', '2024-12-31', 'Decreto 11.871/2023', 'repositories citing it'),
  ...pair(2025, '125451.15', '62725.59', '2025-01-01', '2025-12-31', 'Decreto 12.343/2024', 'licitacao.com.br/decreto-no-12-343-de-30-de-dezembro-de-2024'),
  ...pair(2026, '130984.20', '65492.11', '2026-01-01', undefined, 'Decreto 12.807/2025', 'consultpublica.com.br; metapublica'),
];
