/**
 * The docs runner itself: what it extracts, and that an example whose shown value is wrong fails
 * (a runner that passes everything would pass every doc).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docExamples, markdownBlocks, planCommands, repoHas, shellCommands, transcriptMatches, type Example } from './_extract.js';
import { ExampleError, compileExample, project, shapeProblems } from './_run.js';

const example = (code: string, over: Partial<Example> = {}): Example => ({ file: 'x.ts', line: 10, codeLine: 11, lang: 'ts', code, ...over });
const SCOPE = {
  double: (x: number) => x * 2,
  fail: (m: string) => {
    throw new RangeError(m);
  },
  later: async (x: unknown) => x,
};
const noImports = (spec: string): Promise<Record<string, unknown>> => Promise.resolve(spec === 'lib' ? { a: 1 } : {});
const run = (code: string): Promise<void> => compileExample(example(code)).run(SCOPE, noImports);

describe('compileExample', () => {
  it('passes an example whose values are right, and counts its assertions', async () => {
    const code = "const x = double(2)\nx //=> 4\ndouble(x);\n//=> 8\n[1, 2].map(double) //=> [2, 4]\nawait later({ a: 'b' }) //=> { a: 'b' }";
    expect(compileExample(example(code)).assertions).toBe(4);
    await run(code);
  });

  it('fails an example whose value is wrong, naming the file line of the //=>', async () => {
    await expect(run('double(2) //=> 4\ndouble(3) //=> 7')).rejects.toThrow(/^x\.ts:12: double\(3\)/u);
    await expect(run("({ a: 1, b: 2 }) //=> { a: 1 }")).rejects.toThrow();
    await expect(run('[1, 2, 3] //=> [1, 2]')).rejects.toThrow();
    await expect(run('later(5) //=> 6')).rejects.toThrow();
  });

  it('joins a value continued on // lines, a line break reading as a space', async () => {
    await run("'a long sentence'\n//=> 'a long\n//    sentence'");
    await run('({ a: 1,\n  b: [2, 3] })\n//=> { a: 1,\n//    b: [2, 3] }');
    // A complete value does not take the comment below it.
    await run('double(1) //=> 2\n// a remark');
  });

  it('reads … as "starts with" and "at least these"', async () => {
    await run("'Together these 6 purchases' //=> 'Together…'");
    await expect(run("'Together these' //=> 'Apart…'")).rejects.toThrow();
    await run('({ a: 1, b: { c: 2, d: 3 }, e: 4 }) //=> { a: 1, b: { c: 2, … }, … }');
    await expect(run('({ a: 1, e: 4 }) //=> { a: 2, … }')).rejects.toThrow();
    await expect(run('({ e: 4 }) //=> { a: undefined, f: 1, … }')).rejects.toThrow();
    await run('[1, 2, 3] //=> [1, …]');
    await expect(run('[1, 2, 3] //=> [2, …]')).rejects.toThrow();
    await run("'a…b' //=> 'a…b'");
    expect(() => compileExample(example('double(1) //=> …'))).toThrow(ExampleError);
  });

  it('checks //=> throws: the name, and the message or its start', async () => {
    await run("fail('bad input') //=> throws RangeError 'bad input'");
    await run("fail('bad input here') //=> throws RangeError 'bad…'");
    await run("fail('x') //=> throws RangeError");
    await expect(run("fail('x') //=> throws TypeError")).rejects.toThrow(/threw RangeError/u);
    await expect(run("fail('bad') //=> throws RangeError 'good'")).rejects.toThrow();
    await expect(run('double(1) //=> throws RangeError')).rejects.toThrow(/should throw RangeError/u);
  });

  it('rejects an example that breaks a convention, saying where', () => {
    expect(() => compileExample(example('const x = 1 //=> 1'))).toThrow(/line 11: `\/\/=>` must follow an expression/u);
    expect(() => compileExample(example('//=> 1'))).toThrow(/follows no statement/u);
    expect(() => compileExample(example('double(1) //=> 2\n//=> 2'))).toThrow(/line 12:.*one `\/\/=>` a statement/u);
    expect(() => compileExample(example('double([1,\n//=> 2\n 2])'))).toThrow(ExampleError);
    expect(() => compileExample(example('double(1)\n//=> 2\n[1].map(double) //=> [2]'))).toThrow(/end this statement with `;`/u);
    expect(() => compileExample(example('double(('))).toThrow(/does not parse/u);
    expect(() => compileExample(example('export const a = 1'))).toThrow(/exports nothing/u);
  });

  it('reads imports through the loader and fails on a name the module does not export', async () => {
    await run("import { a } from 'lib'\na //=> 1");
    await run("import type { T } from 'lib'\nimport * as lib from 'lib'\nlib.a //=> 1");
    await expect(run("import { b } from 'lib'")).rejects.toThrow(/'lib' has no export `b`/u);
  });

  it('reports the line of a statement that throws', async () => {
    await expect(run("double(1)\nfail('boom')")).rejects.toThrow(/^x\.ts:12: boom/u);
  });
});

describe('project', () => {
  // JSON-like values: no string ends in the marker.
  const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes('…'));
  it('leaves values without markers as they are, so the check is plain toEqual', () => {
    fc.assert(
      fc.property(json, json, (a, e) => {
        const [pa, pe] = project(a, e);
        expect(pa).toEqual(a);
        expect(pe).toEqual(e);
      }),
    );
  });

  it('a string ending in … matches exactly the strings it starts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (prefix, s) => {
        const [pa, pe] = project(s, `${prefix}…`);
        expect(pa === pe).toBe(s.startsWith(prefix));
      }),
    );
  });
});

describe('shapeProblems', () => {
  const shape = { name: 'T', required: ['a'], members: ['a', 'b'] };
  it('accepts a value with every required member and only declared ones', () => {
    expect(shapeProblems(example("{ a: 1, b: 'x' }", { shape }))).toEqual([]);
  });
  it('names an undeclared member and a missing required one', () => {
    expect(shapeProblems(example('{ b: 1, c: 2 }', { shape }))).toEqual(['T has no member `c`', "the value lacks T's required `a`"]);
    expect(shapeProblems(example('[1]', { shape }))).toEqual(['an example on T shows one object literal of that type']);
  });
});

describe('extraction', () => {
  it('finds @example blocks with their lines, markers and the type they sit on', () => {
    const source = [
      "const s = '/** @example nope */';", // 1
      '/**', // 2
      ' * Doubles.', // 3
      ' *', // 4
      ' * @example', // 5
      ' * double(2) //=> 4', // 6
      ' * @returns twice', // 7
      ' */', // 8
      'export function double(x: number) { return x * 2; }', // 9
      '/** A base. */', // 10
      'interface Base { a: number }', // 11
      '/**', // 12
      ' * @example (not run: needs a network)', // 13
      ' * { a: 1, b: 2 }', // 14
      ' */', // 15
      'export interface T extends Base { b?: number }', // 16
      '/** @example (nope) */', // 17
      'export const y = 1;', // 18
    ].join('\n');
    const found = docExamples('f.ts', source);
    expect(found.map((e) => [e.line, e.codeLine, e.code, e.notRun, e.badInfo])).toEqual([
      [5, 6, 'double(2) //=> 4', undefined, undefined],
      [13, 14, '{ a: 1, b: 2 }', 'needs a network', undefined],
      [17, 18, '', undefined, '(nope)'],
    ]);
    expect(found[1]?.shape).toEqual({ name: 'T', required: ['a'], members: ['a', 'b'] });
  });

  it('finds fenced blocks with their language, info and first code line', () => {
    const md = ['# T', '````` ```sh ````` is inline code', '```ts', 'a //=> 1', '```', '', '- item', '  ```js (not run: big file)', '  b', '  ```', '~~~sh', 'splitscan presets', '~~~'].join('\n');
    expect(markdownBlocks('d.md', md).map((b) => [b.line, b.codeLine, b.lang, b.code, b.notRun])).toEqual([
      [3, 4, 'ts', 'a //=> 1', undefined],
      [8, 9, 'js', 'b', 'big file'],
      [11, 12, 'sh', 'splitscan presets', undefined],
    ]);
  });

  it('splits shell blocks into commands, and plans which the smoke suite runs', () => {
    const block = example(
      [
        'npm ci && npm start   # builds',
        '# a comment',
        'splitscan scan seeds/a.csv --out out.json \\',
        '  --rejects "r j.csv"',
        'splitscan diff out.json seeds/b.json',
        'splitscan scan missing.csv --currency USD',
        'splitscan scan FILE [options]',
        'splitscan scan … --out x.json',
        'splitscan help',
      ].join('\n'),
      { lang: 'sh', file: 'd.md', codeLine: 5 },
    );
    expect(shellCommands(block).map((c) => [c.line, c.words])).toEqual([
      [5, ['npm', 'ci']],
      [5, ['npm', 'start']],
      [7, ['splitscan', 'scan', 'seeds/a.csv', '--out', 'out.json', '--rejects', 'r j.csv']],
      [9, ['splitscan', 'diff', 'out.json', 'seeds/b.json']],
      [10, ['splitscan', 'scan', 'missing.csv', '--currency', 'USD']],
      [11, ['splitscan', 'scan', 'FILE', '[options]']],
      [12, ['splitscan', 'scan', '…', '--out', 'x.json']],
      [13, ['splitscan', 'help']],
    ]);
    const plan = planCommands(block, (p) => p.startsWith('seeds/'));
    expect(plan.map((c) => c.skip === undefined)).toEqual([false, false, true, true, false, false, false, false]);
    expect(plan[2]?.outputs).toEqual(['out.json', 'r j.csv']);
    expect(plan[4]?.skip).toBe('names missing.csv, not in the repository');
  });

  it('reads a console block as a transcript: $ lines are commands, the lines under one its output', () => {
    const block = example(
      [
        '$ splitscan inspect seeds/a.csv',
        'seeds/a.csv  10 bytes',
        '  columns   id ← "n" (1)',
        '',
        '$ splitscan presets',
        'cn-central',
      ].join('\n'),
      { lang: 'console', file: 'd.md', codeLine: 3 },
    );
    expect(shellCommands(block).map((c) => [c.line, c.words, c.shown])).toEqual([
      [3, ['splitscan', 'inspect', 'seeds/a.csv'], 'seeds/a.csv  10 bytes\n  columns   id ← "n" (1)'],
      [7, ['splitscan', 'presets'], 'cn-central'],
    ]);
  });

  it('finds files, folders and patterns of the repository', () => {
    expect(repoHas('seeds/chengxi-2014.csv')).toBe(true);
    expect(repoHas('test/fixtures/io/docs/months/')).toBe(true);
    expect(repoHas('seeds/chengxi-*.csv')).toBe(true);
    expect(repoHas('seeds/chengxi-201?-01.csv')).toBe(true);
    expect(repoHas('seeds/nothing-*.csv')).toBe(false);
    expect(repoHas('toronto-pcard-by-year/')).toBe(false);
    expect(repoHas('seeds/chengxi-2014.cs')).toBe(false);
  });

  it('reads a last output line `[exit N]` as the exit status shown, not as output', () => {
    const block = example(['$ splitscan scan a.csv --preset pcrad', 'splitscan: unknown preset', '[exit 2]', '$ splitscan presets', 'cn-central'].join('\n'), { lang: 'console', file: 'd.md', codeLine: 1 });
    expect(shellCommands(block).map((c) => [c.shown, c.exit])).toEqual([
      ['splitscan: unknown preset', 2],
      ['cn-central', undefined],
    ]);
  });

  it('matches printed lines to a transcript: `…` alone is any lines, within a line any text', () => {
    const printed = ['read 3 rows', 'a', 'b', 'done'];
    expect(transcriptMatches(printed, 'read … rows\n…\ndone')).toBe(true);
    expect(transcriptMatches(printed, 'read 3 rows\na\nb\ndone')).toBe(true);
    expect(transcriptMatches(printed, '…')).toBe(true);
    expect(transcriptMatches([], '')).toBe(true);
    // Every line counts: none missing, none extra, none different.
    expect(transcriptMatches(printed, 'read 3 rows\na\ndone')).toBe(false);
    expect(transcriptMatches(printed, 'read 3 rows\n…')).toBe(true);
    expect(transcriptMatches(printed, 'read … rows')).toBe(false);
    expect(transcriptMatches(printed, 'read 4 rows\n…')).toBe(false);
    expect(transcriptMatches(['a.b'], 'a?b')).toBe(false);
    expect(transcriptMatches(['a?b'], 'a?b')).toBe(true);
  });

  it('takes `< FILE` as standard input, and a word ending in / as a folder the command reads', () => {
    const block = example(
      [
        'splitscan inspect - --encoding utf-8 < seeds/a.csv',
        'splitscan inspect - < gone.csv',
        'splitscan scan seeds/months/ --currency USD',
        'splitscan scan by-year/ --currency USD',
      ].join('\n'),
      { lang: 'sh', file: 'd.md', codeLine: 1 },
    );
    const plan = planCommands(block, (p) => p.startsWith('seeds/'));
    expect(plan.map((c) => [c.words, c.stdin, c.skip])).toEqual([
      [['splitscan', 'inspect', '-', '--encoding', 'utf-8'], 'seeds/a.csv', undefined],
      [['splitscan', 'inspect', '-'], 'gone.csv', 'names gone.csv, not in the repository'],
      [['splitscan', 'scan', 'seeds/months/', '--currency', 'USD'], undefined, undefined],
      [['splitscan', 'scan', 'by-year/', '--currency', 'USD'], undefined, 'names by-year/, not in the repository'],
    ]);
  });
});
