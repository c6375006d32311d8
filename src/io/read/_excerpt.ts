/** The longest excerpt of input text a message or a reject value carries. */
export const EXCERPT = 60;

/**
 * At most `max` characters of `text`, cut with `…` (and its full length) when longer, so no message
 * echoes a giant cell or line.
 *
 * @example
 * excerpt('x'.repeat(100), 10) //=> 'xxxxxxxxxx… (100 characters)'
 */
export function excerpt(text: string, max = EXCERPT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters)`;
}
