/**
 * Ledger text in the terminal and Markdown reports: a payload in any field that comes from data
 * never reaches the terminal as a control sequence, and never becomes an element, attribute or
 * link of the rendered Markdown (checked with a real renderer, markdown-it, with raw HTML and
 * link detection on: the most permissive setting).
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../../src/io/write/formats.js';
import { buildReport } from '../../../src/io/write/scanReport.js';
import type { Finding } from '../../../src/report/finding.js';
import type { Reject } from '../../../src/records/record.js';

/** Text that breaks out of a table or a terminal when written raw. */
const PAYLOADS = [
  '\u001b[31mRED\u001b[0m', // ESC CSI colour
  '\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007', // OSC 8 hyperlink
  '\u001b]52;c;ZXZpbA==\u0007', // OSC 52 clipboard write
  'bell\u0007', '\u009b31mC1 CSI', 'back\bspace', 'lone\rCR', 'crlf\r\nline', 'line\nfeed', 'tab\there',
  '\u202egnp.exe', 'iso\u2066late\u2069', 'sep\u2028arator', 'nul\u0000', 'del\u007f',
  '# Injected heading', '\n# Heading after a newline', '\r# Heading after a CR', '| x | y |', '\r| a | b |\r|---|---|',
  '<script>alert(1)</script>', '</td></tr></table><script>x()</script>', '<img src=x onerror=alert(1)>',
  '![pixel](https://track.example/p.gif)', '[click](javascript:alert(1))', '<https://evil.example>', 'https://evil.example/x',
  'www.evil.example', 'mail@evil.example', '&lt;b&gt; &amp; &#60;i&#62;', '**bold** _em_ `code` ~~strike~~', '$x^2$',
  '> quote', '- list', '1. ordered', '---', '[ref]: https://evil.example', '<!-- comment -->', '<details open>', '\\|\\',
  '<a href="x" onclick="y">a</a>', '[![img](https://evil.example/i.png)](https://evil.example)',
];

const BENIGN = 'x';

/** A finding whose every data-derived text is `text`. */
function finding(text: string): Finding {
  return {
    id: 'Fdeadbeef', buyer: text, recordIds: [text, `${text}2`],
    parts: [
      { id: text, index: 0, date: '2014-11-04', vendor: text, amount: '286500', currency: 'CNY', converted: '286500', subject: text, category: text, project: text, method: text, document: text },
      { id: `${text}2`, index: 1, date: '2014-11-06', vendor: text, amount: '279800', currency: 'CNY', converted: '279800', subject: text },
    ],
    vendors: [text], total: '566300.00', currency: 'CNY',
    threshold: { id: text, amount: '300000', currency: 'CNY', procedure: text, comparison: 'atOrAbove', source: text, label: text },
    rule: { name: text, citation: text },
    start: '2014-11-04', end: '2014-11-06', spanDays: 2, score: 0.8,
    reasons: [{ code: 'justBelow', value: 1, strength: 1, weight: 2, message: text }],
    explanation: text,
  };
}

function report(text: string) {
  const rejects: Reject[] = [{ field: 'amount', path: ['amount'], code: 'invalid_amount', message: text, value: text, line: 3, column: text, file: text }];
  return buildReport({
    findings: [finding(text)], rejects, rows: 3, analysed: 2, lines: [5, 9], source: text,
    policy: { name: text, citation: text, description: text },
    warnings: [{ code: 'flag_rate', message: text, buyer: text }],
    provenance: {
      tool: { name: 'splitscan', version: '0.1.0' }, argv: ['scan', text],
      inputs: [{ file: text, bytes: 1, sha256: 'ab'.repeat(32), encoding: text, columns: { vendor: [text] }, rows: 3 }],
      reading: { map: { vendor: text } }, options: { thresholds: [{ id: text, amount: '1', currency: 'CNY', procedure: text }], name: text },
    },
  });
}

const md = new MarkdownIt({ html: true, linkify: true });

/** The elements and attributes of rendered HTML, in order: markdown-it escapes text, so every `<` is a tag. */
function structure(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][\w-]*)((?:\s[^>]*)?)>/gu)].map((m) => `${m[1]}${m[2]}`);
}

describe('Markdown report', () => {
  const expected = structure(md.render(formatReport(report(BENIGN), 'md')));

  it('renders with the benign text as a table per finding, reasons as a list', () => {
    expect(expected).toContain('table');
    expect(expected).toContain('li');
    expect(expected.filter((t) => t === 'h2')).toHaveLength(2); // the finding, and the provenance
    expect(expected).toContain('pre');
  });

  it.each(PAYLOADS)('renders %j as text: the same elements and attributes as a benign value', (payload) => {
    const rendered = md.render(formatReport(report(payload), 'md'));
    expect(structure(rendered)).toEqual(expected);
    expect(rendered).not.toMatch(/<(script|img|a|iframe|details)\b/iu);
  });
});

describe('JSON report', () => {
  it.each(PAYLOADS)('writes %j escaped where a terminal or editor would act on it, and reads back the same', (payload) => {
    const text = formatReport(report(payload), 'json');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report(payload))));
  });
});

describe('terminal table', () => {
  it.each(PAYLOADS)('prints %j with no control sequence', (payload) => {
    const text = formatReport(report(payload), 'table');
    // Line feeds separate the table's own lines; nothing else below U+0020, no DEL, no C1, no bidi control.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    // The benign report has as many lines: no line break came from data.
    expect(text.split('\n')).toHaveLength(formatReport(report(BENIGN), 'table').split('\n').length);
  });
});
