/**
 * How much a browser page pays for splitscan: bundles `import { detectSplits } from 'splitscan'`
 * (the built package in dist/, as a user's bundler sees it) with esbuild for the browser, minified,
 * and reports the bytes, gzipped too, and the largest inputs. Run `npm run build` first, then
 * `npm run bench:size` (or `tsx bench/size.ts`); `--json` prints the numbers as JSON.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The entries measured: what a page imports. */
const CASES = [
  ['detectSplits', "import { detectSplits } from 'splitscan'; console.log(detectSplits);"],
  ['detectSplits + readLedger + getPreset', "import { detectSplits, readLedger, getPreset } from 'splitscan'; console.log(detectSplits, readLedger, getPreset);"],
  ['toHtml (splitscan/review)', "import { toHtml } from 'splitscan/review'; console.log(toHtml);"],
] as const;

interface Size {
  readonly entry: string;
  readonly bytes: number;
  readonly gzip: number;
  /** The five largest input folders (`zod/v4/locales`, `dist` …), by bytes in the output. */
  readonly largest: readonly { readonly input: string; readonly bytes: number }[];
}

async function measure(entry: string, code: string): Promise<Size> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const byFolder = new Map<string, number>();
  for (const [input, v] of Object.entries(inputs)) {
    const folder = input.replace(/^.*node_modules\//u, '').replace(/\/[^/]*$/u, '');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + v.bytesInOutput);
  }
  const largest = [...byFolder].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return { entry, bytes: out.length, gzip: gzipSync(out, { level: 9 }).length, largest };
}

const sizes: Size[] = [];
for (const [entry, code] of CASES) sizes.push(await measure(entry, code));
if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2));
else {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const s of sizes) {
    console.log(`${s.entry}: ${kb(s.bytes)} minified, ${kb(s.gzip)} gzipped`);
    for (const l of s.largest) console.log(`  ${kb(l.bytes).padStart(9)}  ${l.input}`);
  }
}
