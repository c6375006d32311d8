/**
 * A worker thread that reads one byte range of a delimited file (see `readRanges`): its rows go back
 * as a reader's part, typed arrays transferred and texts packed in a few strings, never as objects.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { partBuffers } from '../io/read/reader.js';
import { type RangeJob, readRange } from '../io/read/ranges.js';
import { fileRange, latin1 } from './fileRange.js';

const job = workerData as RangeJob & { readonly path: string; readonly end: number };
const result = await readRange(fileRange(job.path, job.offset, job.end), job, latin1);
parentPort?.postMessage(result, result.part ? partBuffers(result.part) : []);
