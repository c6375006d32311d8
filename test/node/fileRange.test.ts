/** Bytes of a file: `breaksIn` counts a range's line breaks as `countBreaks` does over its bytes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { countBreaks } from '../../src/io/read/ranges.js';
import { breaksIn, CHUNK } from '../../src/node/fileRange.js';
import { runs } from '../helpers/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-filerange-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('breaksIn', () => {
  it('counts the line breaks of a range as countBreaks does over its bytes in one piece (property)', async () => {
    // Bytes mostly line breaks, in files longer than a chunk so that a CR may end one chunk and its LF start the next.
    const byte = fc.constantFrom(10, 13, 13, 65, 0x92);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.array(byte, { maxLength: 400 }), fc.nat(), fc.nat(), async (head, tail, a, b) => {
        const bytes = Uint8Array.from([...head.map((x) => (x % 3 === 0 ? 13 : x % 3 === 1 ? 10 : x)), ...new Uint8Array(CHUNK - 200).fill(13), ...tail]);
        const path = join(dir, 'bytes.txt');
        writeFileSync(path, bytes);
        const from = a % (bytes.length + 1);
        const to = from + (b % (bytes.length - from + 1));
        expect(await breaksIn(path, from, to)).toBe(countBreaks(bytes.subarray(from, to), false).breaks);
      }),
      { numRuns: runs(25) },
    );
  });

  it('is undefined for a file that cannot be read', async () => {
    expect(await breaksIn(join(dir, 'missing.txt'), 0, 10)).toBeUndefined();
  });
});
