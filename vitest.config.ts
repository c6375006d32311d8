import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

export default defineConfig({
  // The command's package name and version, as tsup embeds them in dist/cli.js (src/cli/version.ts).
  define: { __SPLITSCAN_PACKAGE__: JSON.stringify({ name, version }) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/smoke/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // The review page inlines uPlot's stylesheet (`?raw`); vitest blanks CSS files unless told.
    css: { include: [/uPlot\.min\.css/u] },
  },
});
