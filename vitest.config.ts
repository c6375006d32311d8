import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/smoke/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
  },
});
