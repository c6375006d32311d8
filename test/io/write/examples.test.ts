/** The doc-comment examples of src/io/write and src/cli, run: each expected value is the one the comment shows after `//=>`. */
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../../src/io/write/csv.js';
import { markdownText, safeJson, terminalText } from '../../../src/io/write/escape.js';
import { amount, count, plural } from '../../../src/io/write/numbers.js';
import { colorEnabled } from '../../../src/cli/color.js';
import { flagOf } from '../../../src/cli/flags.js';
import { getPreset } from '../../../src/presets/index.js';

describe('doc-comment examples', () => {
  it('escape, csv, numbers', () => {
    expect(neutralizeCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutralizeCell('-718.35')).toBe('-718.35');
    expect(neutralizeCell('-1+1')).toBe("'-1+1");
    expect(neutralizeCell('Acme Ltd')).toBe('Acme Ltd');
    expect(terminalText('ACME\u001b]8;;http://x\u0007')).toBe('ACME\\x1b]8;;http://x\\x07');
    expect(terminalText('Café 杭州')).toBe('Café 杭州');
    expect(markdownText('<img src=x onerror=alert(1)> | [a](http://x)')).toBe('\\<img src\\=x onerror\\=alert\\(1\\)\\> \\| \\[a\\]\\(http\\://x\\)');
    expect(safeJson({ vendor: 'a\u202eb' })).toBe('{"vendor":"a\\u202eb"}');
    expect(amount('1594200')).toBe('1,594,200.00');
    expect(amount('-718.35')).toBe('-718.35');
    expect(count(3556)).toBe('3,556');
    expect(plural(2, 'finding')).toBe('2 findings');
  });

  it('cli, presets', () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(flagOf(['thresholds', 2, 'amount'])).toBe('--thresholds');
    expect(getPreset('uk-pa2023', { tier: 'sub-central' }).thresholds.some((t) => t.id === 'UK-2024-central')).toBe(false);
  });
});
