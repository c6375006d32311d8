/**
 * The exported tables (defaults, field lists, header aliases, statuses …) cannot be changed by a
 * caller: a change would alter detection for the whole process, for every other caller too.
 */
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as node from '../src/node.js';
import * as review from '../src/review/index.js';
import * as simulate from '../src/simulate.js';

/** zod schemas are objects too, and change nothing by being used. */
const isSchema = (v: object): boolean => '_zod' in v;

describe('exported tables', () => {
  it.each([
    ['splitscan', core],
    ['splitscan/node', node],
    ['splitscan/review', review],
    ['splitscan/simulate', simulate],
  ] as const)('%s: every exported array or plain object is frozen, and so is each list inside one', (_entry, mod) => {
    const open: string[] = [];
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'object' || value === null || isSchema(value)) continue;
      if (!Object.isFrozen(value)) open.push(name);
      // The lists of a table, and the entries of a list; not what a getter makes (`presets.eu`: a fresh copy to change at will).
      for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
        if ('value' in d && typeof d.value === 'object' && d.value !== null && !Object.isFrozen(d.value)) open.push(`${name}.${key}`);
      }
    }
    expect(open).toEqual([]);
  });

  it('a caller cannot widen the default skip methods', () => {
    expect(() => (core.DEFAULT_SKIP_METHODS as string[]).splice(0)).toThrow(TypeError);
    expect(core.DEFAULT_SKIP_METHODS.length).toBeGreaterThan(10);
  });
});
