import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Runs against the built package in dist/ (after `npm run build`), not the sources.
export default defineConfig({
  test: {
    include: ['test/smoke/**/*.test.ts'],
    testTimeout: 120_000,
    // Two workers even on two cores (Vitest's default keeps one free): see vitest.config.ts.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
