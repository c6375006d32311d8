import { defineConfig } from 'tsup';

export default defineConfig({
  // `index` is the platform-neutral core; `node` adds file loaders; `cli` is the `splitscan` binary.
  entry: { index: 'src/index.ts', node: 'src/node.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: true,
  treeshake: true,
});
