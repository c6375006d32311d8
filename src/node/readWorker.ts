/**
 * A worker thread that reads one byte range of a delimited file (see `readRanges`): its rows go back
 * as a reader's part, typed arrays transferred and each column's texts packed as one string, never as objects.
 */
import { parentPort } from 'node:worker_threads';
import { partBuffers } from '../io/read/reader.js';
import { RangeThread, type ThreadJob } from './rangeThread.js';

const thread = new RangeThread();

// Started before its job is known (see `readRanges`): asked first to count the line breaks of a
// range (the one before its own, hashing it when it is the file's first), then sent its job.
parentPort?.on('message', (message: { readonly count: { path: string; from: number; to: number; hash: boolean } } | ThreadJob) => {
  if ('count' in message) {
    const { path, from, to, hash } = message.count;
    void thread.count(path, from, to, hash).then((breaks) => parentPort?.postMessage(breaks === undefined ? { failed: `cannot read ${path}` } : { breaks }));
    return;
  }
  // Rejects go to the main thread in batches as they are made (see `readRange`), ahead of the result.
  void thread.read(message, (rejects) => parentPort?.postMessage({ rejects })).then((result) => {
    parentPort?.postMessage(result, result.part ? partBuffers(result.part) : []);
  });
});
