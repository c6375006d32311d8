import { defineConfig } from 'vitest/config';

// Runs against the built package in dist/ (after `npm run build`), not the sources.
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
