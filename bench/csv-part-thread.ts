// A Node worker thread that reads one part of a CSV, as a parse worker does in the page: for the
// csv-ingest bench's parallel figure.
import { parentPort } from 'node:worker_threads';
import { readPart, type PartTask } from '../src/lib/core/data/import/parallel-parse.ts';

parentPort!.on('message', (task: PartTask) => parentPort!.postMessage(readPart(task)));
parentPort!.postMessage('ready');
