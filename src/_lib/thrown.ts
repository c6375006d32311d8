/**
 * What a thrown value says, in at most 200 characters, without letting it throw again (a caller's
 * getter may throw anything, including an object whose `toString` throws).
 *
 * @example
 * thrownText(new TypeError('no')) //=> 'TypeError: no'
 * thrownText('lost')              //=> 'lost'
 */
export function thrownText(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return text.length <= 200 ? text : `${text.slice(0, 200)}…`;
  } catch {
    return 'an error that cannot be shown';
  }
}
