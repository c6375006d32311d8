import type { PageData } from '../../src/review/_page.js';

/** Values a hostile or careless ledger could hold. */
export const PAYLOADS = ['<script>alert(1)</script>', '</script><script>alert(2)</script>', '<img src=x onerror=alert(3)>', '" onmouseover="alert(4)', "' onfocus='alert(5)", 'javascript:alert(6)', 'line\u2028separator\u2029end', '<!-- comment', '&amp; &lt;'];

/** The page's data element, parsed. */
export function pageData(html: string): PageData {
  const m = /<script type="application\/json" id="splitscan-data">([^]*?)<\/script>/u.exec(html);
  if (!m) throw new Error('no data element');
  return JSON.parse(m[1] as string) as PageData;
}

