// A model version whose rows are pictures (an imported Teachable Machine model) reaching Continue training
// or a drift check by its URL is refused in words before any weights or data are read.
import { describe, expect, it } from 'vitest';
import { loadContinueSource } from '../../../../src/lib/components/models/continue-model.ts';
import type { ModelVersionRecord, Registry } from '../../../../src/lib/core/registry/index.ts';
import { checkDrift } from '../../../../src/lib/state/drift-check.ts';
import { fakeRun } from '../../core/registry/model-fixtures.ts';

const run = {
	...fakeRun('e1', '2026-01-01T00:00:00.000Z'),
	spec: {
		family: 'cnn' as const,
		task: 'classification' as const,
		layers: [],
		inputShape: [224, 224, 3] as [number, number, number],
		imageInput: { scale: 1 / 127.5, offset: -1 }
	}
};
const version = { id: 'v-image', version: 1, modelId: 'm1', run } as unknown as ModelVersionRecord;
const registry = {
	getModelVersion: async () => version,
	getModel: async () => undefined,
	loadModelVersionArtifact: async () => ({
		artifact: { kind: 'layers', modelTopology: {}, weightSpecs: [], weightData: new Blob() }
	})
} as unknown as Registry;

describe('image-input versions', () => {
	it('cannot be continued', async () => {
		await expect(loadContinueSource(registry, 'v-image')).rejects.toThrow(
			'Continue training needs a model of table rows; this model’s rows are pictures (an imported image model).'
		);
	});

	it('cannot be checked for drift', async () => {
		await expect(checkDrift(registry, { kind: 'version', id: 'v-image' }, 'd1')).rejects.toThrow(
			'A drift check needs a model of table rows; this model’s rows are pictures (an imported image model).'
		);
	});
});
