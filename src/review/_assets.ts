/**
 * The chart library the report page runs, embedded as text at build time (never read from disk at
 * run time): uPlot (MIT License, Copyright (c) 2022 Leon Sorokin), 51 KB minified (23 KB gzipped). Only the
 * `splitscan/review` entry carries it; the core bundle does not.
 */
import UPLOT_JS from 'uplot/dist/uPlot.iife.min.js?raw';
import UPLOT_CSS from 'uplot/dist/uPlot.min.css?raw';

/** The chart library: its name, version (read from its banner), licence and code. */
export const CHART_LIBRARY = {
  name: 'uPlot',
  version: /\(v([\d.]+)\)/u.exec(UPLOT_JS)?.[1] ?? 'unknown',
  license: 'MIT License, Copyright (c) 2022 Leon Sorokin',
  js: UPLOT_JS,
  css: UPLOT_CSS,
} as const;
