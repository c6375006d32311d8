/**
 * Subjects read again from the file (`rereadSubjects`): the ledger is the one whose subjects were
 * kept (the byte-range property of test/node/readRanges.test.ts compares them on files of every
 * shape); here, what the option leaves alone, and a file that changes before its subjects are read.
 */
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInputError } from '../../src/errors.js';
import { loadLedger, loadLedgers } from '../../src/node.js';
import { fileBytes } from '../../src/node/fileBytes.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-reread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = 'id,buyer,vendor,date,amount,currency,subject\r\nA1,City,Acme,2019-02-01,12.50,EUR,"road ""signs"", phase 1"\r\nA2,City,Café Zoé,2019-02-02,13.50,EUR,  lighting\u00a0\r\nA3,City,Acme,2019-02-03,9,EUR,\r\n';

/** Writes `text` as UTF-8, or as Windows-1252 (one byte a character: subjects located). */
function write(name: string, text: string, encoding: 'utf-8' | 'windows-1252' = 'windows-1252'): string {
  const path = join(dir, name);
  writeFileSync(path, encoding === 'utf-8' ? text : Buffer.from(text, 'latin1'));
  return path;
}

describe('rereadSubjects', () => {
  it.each(['windows-1252', 'utf-8'] as const)('gives the subjects kept, quoted, trimmed or absent (%s)', async (encoding) => {
    const path = write(`plain-${encoding}.csv`, CSV, encoding);
    const kept = await loadLedger(path);
    const reread = await loadLedger(path, { rereadSubjects: true });
    expect(reread.records.map((r) => r.subject)).toEqual(['road "signs", phase 1', 'lighting', undefined]);
    expect(reread.records).toEqual(kept.records);
  });

  it('reads a subject again only when it is read', async () => {
    const path = write('lazy.csv', CSV);
    const ledger = await loadLedger(path, { rereadSubjects: true });
    // The same length, another text: the rows no longer hold the subjects read there.
    writeFileSync(path, Buffer.from(CSV.replace('phase 1', 'phase 2'), 'latin1'));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    let error: unknown;
    try {
      void ledger.records;
    } catch (e) {
      error = e;
    }
    expect(isInputError(error) && error.code).toBe('changed');
  });

  it('keeps the subjects of several files', async () => {
    const a = write('a.csv', CSV);
    const b = write('b.csv', CSV.replace(/A(\d)/gu, 'B$1'));
    const both = await loadLedgers([a, b], { rereadSubjects: true });
    writeFileSync(a, '');
    writeFileSync(b, '');
    // Read after both files were emptied: kept.
    expect(both.records.map((r) => r.subject)).toEqual(['road "signs", phase 1', 'lighting', undefined, 'road "signs", phase 1', 'lighting', undefined]);
  });
});

describe('fileBytes', () => {
  it('reads bytes anywhere, and refuses a file that changed since it was read', () => {
    const path = write('bytes.csv', 'abcdef');
    const at = fileBytes(path, statSync(path));
    expect(new TextDecoder().decode(at(2, 5))).toBe('cde');
    const again = fileBytes(path, { size: 7, mtimeMs: statSync(path).mtimeMs });
    expect(() => again(0, 1)).toThrow(/changed after it was read/u);
  });

  it('gives the bytes asked for wherever they lie: across blocks, in blocks dropped and read again, in a row longer than a block', () => {
    // 300 blocks of 4 KiB (more than the 64 kept), each byte its position modulo 251.
    const size = 300 * 4096 + 123;
    const bytes = Uint8Array.from({ length: size }, (_, i) => i % 251);
    const path = join(dir, 'blocks.bin');
    writeFileSync(path, bytes);
    const at = fileBytes(path, statSync(path));
    const ranges: [number, number][] = [[0, 10], [4090, 4100], [8192, 8192 + 5000], [size - 7, size], [4096 * 299, size]];
    for (let k = 0; k < 400; k++) ranges.push([(k * 7919 * 13) % (size - 300), ((k * 7919 * 13) % (size - 300)) + 1 + (k % 300)]);
    // Twice: the second time, most blocks were dropped and are read again.
    for (const [from, to] of [...ranges, ...ranges]) expect(at(from, to)).toEqual(bytes.subarray(from, to));
    expect(() => at(size - 2, size + 1)).toThrow(/changed after it was read \(it ends before byte/u);
  });
});
