/** The longest excerpt of input text a message or a reject value carries. */
export const EXCERPT = 60;

/**
 * At most `max` characters of `text`, cut with `…` (and its full length) when longer, so no message
 * echoes a giant cell or line; line breaks show as `↵`, so a message stays on one line.
 *
 * @example
 * excerpt('x'.repeat(100), 10) //=> 'xxxxxxxxxx… (100 characters)'
 */
export function excerpt(text: string, max = EXCERPT): string {
  const cut = text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters)`;
  return cut.replace(/\r\n|\r|\n/gu, '↵');
}
