/**
 * The built declarations, as a TypeScript user gets them: a tiny consumer project per module
 * resolution mode (ESM under `nodenext`, a bundler, CommonJS under `node16` and under `node10`, the
 * default of `module: commonjs`), checked by `tsc --noEmit`
 * with `skipLibCheck: false`, using fields typed `Decimal`. A Decimal field that turned into `any`
 * fails too: the consumer expects an error where a Decimal is assigned to a number.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Uses every entry, and Decimal fields of the core's public types. */
const CONSUMER = `
import { parseThresholds, validateRecords, detectSplits, type Threshold, type PurchaseRecord } from 'splitscan';
import { loadLedger } from 'splitscan/node';
import { toHtml } from 'splitscan/review';
import { simulate } from 'splitscan/simulate';

const threshold: Threshold | undefined = parseThresholds([{ id: 'a', amount: '300000', currency: 'CNY', procedure: 'tender' }])[0];
const limit: string | undefined = threshold?.amount.toFixed(2);
const records: readonly PurchaseRecord[] = validateRecords([]).records;
const total: string = records.reduce((sum, r) => sum + r.amount.toNumber(), 0).toFixed(2);
// @ts-expect-error a Decimal is not a number (an \`any\` would let this through)
const wrong: number | undefined = threshold?.amount;
export const used = [limit, total, wrong, detectSplits, loadLedger, toHtml, simulate];
`;

interface Mode {
  readonly name: string;
  readonly type: 'module' | 'commonjs';
  readonly compilerOptions: Record<string, unknown>;
}

const MODES: readonly Mode[] = [
  { name: 'ESM, moduleResolution nodenext', type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  { name: 'moduleResolution bundler', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  { name: 'CommonJS, moduleResolution node16', type: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  // `module: commonjs`'s default resolution, which reads no `exports`: the subpaths through `typesVersions` (with
  // `tsc --init`'s esModuleInterop, which zod's own declarations need there).
  { name: 'CommonJS, moduleResolution node10', type: 'commonjs', compilerOptions: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } },
];

// Each check takes about 12 s of CPU (zod's declarations are checked too): the modes run side by
// side, with room for a busy machine.
describe.concurrent('the built declarations in a consumer project', { timeout: 300_000 }, () => {
  it.each(MODES)('type-check under $name with skipLibCheck false', async (mode) => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-types-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'splitscan'), 'dir');
    symlinkSync(join(root, 'node_modules', '@types'), join(dir, 'node_modules', '@types'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: mode.type }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...mode.compilerOptions, target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: ['node'], lib: ['es2022', 'dom'] }, files: ['index.ts'] }),
    );
    writeFileSync(join(dir, 'index.ts'), CONSUMER);
    const r = await promisify(execFile)(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' }).then(
      ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }),
    );
    rmSync(dir, { recursive: true, force: true });
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  });
});
