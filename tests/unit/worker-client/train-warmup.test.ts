// The train worker's warm-up: started within WARM_WITHIN_MS of a data set opening (not whenever the page
// is next idle), taken over by the Train page's session, and skipped when the page has taken a worker of its
// own since the warm-up was scheduled (a second train worker would boot TF.js beside the first).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	takeTrainClient,
	WARM_WITHIN_MS,
	warmTrainWorkerSoon
} from '../../../src/lib/worker-client/train-warmup.ts';
import { createFakeWorker, type FakeWorker } from './fake-worker.ts';

const started: FakeWorker[] = [];

/** Module workers in Node: each `new Worker(...)` is a fake answering the backends probe. */
function stubWorkers(): void {
	vi.stubGlobal(
		'Worker',
		class {
			constructor() {
				const worker = createFakeWorker({ backends: async () => [] });
				started.push(worker);
				return worker;
			}
		}
	);
}

afterEach(() => {
	for (const worker of started) worker.terminate();
	started.length = 0;
	vi.unstubAllGlobals();
});

describe('warmTrainWorkerSoon', () => {
	it('asks for an idle moment within WARM_WITHIN_MS, and the Train page takes the warmed worker', () => {
		stubWorkers();
		let scheduled: { run: () => void; within: number } | undefined;
		warmTrainWorkerSoon((run, within) => (scheduled = { run, within }));
		expect(scheduled!.within).toBe(WARM_WITHIN_MS);
		expect(started).toHaveLength(0);
		scheduled!.run();
		expect(started).toHaveLength(1);
		const client = takeTrainClient();
		// The page's session runs on the warmed worker: no second one starts.
		expect(client.running).toBe(true);
		expect(started).toHaveLength(1);
		client.terminate();
	});

	it('does nothing when the page took a worker after the warm-up was scheduled', () => {
		stubWorkers();
		let run: (() => void) | undefined;
		warmTrainWorkerSoon((r) => (run = r));
		const own = takeTrainClient();
		run!();
		expect(started).toHaveLength(0);
		own.terminate();
	});
});
