/**
 * What a browser page pays for an import of splitscan: `code` bundled with esbuild against the built
 * package in dist/ (as a user's bundler sees it), for the browser, minified. Shared by `bench/size.ts`
 * and the smoke suite, which keeps the README's figure true. Run `npm run build` first.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The bytes of one bundle, gzipped too, and the largest inputs. */
export interface BundleSize {
  readonly bytes: number;
  readonly gzip: number;
  /**
   * The five largest inputs by bytes in the output: a package's folder (`zod/v4/core`, `decimal.js`),
   * or `dist` for all of splitscan's own modules.
   */
  readonly largest: readonly { readonly input: string; readonly bytes: number }[];
}

/** Bundles `code` (an ES module importing from `'splitscan'`) and measures it. */
export async function bundleSize(code: string): Promise<BundleSize> {
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
    const folder = input.startsWith('dist/') ? 'dist' : input.replace(/^.*node_modules\//u, '').replace(/\/[^/]*$/u, '');
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + v.bytesInOutput);
  }
  const largest = [...byFolder].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return { bytes: out.length, gzip: gzipSync(out, { level: 9 }).length, largest };
}
