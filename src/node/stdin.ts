/**
 * Which streams are standard input: `process.stdin`, and those the command made of it after reading
 * its first bytes ({@link asStdin}). `loadLedger` names these `-` ("standard input"); any other
 * stream has no file name ("a stream").
 */
const STDIN = new WeakSet<object>();

/** Marks `stream` as standard input, read on from where the command peeked; returns it. */
export function asStdin<T extends object>(stream: T): T {
  STDIN.add(stream);
  return stream;
}

/** True for `process.stdin` and the streams marked by {@link asStdin}. */
export function isStdin(stream: object): boolean {
  return stream === process.stdin || STDIN.has(stream);
}
