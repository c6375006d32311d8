/**
 * The `splitscan` commands of the docs' shell blocks, run on the built command (dist/cli.js): each
 * `splitscan scan|inspect|presets|diff …` on files in the repository must exit 0 or 1 and write
 * something — or, where a `console` transcript shows it stopping (`[exit N]`, N ≥ 2), exit N and
 * print what the transcript shows (`transcriptMatches`). Each block runs in order in a fresh directory holding `seeds/`
 * and `test/fixtures/`, so a command may read what an earlier one of its block wrote; `< FILE` is
 * its standard input. Which commands run and why the others do not: `planCommands`
 * (test/docs/_extract.ts), conventions in docs/examples.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SHELL_LANGS, markdownBlocks, markdownFiles, planCommands, repoHas, transcriptMatches, where } from '../docs/_extract.js';

/**
 * Commands known to fail until other work lands, with the reason: reported as `todo`, and checked
 * still to fail (an entry that passes, or names no command, fails the suite).
 */
const PENDING: Readonly<Record<string, string>> = {};

const CLI = join(ROOT, 'dist/cli.js');
const blocks = markdownFiles()
  .flatMap((f) => markdownBlocks(f))
  .filter((b) => SHELL_LANGS.has(b.lang));

/** Runs a command's words after `splitscan` in a directory, `stdin` (a path in it) as its input; the status, and whether it wrote anything. */
function runIn(dir: string, words: readonly string[], outputs: readonly string[], stdin?: string): { status: number | null; wrote: boolean; stdout: string; stderr: string } {
  const input = stdin !== undefined ? { input: readFileSync(join(dir, stdin)) } : {};
  // A report of a real ledger (every reject listed) runs to megabytes: room beyond the 1 MiB default.
  const r = spawnSync(process.execPath, [CLI, ...words.slice(1)], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...input });
  const wrote = r.stdout.trim() !== '' || outputs.some((o) => existsSync(join(dir, o)) && readFileSync(join(dir, o)).length > 0);
  return { status: r.status, wrote, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'splitscan-docs-'));
  symlinkSync(join(ROOT, 'seeds'), join(dir, 'seeds'), 'dir');
  mkdirSync(join(dir, 'test'));
  symlinkSync(join(ROOT, 'test/fixtures'), join(dir, 'test/fixtures'), 'dir');
  dirs.push(dir);
  return dir;
}

const seen = new Set<string>();
for (const block of blocks) {
  describe(`${where(block)} (sh)`, () => {
    let dir: string | undefined;
    const here = (): string => (dir ??= freshDir());
    for (const c of planCommands(block, repoHas)) {
      const name = `${c.file}:${c.line}`;
      seen.add(name);
      const title = `${name} $ ${c.text}`;
      if (c.skip !== undefined) it.skip(`${title} — ${c.skip}`, () => {});
      else if (PENDING[name] !== undefined) {
        it.todo(`${title} — pending: ${PENDING[name]}`);
        it(`${name} is still pending (fails)`, () => {
          const r = runIn(here(), c.words, c.outputs, c.stdin);
          expect(r.status === 0 || r.status === 1 ? r.wrote : false, `${name} passes now: remove it from PENDING`).toBe(false);
        });
      } else if (c.exit !== undefined && c.exit >= 2) {
        it(`${title} (stops as shown)`, () => {
          const r = runIn(here(), c.words, c.outputs, c.stdin);
          expect(r.status, `${name}: ${r.stderr}`).toBe(c.exit);
          const printed = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
          expect(transcriptMatches(printed, c.shown ?? ''), `${name} printed\n${printed.join('\n')}\ninstead of\n${c.shown ?? ''}`).toBe(true);
        });
      } else {
        it(title, () => {
          const r = runIn(here(), c.words, c.outputs, c.stdin);
          expect(r.status, `${name}: ${r.stderr}`).toBeOneOf([0, 1]);
          expect(r.wrote, `${name} wrote nothing`).toBe(true);
        });
      }
    }
  });
}

it('PENDING names only commands of the docs', () => {
  expect(Object.keys(PENDING).filter((k) => !seen.has(k))).toEqual([]);
});
