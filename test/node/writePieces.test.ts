/** writePieces: pieces of text written through one reused buffer, as their UTF-8 bytes one after the other. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writePieces } from '../../src/node/writePieces.js';
import { runs } from '../helpers/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-writepieces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(pieces: readonly string[], size?: number): Promise<Buffer> {
  const path = join(dir, 'out.txt');
  const file = await open(path, 'w');
  try {
    await writePieces(file, pieces, size);
  } finally {
    await file.close();
  }
  return readFileSync(path);
}

/** Any UTF-16 unit, lone surrogates included, ASCII most often. */
const unit = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0xffff })).map((c) => String.fromCharCode(c));
/** Well-formed text: ASCII, Latin-1, CJK and astral characters. */
const char = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.integer({ min: 0x4e00, max: 0x4fff }), fc.integer({ min: 0x1f600, max: 0x1f64f })).map((c) => String.fromCodePoint(c));

describe('writePieces', () => {
  it('writes each piece as its own UTF-8 bytes, one after the other, whatever the buffer size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit, maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 3, max: 64 }), async (pieces, size) => {
        expect(await written(pieces, size)).toEqual(Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8'))));
      }),
      { numRuns: runs(100) },
    );
  });

  it('writes the bytes of the joined text when no surrogate pair is cut between pieces (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: char, maxLength: 30 }), { maxLength: 30 }), fc.integer({ min: 3, max: 100 }), async (pieces, size) => {
        expect((await written(pieces, size)).toString('utf8')).toBe(pieces.join(''));
      }),
      { numRuns: runs(100) },
    );
  });

  it('writes a text larger than the default buffer, in pieces small and large', async () => {
    const pieces = ['{"a": "', 'é'.repeat(400_000), '", "b": [', ...Array.from({ length: 50_000 }, (_, i) => `${i}, "杭州 ${i}",`), '"z"]}'];
    expect((await written(pieces)).toString('utf8')).toBe(pieces.join(''));
  });

  it('throws the error of a write, while the pieces after it are encoded or at the end', async () => {
    const path = join(dir, 'read-only.txt');
    await (await open(path, 'w')).close();
    for (const count of [1, 3, 200]) {
      const file = await open(path, 'r');
      try {
        await expect(writePieces(file, Array.from({ length: count }, () => 'abcdefgh'), 16)).rejects.toThrow(/EBADF/u);
      } finally {
        await file.close();
      }
    }
  });
});
