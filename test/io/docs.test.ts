/**
 * The `console` examples of docs/cli.md, run: each `$ splitscan …` line is run by the command
 * (src/cli/main.ts) from the project folder, `< FILE` as its standard input, and what it prints
 * (stdout then stderr) must be the text the example shows under it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = readFileSync(join(root, 'docs/cli.md'), 'utf8');

interface Example {
  readonly command: string;
  readonly expected: string;
}

/** The `$ splitscan …` commands of the console blocks and the output shown under each. */
function examples(text: string): Example[] {
  const out: Example[] = [];
  for (const block of text.matchAll(/```console\n([^]*?)```/gu)) {
    const lines = (block[1] as string).split('\n');
    let current: { command: string; output: string[] } | undefined;
    for (const line of lines) {
      if (line.startsWith('$ ')) {
        if (current) out.push({ command: current.command, expected: current.output.join('\n').trimEnd() });
        current = { command: line.slice(2), output: [] };
      } else current?.output.push(line);
    }
    if (current) out.push({ command: current.command, expected: current.output.join('\n').trimEnd() });
  }
  return out;
}

/** Splits a command line as a shell would for these examples: words, quotes, and `< FILE`. */
function argv(command: string): { args: string[]; stdin?: string } {
  const words = [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/gu)].map((m) => m[1] ?? m[2] ?? (m[3] as string));
  const at = words.indexOf('<');
  return at < 0 ? { args: words } : { args: [...words.slice(0, at), ...words.slice(at + 2)], stdin: words[at + 1] as string };
}

describe('docs/cli.md examples', () => {
  const list = examples(docs);

  it('has examples of inspect, several files, standard input, encodings, quotes and bounds', () => {
    const commands = list.map((e) => e.command).join('\n');
    for (const shown of ['inspect test/fixtures/io/docs/cards.csv', 'docs/months', 'inspect -', '--encoding', 'long-cell']) expect(commands).toContain(shown);
  });

  it.each(list.map((e) => [e.command, e] as const))('$ %s', (_command, example) => {
    const { args, stdin } = argv(example.command);
    expect(args[0]).toBe('splitscan');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args.slice(1)], {
      cwd: root,
      encoding: 'utf8',
      ...(stdin !== undefined ? { input: readFileSync(join(root, stdin)) } : {}),
    });
    expect(`${r.stdout}${r.stderr}`.trimEnd()).toBe(example.expected);
  });
});
