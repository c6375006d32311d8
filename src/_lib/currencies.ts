/**
 * ISO 4217 currency codes (current and recently withdrawn ones still seen in ledgers), as listed by
 * the ICU data of Node 20's Intl.supportedValuesOf('currency'), plus codes for withdrawn currencies
 * found in older ledgers (DEM, FRF, ITL, ESP, NLG, BEF, ATS, PTE, IEP, FIM, GRD, LTL, LVL, EEK, SKK,
 * SIT, CYP, MTL). Kept as data so the check is the same in every runtime.
 */
const CODES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW ZWG ZWL ' +
    'DEM FRF ITL ESP NLG BEF ATS PTE IEP FIM GRD LTL LVL EEK SKK SIT CYP MTL'
  ).split(' '),
);

/** True for a known ISO 4217 code (case-insensitive). */
export function isCurrencyCode(code: string): boolean {
  return CODES.has(code) || CODES.has(code.trim().toUpperCase());
}
