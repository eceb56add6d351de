// Issue 13: the Train page read a target's model inputs with no generation guard, so a slow answer for an
// earlier target could land after the answer for the current one and overwrite `inputs` and the detected
// task. The session now owns that read; these tests answer its requests out of order on purpose.
// Named .svelte.test.ts so that the session's runes compile here.
import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../src/lib/core/registry/index.ts';
import type { PreparationDraft } from '../../../src/lib/core/prep/preparation.ts';
import type { ModelInputs } from '../../../src/lib/core/train/model-inputs.ts';
import type { TrainingRequest } from '../../../src/lib/core/train/training-request.ts';
import type { Studio } from '../../../src/lib/state/studio.svelte.ts';
import { TrainSession } from '../../../src/lib/state/train-session.svelte.ts';

const record = {
	id: 'v1',
	name: 'weather',
	rows: 10,
	columns: 3,
	schema: [
		{ name: 'temp', type: 'number' },
		{ name: 'rating', type: 'integer' },
		{ name: 'weather', type: 'category' }
	]
} as unknown as DatasetRecord;

/** A data worker whose answers the test releases one by one, in any order. */
function controllableReader() {
	const pending: {
		request: TrainingRequest;
		answer: (inputs: ModelInputs) => void;
		fail: (e: Error) => void;
	}[] = [];
	const readInputs = (request: TrainingRequest) =>
		new Promise<ModelInputs>((answer, fail) => pending.push({ request, answer, fail }));
	return { pending, readInputs };
}

function inputsFor(target: string, task: ModelInputs['task']): ModelInputs {
	return {
		features: record.schema.map((c) => c.name).filter((n) => n !== target),
		classes: task === 'classification' ? ['a', 'b'] : [],
		outputSize: task === 'classification' ? 2 : 1,
		recipe: { version: 1, steps: [] } as unknown as ModelInputs['recipe'],
		task,
		taskReason: `${target} read as ${task}`,
		constantFeatures: [],
		taskAlternatives: []
	};
}

const fakeStudio = { init: async () => {}, registry: undefined } as unknown as Studio;

/** A session on the stored record whose inputs come from a reader the test answers. */
function sessionWithReader() {
	const reader = controllableReader();
	const session = new TrainSession(
		fakeStudio,
		record,
		{ kind: 'stored', id: record.id },
		{ readInputs: reader.readInputs }
	);
	return { reader, session };
}

describe('TrainSession inputs', () => {
	it('keeps the newest target’s inputs when the earlier answer arrives last', async () => {
		const { reader, session } = sessionWithReader();
		session.target = 'weather';
		const first = session.refreshInputs();
		session.target = 'temp';
		const second = session.refreshInputs();
		expect(reader.pending.map((p) => p.request.targets)).toEqual([['weather'], ['temp']]);

		// The answer for temp (the current target) comes first, the stale one for weather after it.
		reader.pending[1]!.answer(inputsFor('temp', 'regression'));
		await second;
		reader.pending[0]!.answer(inputsFor('weather', 'classification'));
		await first;

		expect(session.detectedTask).toBe('regression');
		expect(session.inputs?.taskReason).toBe('temp read as regression');
	});

	it('drops a late failure for an earlier target too', async () => {
		const { reader, session } = sessionWithReader();
		session.target = 'weather';
		const first = session.refreshInputs();
		session.target = 'rating';
		const second = session.refreshInputs();
		reader.pending[1]!.answer(inputsFor('rating', 'classification'));
		await second;
		reader.pending[0]!.fail(new Error('weather could not be read'));
		await first;
		expect(session.inputsError).toBeUndefined();
		expect(session.inputs?.taskReason).toBe('rating read as classification');
	});

	it('takes the answer when it is the newest, in order', async () => {
		const { reader, session } = sessionWithReader();
		session.target = 'rating';
		const only = session.refreshInputs();
		reader.pending[0]!.answer(inputsFor('rating', 'classification'));
		await only;
		expect(session.detectedTask).toBe('classification');
	});

	it('keeps the draft of the newest target when an earlier retarget answers last', async () => {
		const pending: { target: string | null; answer: () => void }[] = [];
		const draftFor = (target: string | null): PreparationDraft => ({
			target,
			recipe: { version: 1, steps: [] },
			split: { method: 'random', train: 0.6, validation: 0.2, test: 0.2, seed: target?.length ?? 0 }
		});
		const retarget = (_: PreparationDraft, target: string | null) =>
			new Promise<PreparationDraft>((resolve) =>
				pending.push({ target, answer: () => resolve(draftFor(target)) })
			);
		const session = new TrainSession(
			fakeStudio,
			record,
			{ kind: 'stored', id: record.id },
			{
				readInputs: controllableReader().readInputs,
				retarget
			}
		);
		session.draft = draftFor('weather');
		const first = session.chooseTarget('rating');
		const second = session.chooseTarget(null);
		expect(session.target).toBeNull();
		pending[1]!.answer();
		await second;
		pending[0]!.answer();
		await first;
		expect(session.draft?.target).toBeNull();
		expect(session.target).toBeNull();
		expect(session.split).toEqual(draftFor(null).split);
	});
});
