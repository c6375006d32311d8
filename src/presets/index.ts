/**
 * Presets: the law as data. Threshold tables for China, the EU, the US, the UK, Ukraine and Brazil
 * (each threshold dated, sourced and marked verified or partial), and policy presets that bundle a
 * table with the grouping a law or practice uses. See docs/presets.md.
 */
export { getPreset, listPresets, presetNames, presetKey, presets } from './presets.js';
export type { PcardOptions } from './presets.js';
export { loadThresholds } from './load.js';
export type { Preset, PresetInfo, PresetKind, PresetOverrides } from './preset.js';
export { CN_CENTRAL, CN_HANGZHOU, CN_NDRC } from './tables/cn.js';
export {
  EU_CENTRAL, EU_CONCESSIONS, EU_SMALL_LOTS, EU_SOCIAL, EU_SUB_CENTRAL, EU_UTILITIES, EU_UTILITIES_SOCIAL, EU_WORKS,
} from './tables/eu.js';
export { US_MICRO_PURCHASE, US_SIMPLIFIED_ACQUISITION } from './tables/us.js';
export {
  UK_CENTRAL, UK_CONCESSIONS, UK_SMALL_LOTS, UK_SOCIAL, UK_SUB_CENTRAL, UK_UTILITIES, UK_UTILITIES_SOCIAL, UK_WORKS,
} from './tables/uk.js';
export { UA_THRESHOLDS } from './tables/ua.js';
export { BR_THRESHOLDS } from './tables/br.js';
