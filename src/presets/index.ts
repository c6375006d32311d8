/**
 * Presets: the law as data. Threshold tables for China, the EU, the US, the UK, Ukraine and Brazil
 * (each threshold dated, sourced and marked verified or partial), and policy presets that bundle a
 * table with the grouping a law or practice uses. See docs/presets.md.
 */
export { getPreset, listPresets, presetNames, presetKey, presets } from './presets.js';
export type { PcardOptions } from './presets.js';
export { loadThresholds } from './load.js';
export type { Preset, PresetInfo, PresetKind, PresetOverrides } from './preset.js';
