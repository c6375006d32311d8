import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // `index` is the platform-neutral core; `node` adds file loaders for Node.js; `simulate` holds the
    // ground-truth simulator and its evaluation, out of the core. Code several entries use (the io
    // layer, the error classes) goes to shared chunks, so the entries share one copy of each class
    // per module system.
    entry: { index: 'src/index.ts', node: 'src/node.ts', simulate: 'src/simulate.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    clean: true,
    splitting: true,
    treeshake: true,
  },
  {
    // The `splitscan` command.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    clean: false,
    splitting: false,
  },
]);
