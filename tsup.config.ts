import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

/** `import text from 'file?raw'`: the file's text, embedded at build time (the review page's chart library). */
const rawText: Plugin = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, async (args) => {
      const found = await build.resolve(args.path.slice(0, -'?raw'.length), { resolveDir: args.resolveDir, kind: args.kind });
      // The path keeps its `?raw`, so loaders keyed on extensions (tsup's CSS) leave it alone.
      return found.errors.length ? { errors: found.errors } : { path: `${found.path}?raw`, namespace: 'raw-text' };
    });
    build.onLoad({ filter: /\?raw$/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path.slice(0, -'?raw'.length), 'utf8'), loader: 'text' }));
  },
};

/** `{ name, version }` of package.json, for the command's `--version` and reports' provenance. */
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

export default defineConfig([
  {
    // ESM: the core, node and simulate entries as one file per source module (transpiled, not
    // bundled), so a user's bundler sees the module graph and, with `"sideEffects": false`, drops the
    // modules an import does not reach (the preset tables, the ledger readers' schemas …). Every
    // entry imports the same dist/errors.js, so the error classes are shared.
    entry: ['src/**/*.ts', '!src/cli/**', '!src/review/**'],
    format: ['esm'],
    bundle: false,
    target: 'node20',
    clean: true,
  },
  {
    // CommonJS: bundled, with the code several entries use (the io layer, the error classes) in
    // shared chunks, so the entries share one copy of each class.
    entry: { index: 'src/index.ts', node: 'src/node.ts', simulate: 'src/simulate.ts' },
    format: ['cjs'],
    target: 'node20',
    clean: false,
    splitting: true,
    treeshake: true,
  },
  {
    // The declarations of both module systems.
    entry: { index: 'src/index.ts', node: 'src/node.ts', simulate: 'src/simulate.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
    target: 'node20',
    clean: false,
  },
  {
    // `splitscan/review`: the auditor's desk (HTML report with uPlot embedded, decisions, diffs),
    // built on its own so the core bundle and its declarations stay as they are.
    entry: { review: 'src/review/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    target: 'node20',
    clean: false,
    splitting: false,
    treeshake: true,
    esbuildPlugins: [rawText],
  },
  {
    // The `splitscan` command (its --format html embeds the review page's chart library too), one
    // file: what a scan does not need (the page, diff, inspect, decisions) is run only when
    // imported, and zod and decimal.js are bundled in, as resolving and loading zod's hundred
    // module files took half of the command's start-up.
    // The worker thread that reads a range of a large file (src/node/readWorker.ts), bundled the same
    // way beside it, so `splitscan/node` and the command start it from one file.
    entry: { cli: 'src/cli/main.ts', readWorker: 'src/node/readWorker.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    clean: false,
    splitting: false,
    esbuildPlugins: [rawText],
    define: { __SPLITSCAN_PACKAGE__: JSON.stringify({ name, version }) },
    noExternal: ['zod', 'decimal.js'],
  },
]);
