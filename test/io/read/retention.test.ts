/**
 * What the reader remembers while it reads (the dates it has read, the vendors it has tested for
 * repayments) must not keep alive the text the cells were cut from: a long cell is, in V8, a view
 * into its chunk, and a file with many distinct long dates or vendors would otherwise be held whole.
 */
import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { LedgerParser } from '../../../src/io/read/ledger.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after a full collection. */
function heap(): number {
  gc();
  gc();
  return getHeapStatistics().used_heap_size;
}

describe('the reader keeps no chunk of text alive', () => {
  it('through its memory of dates and vendors read (long cells, each in a chunk of its own)', () => {
    const parser = new LedgerParser({ currency: 'EUR' });
    parser.push('buyer,vendor,date,amount\n');
    const chunks = 40;
    const filler = `,x,2019-01-01,1\n`.padStart(1 << 20, ' ');
    const before = heap();
    for (let i = 0; i < chunks; i++) {
      // One row with a vendor and a timestamp of its own, then a megabyte of blank lines.
      parser.push(`City,Vendor number ${1000 + i} Ltd,2019-03-04T10:${String(i % 60).padStart(2, '0')}:${String(i).padStart(2, '0')},5\n${filler.replace(/,x,2019-01-01,1/u, '')}`);
    }
    const grown = heap() - before;
    // The records kept (40) and the reader's own structures take a few hundred kilobytes; the
    // chunks pushed, 40 MB.
    expect(grown).toBeLessThan(8 << 20);
    expect(parser.end().records).toHaveLength(chunks);
  });

  it('through the texts it keeps, copied a batch at a time (a long subject of its own in each chunk)', () => {
    const parser = new LedgerParser({ currency: 'EUR' });
    parser.push('buyer,vendor,date,amount,description\n');
    // Subjects enough that they are no longer looked up among few (see TextFieldBuilder).
    parser.push(Array.from({ length: 5000 }, (_, i) => `City,Acme,2019-03-04,5,s${i}\n`).join(''));
    const chunks = 40;
    const filler = `,x,2019-01-01,1\n`.padStart(1 << 20, ' ').replace(/,x,2019-01-01,1/u, '');
    const before = heap();
    for (let i = 0; i < chunks; i++) parser.push(`City,Acme,2019-03-04,5,Subject number ${1000 + i} of the purchases made\n${filler}`);
    const grown = heap() - before;
    // The subjects kept take a few kilobytes; the chunks pushed, 40 MB (a batch of copies holds 4 MB at most).
    expect(grown).toBeLessThan(8 << 20);
    expect(parser.end().records).toHaveLength(5000 + chunks);
  });
});
