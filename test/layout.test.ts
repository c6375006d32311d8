/**
 * The source tree reads as the pipeline: no import cycles in src/, and no module imports a later
 * stage than its own. Reads the `import … from './…'` and `export … from './…'` lines of every
 * src/**\/*.ts file (type-only imports count: they tie the modules' designs together just the same).
 * zod is imported one way only, as `zod/mini`.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layers, lowest first: a module may import its own layer and lower ones only. A layer is
 * named by the first path segment under src/ (a folder, or a file without `.ts`).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['_lib', 'errors'],
  ['records', 'similarity'],
  ['thresholds'],
  ['options'],
  ['cluster'],
  ['score'],
  ['report'],
  ['detect'],
  ['presets', 'io', 'review', 'cli', 'simulate', 'evaluate', 'node'],
  ['index'],
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

type Graph = ReadonlyMap<string, readonly string[]>;

/** Relative module specifiers a TypeScript source imports or re-exports. */
function relativeImports(source: string): string[] {
  const out: string[] = [];
  const fromClause = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gmu;
  const bare = /^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gmu;
  for (const re of [fromClause, bare]) for (const m of source.matchAll(re)) out.push(m[1] as string);
  return out;
}

/** Every .ts file under a folder, as paths relative to it with `/` separators. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** The import graph of src/: file → files it imports (paths relative to src/). */
function importGraph(): Graph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(join(SRC, file), 'utf8');
    const targets = relativeImports(text).map((spec) => {
      const target = relative(SRC, resolve(SRC, dirname(file), spec.replace(/\.js$/u, '.ts'))).split(sep).join('/');
      return target.endsWith('.ts') ? target : `${target}/index.ts`;
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The layer of a file (relative to src/), or −1 when no layer names it. */
function layerOf(file: string): number {
  const head = (file.split('/')[0] as string).replace(/\.ts$/u, '');
  return LAYERS.findIndex((layer) => layer.includes(head));
}

/** One cycle of each strongly connected component with more than one file (or a self-import). */
function cycles(graph: Graph): string[][] {
  // Tarjan's algorithm, recursive: the graph is a few hundred files at most.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Imports that go from a lower layer to a higher one, as `from → to` lines. */
function upwardImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) if (layerOf(to) > layerOf(from)) out.push(`${from} → ${to}`);
  }
  return out.sort();
}

describe('the checks themselves', () => {
  it('read single-line, multi-line, type-only, re-export and bare imports, and nothing else', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      'import {',
      '  c,',
      '  d,',
      "} from './c.js';",
      "export { e } from './e.js';",
      "export type { F } from './f.js';",
      "import './side.js';",
      "import * as z from 'zod';",
      " * import { not } from './comment.js' (a doc comment)",
      "const s = 'from ./x.js';",
    ].join('\n');
    expect(relativeImports(text).sort()).toEqual(['../b/b.js', './a.js', './c.js', './e.js', './f.js', './side.js']);
  });

  it('find a cycle and an upward import', () => {
    const graph = new Map([
      ['detect.ts', ['options.ts']],
      ['options.ts', ['cluster/window.ts', 'detect.ts']],
      ['cluster/window.ts', ['_lib/days.ts']],
      ['_lib/days.ts', []],
    ]);
    expect(cycles(graph)).toEqual([['detect.ts', 'options.ts']]);
    expect(upwardImports(graph)).toEqual(['options.ts → cluster/window.ts', 'options.ts → detect.ts']);
    expect(cycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });
});

describe('src/ layout', () => {
  const graph = importGraph();

  it('reads some files (so the checks below mean something)', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('every file and every import target is in a layer, and every target exists', () => {
    const files = new Set(graph.keys());
    expect([...files].filter((f) => layerOf(f) < 0)).toEqual([]);
    expect([...graph.values()].flat().filter((t) => !files.has(t))).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it(`imports only its own layer or a lower one: ${LAYERS.map((l) => l.join(', ')).join(' ← ')}`, () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('imports zod only as zod/mini, the tree-shakable API (classic zod made the detectSplits browser bundle 67 KB larger)', () => {
    const from = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](zod[^'"]*)['"]/gmu;
    const zodImports = sourceFiles(SRC).flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(from)].map((m) => `${f}: ${m[1]}`));
    expect(zodImports.length).toBeGreaterThan(5);
    expect(zodImports.filter((i) => !i.endsWith(': zod/mini'))).toEqual([]);
  });
});
