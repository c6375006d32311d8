/**
 * How much a browser page pays for splitscan: bundles `import { detectSplits } from 'splitscan'`
 * (the built package in dist/, as a user's bundler sees it) with esbuild for the browser, minified,
 * and reports the bytes, gzipped too, and the largest inputs. Run `npm run build` first, then
 * `npm run bench:size` (or `tsx bench/size.ts`); `--json` prints the numbers as JSON.
 */
import { bundleSize } from './_bundleSize.js';

/** The entries measured: what a page imports. */
const CASES = [
  ['detectSplits', "import { detectSplits } from 'splitscan'; console.log(detectSplits);"],
  ['detectSplits + readLedger + getPreset', "import { detectSplits, readLedger, getPreset } from 'splitscan'; console.log(detectSplits, readLedger, getPreset);"],
  ['toHtml (splitscan/review)', "import { toHtml } from 'splitscan/review'; console.log(toHtml);"],
] as const;

const sizes = [];
for (const [entry, code] of CASES) sizes.push({ entry, ...(await bundleSize(code)) });
if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2));
else {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const s of sizes) {
    console.log(`${s.entry}: ${kb(s.bytes)} minified, ${kb(s.gzip)} gzipped`);
    for (const l of s.largest) console.log(`  ${kb(l.bytes).padStart(9)}  ${l.input}`);
  }
}
