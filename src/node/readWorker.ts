/**
 * A worker thread that reads one byte range of a delimited file (see `readRanges`): its rows go back
 * as a reader's part, typed arrays transferred and texts packed as UTF-8 bytes, never as objects.
 */
import { parentPort } from 'node:worker_threads';
import { partBuffers } from '../io/read/reader.js';
import { type RangeJob, readRange } from '../io/read/ranges.js';
import { breaksIn, fileRange, latin1 } from './fileRange.js';

// Started before its job is known (see `readRanges`): asked first to count the line breaks of a
// range (the one before its own), then sent its job.
parentPort?.on('message', (message: { readonly count: { path: string; from: number; to: number } } | (RangeJob & { readonly path: string; readonly end: number })) => {
  if ('count' in message) {
    const { path, from, to } = message.count;
    void breaksIn(path, from, to).then((breaks) => parentPort?.postMessage(breaks === undefined ? { failed: `cannot read ${path}` } : { breaks }));
    return;
  }
  void readRange(fileRange(message.path, message.offset, message.end), message, latin1).then((result) => {
    parentPort?.postMessage(result, result.part ? partBuffers(result.part) : []);
  });
});
