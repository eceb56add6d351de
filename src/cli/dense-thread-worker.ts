// A worker_threads helper of the threaded dense engine in Node (the CLI, tests and benches): see
// src/lib/core/train/fused/dense-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { runDenseThread, type DenseThreadInit } from '../lib/core/train/fused/dense-thread.ts';

runDenseThread(workerData as DenseThreadInit, () => parentPort!.postMessage('ready'));
