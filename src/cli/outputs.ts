/**
 * The files a command writes, checked before it writes any: none may be a file it reads (the
 * ledger, a decisions register, a thresholds file … would be overwritten) or another output (two
 * writes to one file leave a corrupt file). Paths are compared as the file system resolves them.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type ScanArgs, UsageError } from './args.js';

/** A file, and the flag that names it (`FILE` for a ledger given as an argument). */
export interface NamedFile {
  readonly flag: string;
  readonly path: string;
}

/**
 * The real path of a file, or, for one not made yet, of its folder joined with its name;
 * `undefined` for a device or a pipe (`-o /dev/null --rejects /dev/null` discards both).
 */
export async function realPathOf(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info !== undefined) return info.isFile() ? realpath(path) : undefined;
  return realpath(dirname(path)).then((dir) => join(dir, basename(path)), () => resolve(path));
}

/** How a message names the file a flag gives. */
const what = (f: NamedFile): string => (f.flag === 'FILE' ? 'a file this command reads' : `the ${f.flag} file`);

/**
 * Refuses outputs that are inputs or each other. `may` lists pairs of an output flag and an input
 * flag that may name one file (`--decisions-template` appends to the `--decisions` register).
 *
 * @throws UsageError naming the flags and the path.
 */
export async function checkOutputs(outputs: readonly NamedFile[], inputs: readonly NamedFile[], may: readonly (readonly [string, string])[] = []): Promise<void> {
  const read = await Promise.all(inputs.filter((f) => f.path !== '-').map(async (f) => [await realPathOf(f.path), f] as const));
  const written = new Map<string, NamedFile>();
  for (const out of outputs) {
    const key = await realPathOf(out.path);
    if (key === undefined) continue;
    const before = written.get(key);
    if (before) throw new UsageError(`${before.flag} ${before.path} and ${out.flag} ${out.path} are the same file: give each its own`);
    written.set(key, out);
    const input = read.find(([k, f]) => k === key && !may.some(([o, i]) => o === out.flag && i === f.flag))?.[1];
    if (input) throw new UsageError(`${out.flag} ${out.path} is ${what(input)}: writing it would overwrite it; give another file`);
  }
}

/** Named files of the flags that are set. */
function named(entries: readonly (readonly [string, string | undefined])[]): NamedFile[] {
  return entries.flatMap(([flag, path]) => (path === undefined ? [] : [{ flag, path }]));
}

/** The files a scan writes, and those it reads besides the ledgers (`ledgers`: as given, or as read). */
export function scanFiles(args: ScanArgs, ledgers: readonly string[]): { outputs: NamedFile[]; inputs: NamedFile[] } {
  return {
    outputs: named([['--out', args.out], ['--rejects', args.rejects], ['--warnings', args.warnings], ['--decisions-template', args.decisionsTemplate]]),
    inputs: [
      ...ledgers.map((path) => ({ flag: 'FILE', path })),
      ...named([['--decisions', args.decisions], ['--options', args.optionsFile], ['--thresholds', args.thresholds], ['--map-file', args.mapFile]]),
    ],
  };
}

/** `--decisions-template` appends to the register `--decisions` reads: the one pair of an output and an input that may be one file. */
export const SCAN_MAY: readonly (readonly [string, string])[] = [['--decisions-template', '--decisions']];
