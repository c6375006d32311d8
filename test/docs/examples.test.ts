/**
 * Every example of the documentation, run: each `@example` of a doc comment in src/ and each
 * ```ts / ```js block of README.md and docs/*.md is one test named by its file and line, found
 * automatically (test/docs/_extract.ts) and run by the conventions of docs/examples.md
 * (test/docs/_run.ts). Shell blocks are listed here; the smoke suite runs their `splitscan`
 * commands on the built command (test/smoke/docs.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RUN_LANGS, SHELL_LANGS, allExamples, planCommands, repoHas, where, type Example } from './_extract.js';
import { ENTRIES, LIBRARIES, fixtures, publicApi } from './_fixtures.js';
import { compileExample, shapeProblems } from './_run.js';

/**
 * Examples known to fail, in files other work is changing now: reported as `todo` with the reason,
 * and checked still to fail (an entry that passes, or names no example, fails the suite).
 */
const PENDING: Readonly<Record<string, string>> = {};

const examples = allExamples();
const fx = fixtures();
const api = publicApi();

async function load(spec: string): Promise<Record<string, unknown>> {
  return ENTRIES[spec] ?? ((await import(/* @vite-ignore */ spec)) as Record<string, unknown>);
}

/** What an example sees: the fixtures, `Decimal` and `z`, the public API, and its own module's exports. */
async function scopeOf(e: Example): Promise<Record<string, unknown>> {
  const own = e.file.startsWith('src/') ? ((await import(/* @vite-ignore */ join(ROOT, e.file))) as Record<string, unknown>) : {};
  return { ...fx, ...LIBRARIES, ...api, ...own };
}

/** Runs an example; throws what fails. */
async function runExample(e: Example): Promise<void> {
  const problems = shapeProblems(e);
  if (problems.length > 0) throw new Error(`${where(e)}: ${problems.join('; ')}`);
  const scope = await scopeOf(e);
  if (e.shape === undefined) {
    await compileExample(e).run(scope, load);
    return;
  }
  // A value of the type it documents: it must evaluate, and pass the type's zod schema if the API has one.
  let value: unknown;
  await compileExample({ ...e, code: `__value(${e.code}\n)` }).run({ ...scope, __value: (v: unknown) => (value = v) }, load);
  const schema = api[`${e.shape.name[0]?.toLowerCase()}${e.shape.name.slice(1)}Schema`] as { safeParse?: (v: unknown) => { success: boolean; error?: unknown } } | undefined;
  const parsed = schema?.safeParse?.(value);
  if (parsed && !parsed.success) throw new Error(`${where(e)}: not a valid ${e.shape.name}: ${String(parsed.error)}`);
}

const runnable = examples.filter((e) => RUN_LANGS.has(e.lang));

describe('doc examples', () => {
  for (const e of runnable) {
    const name = where(e);
    if (e.badInfo !== undefined) {
      it(name, () => {
        throw new Error(`${name}: unexpected "${e.badInfo}" after ${e.file.endsWith('.md') ? 'the fence' : '@example'}: write nothing, or (not run: reason)`);
      });
    } else if (e.notRun !== undefined) {
      if (e.notRun === '') {
        it(name, () => {
          throw new Error(`${name}: (not run: …) needs a reason`);
        });
      } else it.skip(`${name} (not run: ${e.notRun})`, () => {});
    } else if (PENDING[name] !== undefined) {
      it.todo(`${name} — pending: ${PENDING[name]}`);
    } else {
      it(name, () => runExample(e));
    }
  }

  it('PENDING lists only examples that exist and still fail', async () => {
    const byName = new Map(runnable.map((e) => [where(e), e]));
    const stale: string[] = [];
    for (const name of Object.keys(PENDING)) {
      const e = byName.get(name);
      if (e === undefined) stale.push(`${name}: no example starts there`);
      else if (await runExample(e).then(() => true, () => false)) stale.push(`${name}: passes now, remove it from PENDING`);
    }
    expect(stale).toEqual([]);
  });
});

describe('shell blocks (listed; test/smoke/docs.test.ts runs their splitscan commands)', () => {
  const blocks = examples.filter((e) => SHELL_LANGS.has(e.lang));
  for (const block of blocks) {
    for (const c of planCommands(block, repoHas)) {
      it.skip(`${c.file}:${c.line} $ ${c.text} — ${c.skip ?? 'run by the smoke suite on dist/cli.js'}`, () => {});
    }
  }
  it('finds the commands of every shell block', () => {
    for (const block of blocks) expect(planCommands(block, () => true).length, where(block)).toBeGreaterThan(0);
  });
});

describe('the harness', () => {
  it('maps every entry of package.json to its sources', () => {
    const exports = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
    const entries = Object.keys(exports).filter((k) => k !== './package.json').map((k) => `splitscan${k.slice(1)}`);
    expect(Object.keys(ENTRIES).sort()).toEqual(entries.sort());
  });

  it('no fixture or library hides a name of the public API', () => {
    const names = [...Object.keys(fx), ...Object.keys(LIBRARIES)];
    expect(names.filter((n) => n in api)).toEqual([]);
  });

  it('docs/examples.md lists exactly the fixtures', () => {
    const text = readFileSync(join(ROOT, 'docs/examples.md'), 'utf8');
    const section = /## Fixtures\n([^]*?)(\n## |$)/u.exec(text)?.[1] ?? '';
    const listed = [...section.matchAll(/^\| `(\w+)` \|/gmu)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(fx).sort());
  });
});
