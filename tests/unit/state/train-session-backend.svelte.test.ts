// The Train page's live "backend" line follows the run: the worker sends a second 'backend' event when the
// engine chooser moves the model to another TF.js backend (issue 19's leftover), and the session shows that
// one, and names it as the backend a failure happened on (what "continue on another backend" offers).
// Named .svelte.test.ts so that the session's runes compile here.
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../src/lib/core/errors.ts';
import type { DatasetRecord } from '../../../src/lib/core/registry/index.ts';
import type { TrainCheckpoint } from '../../../src/lib/core/train/train-checkpoint.ts';
import type { Studio } from '../../../src/lib/state/studio.svelte.ts';
import { TrainSession } from '../../../src/lib/state/train-session.svelte.ts';
import type { TrainEvent } from '../../../workers/train.worker.ts';

const record = {
	id: 'v1',
	name: 'iris',
	rows: 150,
	columns: 2,
	schema: [
		{ name: 'petal_length', type: 'number' },
		{ name: 'species', type: 'category' }
	]
} as unknown as DatasetRecord;

const studio = { init: async () => {}, registry: {} } as unknown as Studio;
const FIRST = 'wasm, chosen automatically';
const MOVED =
	'webgl, where the chooser moved the model after timing the paths (first chosen: wasm, chosen automatically)';

describe('TrainSession backend line', () => {
	it('shows the backend the chooser moved the run to, and a failure there is that backend’s', async () => {
		const session = new TrainSession(
			studio,
			record,
			{ kind: 'stored', id: record.id },
			{
				readInputs: () => new Promise(() => {})
			}
		);
		const shown: (string | undefined)[] = [];
		const api = {
			train: async (_job: unknown, onEvent: (event: TrainEvent) => void) => {
				onEvent({ kind: 'backend', name: 'wasm', reason: FIRST });
				shown.push(session.runBackend);
				onEvent({ kind: 'backend', name: 'webgl', reason: MOVED });
				shown.push(session.runBackend);
				const checkpoint = { epoch: 3, history: [] } as unknown as TrainCheckpoint;
				onEvent({ kind: 'checkpoint', checkpoint });
				throw new BenchtopError('backend-unavailable', 'The webgl device was lost during training.');
			}
		};
		(session as unknown as { client: unknown }).client = {
			run: <R>(task: (a: typeof api) => Promise<R>) => task(api),
			terminate: () => undefined
		};
		session.target = 'species';
		session.enqueue();
		await expect.poll(() => session.error?.code).toBe('backend-unavailable');
		expect(shown).toEqual([FIRST, MOVED]);
		expect(session.recoverable?.backend).toBe('webgl');
	});
});
