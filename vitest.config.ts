import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Suites whose results must not depend on the host's time zone: day numbers, calendar windows,
 * record validation and detection's properties (the oracle suite reads the same day numbers, and
 * the fuzz suite switches zones itself, in process, with test/helpers/zones.ts). Besides the main run
 * (in the host's zone), they run once more under each zone of TZ_RUNS, set in the worker's TZ before
 * any test code runs, so a fault that only a zone's own calendar shows cannot hide.
 */
const DATE_SUITES = [
  'test/_lib/days.test.ts',
  'test/cluster/window.test.ts',
  'test/records/validate.test.ts',
  'test/records/hostile.test.ts',
  'test/detect.properties.test.ts',
];

/**
 * Kiritimati (+14:00) skipped 1994-12-31 and Apia (+13:00, DST) skipped 2011-12-30 when they moved
 * across the date line. (The suites also switch zones in-process: test/helpers/zones.ts.)
 */
const TZ_RUNS = ['Pacific/Kiritimati', 'Pacific/Apia'];

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

export default defineConfig({
  // The command's package name and version, as tsup embeds them in dist/cli.js (src/cli/version.ts).
  define: { __SPLITSCAN_PACKAGE__: JSON.stringify({ name, version }) },
  test: {
    exclude: ['test/smoke/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // Vitest keeps one core free by default, which on a 2-core CI machine means one worker: the suite
    // then took 271 s against 195 s with two (measured in one session, same machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The review page inlines uPlot's stylesheet (`?raw`); vitest blanks CSS files unless told.
    css: { include: [/uPlot\.min\.css/u] },
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'] } },
      // Benchmarks (`vitest bench`) run once, in the main project.
      ...TZ_RUNS.map((tz) => ({ extends: true as const, test: { name: `TZ=${tz}`, include: DATE_SUITES, env: { TZ: tz }, benchmark: { include: [] } } })),
    ],
  },
});
