/**
 * What the command says when it stops: one line (`splitscan: …`) that names flags, not library
 * calls, and the exit code that goes with it.
 */
import { isInputError, isOptionsError, type OptionIssue } from '../errors.js';
import { terminalLines } from '../io/write/escape.js';
import { UsageError } from './args.js';
import { flagOf } from './flags.js';

/** Exit codes, documented in `--help` and docs/cli.md. */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, internal: 4 } as const;

/** Where an option came from when no flag sets it: an `--options` file, or the library's name. */
export interface IssueContext {
  /** True when the options came from `--options FILE` (paths no flag sets are reported under it). */
  readonly optionsFile?: boolean;
  /** True when the thresholds are the one of `--threshold` (its procedure from `--procedure`, its comparison from `--comparison`). */
  readonly threshold?: boolean;
}

/** The flag that set a part of the `--threshold` threshold: `thresholds[0].procedure` → `--procedure`. */
function thresholdFlag(path: readonly (string | number)[]): string {
  return path[2] === 'procedure' ? '--procedure' : path[2] === 'comparison' ? '--comparison' : '--threshold';
}

/** An option path as a reader sees it: `thresholds[1].amount`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * One option issue in the command's words: the flag that set the option and, below it, the part
 * of the value at fault, e.g. `--thresholds [1].amount: threshold "b": must be a positive decimal`.
 */
export function issueText(issue: OptionIssue, context: IssueContext = {}): string {
  const { message } = issue;
  // An issue of no option (a file without a column it needs) names its fixes itself.
  if (issue.path.length === 0) return message;
  if (context.threshold && issue.path[0] === 'thresholds') return `${thresholdFlag(issue.path)}: ${message}`;
  const flag = flagOf(issue.path);
  if (flag === undefined) return `${context.optionsFile ? '--options ' : 'option '}${pathText(issue.path)}: ${message}`;
  const depth = flagDepth(issue.path, flag);
  const rest = issue.path.slice(depth);
  return `${flag}${rest.length ? ` ${pathText(rest).replace(/^\./u, '')}` : ''}: ${message}`;
}

/** How many leading path segments the flag covers. */
function flagDepth(path: readonly (string | number)[], flag: string): number {
  for (let n = path.length; n > 0; n--) if (flagOf(path.slice(0, n)) === flag && flagOf(path.slice(0, n - 1)) !== flag) return n;
  return 0;
}

/**
 * The line to print and the exit code for an error the command stopped on: usage and option
 * errors exit 2 (naming the flag), unreadable input 3, anything else is a bug (4). Control
 * characters in the message (from a file name or a header) are shown as escapes.
 */
export function failure(e: unknown, context: IssueContext = {}): { readonly code: number; readonly message: string } {
  const text = (m: string) => terminalLines(`splitscan: ${m}`);
  if (e instanceof UsageError) return { code: EXIT.usage, message: `${text(e.message)}\nRun \`splitscan --help\` for usage.` };
  if (isOptionsError(e)) return { code: EXIT.usage, message: text(e.issues.map((i) => issueText(i, context)).join('; ')) };
  if (isInputError(e)) return { code: EXIT.input, message: text(e.message) };
  const message = (e as Error)?.message ?? String(e);
  return { code: EXIT.internal, message: text(`internal error: ${message.split('\n')[0] ?? ''} (a bug: please report it)`) };
}
