/**
 * The `console` transcripts of the docs, run in-process: every `$ splitscan …` line runs (`< FILE`
 * is its standard input), and what it prints (stdout then stderr) must be the lines shown under
 * it, as `transcriptMatches` reads them (`…` alone: any lines; within a line: any text), with the
 * exit status of a last line `[exit N]` (else 0). Files the examples write go to a fresh folder per
 * block; `seeds/`, `test/` and `docs/` are the repository's. A `$ sed -i 's/A/B/' FILE` line edits
 * a file as the reviewer would. (The smoke suite runs the same commands on the built command.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_LANGS, type ShellCommand, markdownBlocks, markdownFiles, planCommands, repoHas, shellCommands, transcriptMatches } from '../docs/_extract.js';
import { cli, repo, root } from './_run.js';

/** The output lines, without the blank lines at the end. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  return lines;
}

async function runTranscript(commands: readonly ShellCommand[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'splitscan-docs-'));
  // Paths in the repository stay there; any other file an example names is in the fresh folder.
  const path = (w: string) => (/^(seeds|test|docs)\//u.test(w) ? repo(w) : /^[\w.-]+\.(csv|json|md|html)$/u.test(w) ? join(dir, w) : w);
  const printed = (text: string) => text.split(`${dir}/`).join('').split(root).join('');
  for (const c of commands) {
    const [program, ...argv] = c.words;
    if (program === 'sed') {
      const [, script = '', file = ''] = argv;
      const [, from = '', to = ''] = /^s\/(.*?)\/(.*?)\/$/u.exec(script) ?? [];
      writeFileSync(path(file), readFileSync(path(file), 'utf8').split(from).join(to));
      continue;
    }
    expect(program, c.text).toBe('splitscan');
    const r = await cli(argv.map(path), c.stdin !== undefined ? { stdin: readFileSync(path(c.stdin)) } : {});
    expect(r.code, `${c.text}\n${r.err}`).toBe(c.exit ?? 0);
    const actual = linesOf(printed(`${r.out}${r.err}`));
    expect(transcriptMatches(actual, c.shown ?? ''), `${c.text}\nprinted\n${actual.join('\n')}\ninstead of\n${c.shown ?? ''}`).toBe(true);
  }
}

const transcripts = markdownFiles().flatMap((f) => markdownBlocks(f).filter((b) => b.lang === 'console'));

describe('the console transcripts of the docs', () => {
  it('are in docs/cli.md and docs/review.md', () => {
    expect([...new Set(transcripts.map((b) => b.file))]).toEqual(['docs/cli.md', 'docs/review.md']);
  });

  it('show inspect, several files, standard input, encodings, quotes and bounds', () => {
    const commands = transcripts.flatMap((b) => shellCommands(b)).map((c) => c.text).join('\n');
    for (const shown of ['inspect test/fixtures/io/docs/cards.csv', 'docs/months', 'inspect -', '--encoding', 'long-cell']) expect(commands).toContain(shown);
  });

  it.each(transcripts.map((b) => [`${b.file}:${b.line}`, b] as const))('%s runs as shown', async (_where, block) => {
    await runTranscript(shellCommands(block));
  });
});

describe('docs/cli.md', () => {
  it('names only files and folders a clone of the repository holds, so its commands run as written', () => {
    const missing = markdownBlocks('docs/cli.md')
      .filter((b) => SHELL_LANGS.has(b.lang))
      .flatMap((b) => planCommands(b, repoHas))
      .filter((c) => c.skip?.endsWith('not in the repository'))
      .map((c) => `${c.file}:${c.line} ${c.skip ?? ''}`);
    expect(missing).toEqual([]);
  });
});
