/**
 * Safe HTML building blocks for the review pages: escaping text and attributes, embedding JSON and
 * scripts, and one page shell whose Content-Security-Policy allows no network access and runs only
 * the page's own scripts (by hash), so even a value that escaped escaping could not run or fetch.
 */
import { sha256Base64 } from './_sha256.js';

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml(`<img src=x onerror="alert('1')">`) //=> '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ENTITY[c] as string);
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>` and `&` are written as `\u003c` …
 * (so no `</script>` or `<!--` can end or change the element) and U+2028/U+2029 as escapes.
 * `JSON.parse` of the element's text gives the value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Script code made safe to inline: line ends normalised (the HTML parser does the same, and the CSP
 * hash is taken of what it sees).
 *
 * @throws {Error} when the code contains `</script` or `<!--`, which would end or alter the element.
 */
export function inlineScript(code: string): string {
  const text = code.replace(/\r\n?/gu, '\n');
  if (/<\/script|<!--/iu.test(text)) throw new Error('inline script contains </script or <!--');
  return text;
}

/** What {@link htmlPage} assembles. */
export interface HtmlPage {
  readonly title: string;
  /** Markup of the body, already escaped. */
  readonly body: string;
  /** Extra CSS. */
  readonly style?: string;
  /** Inline scripts run in order after the body (each made safe by {@link inlineScript}). */
  readonly scripts?: readonly string[];
}

/**
 * One self-contained HTML page: no external resources, and a Content-Security-Policy that forbids
 * every network request (`default-src 'none'`) and runs only the given scripts (by SHA-256 hash).
 */
export function htmlPage(page: HtmlPage): string {
  const scripts = (page.scripts ?? []).map(inlineScript);
  const scriptSrc = scripts.length ? scripts.map((s) => `'sha256-${sha256Base64(s)}'`).join(' ') : "'none'";
  const csp = `default-src 'none'; script-src ${scriptSrc}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="generator" content="splitscan">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${BASE_CSS}${page.style ?? ''}</style>`,
    '</head>',
    '<body>',
    page.body,
    ...scripts.map((s) => `<script>${s}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The look shared by the report and the diff pages. */
const BASE_CSS = `
:root{--fg:#1d2330;--muted:#5d6678;--line:#d9dde5;--bg:#fff;--soft:#f4f6f9;--accent:#1f5fa8;--warn:#9a5b00;--warnbg:#fff4de;--bad:#b3261e}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:16px 24px 48px;color:var(--fg);background:var(--bg);font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:600;white-space:nowrap}
.num{text-align:right;white-space:nowrap}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted{color:var(--muted)}
ul{margin:4px 0 8px;padding-left:20px}
.warnings{background:var(--warnbg);border:1px solid #f0c36d;border-radius:6px;padding:4px 14px;margin:10px 0}
.warnings h3{margin:6px 0;color:var(--warn)}
`;
