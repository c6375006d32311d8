import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/smoke/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // The review page inlines uPlot's stylesheet (`?raw`); vitest blanks CSS files unless told.
    css: { include: [/uPlot\.min\.css/u] },
  },
});
