import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UnionFind } from '../../src/cluster/unionFind.js';
import { runs } from '../helpers/runs.js';

/** Connected components of an edge list by repeated relabelling: slow and plain. */
function componentLabels(n: number, edges: readonly (readonly [number, number])[]): number[] {
  const label = Array.from({ length: n }, (_, i) => i);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of edges) {
      const m = Math.min(label[a] as number, label[b] as number);
      if (label[a] !== m || label[b] !== m) {
        label[a] = m;
        label[b] = m;
        changed = true;
      }
    }
  }
  return label;
}

const graph = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 60 })));

describe('UnionFind', () => {
  it('puts two elements in one set exactly when a chain of unions joins them', () => {
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const uf = new UnionFind(n);
        for (const [a, b] of edges) uf.union(a, b);
        const label = componentLabels(n, edges);
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(uf.find(a) === uf.find(b)).toBe(label[a] === label[b]);
      }),
      { numRuns: runs(300) },
    );
  });

  it('union says whether it joined two sets', () => {
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const uf = new UnionFind(n);
        let joins = 0;
        for (const [a, b] of edges) {
          const before = uf.find(a) === uf.find(b);
          const joined = uf.union(a, b);
          expect(joined).toBe(!before);
          if (joined) joins++;
        }
        // Every join removes one set.
        expect(new Set(Array.from({ length: n }, (_, i) => uf.find(i))).size).toBe(n - joins);
      }),
      { numRuns: runs(300) },
    );
  });
});
