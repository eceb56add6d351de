import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { aliasesOf, headlineOf, headlineText } from '../../../../src/lib/components/models/model-facts.ts';
import {
	gateVerdictFor,
	saveRunAsModel,
	suggestedModelName
} from '../../../../src/lib/components/models/save-model.ts';
import { gateKey } from '../../../../src/lib/core/evaluate/gate.ts';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';
import { fakeLayers, fakeRun } from '../../core/registry/model-fixtures.ts';

describe('model facts', () => {
	it('takes the task’s headline metric on test rows, else validation', () => {
		expect(headlineOf({ task: 'classification', metrics: { test: { accuracy: 0.91 } } })).toEqual({
			metric: 'accuracy',
			split: 'test',
			value: 0.91
		});
		expect(headlineText({ task: 'regression', metrics: { validation: { r2: 0.123456 } } })).toBe(
			'validation r2 0.1235'
		);
		expect(headlineText({ task: 'regression', metrics: {} })).toBe('no metric');
	});

	it('lists the aliases pointing at a version, champion first', () => {
		expect(
			aliasesOf({ aliases: { zeta: 'v1', champion: 'v1', challenger: 'v2', alpha: 'v1' } }, 'v1')
		).toEqual(['champion', 'alpha', 'zeta']);
	});

	it('suggests the model this experiment was last saved to, else a name from the data and target', () => {
		const run = fakeRun('d1', '2026-01-01T00:00:00Z');
		expect(suggestedModelName(run, [], [], 'iris.csv')).toBe('iris → y');
		const versions = [
			{ modelId: 'm1', lineage: { datasetId: 'd1' }, createdAt: '2026-01-01' },
			{ modelId: 'm2', lineage: { datasetId: 'd1' }, createdAt: '2026-01-02' },
			{ modelId: 'm3', lineage: { datasetId: 'd9' }, createdAt: '2026-01-03' }
		] as never[];
		const models = [
			{ id: 'm1', name: 'old' },
			{ id: 'm2', name: 'newer' },
			{ id: 'm3', name: 'other data' }
		];
		expect(suggestedModelName(run, versions, models, 'iris.csv')).toBe('newer');
	});

	it('saves a run with the gate’s verdict against the model’s champion', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const run = fakeRun('d1', '2026-01-01T00:00:00Z');
		await registry.setSetting(gateKey('d1'), {
			thresholds: [{ metric: 'accuracy', split: 'test', comparator: '>=', value: 0.95 }],
			champion: { metric: 'accuracy', split: 'test', tolerance: 0 }
		});
		const stored = await registry.saveRun(run, fakeLayers([1, 2]));
		const first = await saveRunAsModel(registry, stored, 'm', { notes: 'first' });
		expect(first.gate?.pass).toBe(true);
		expect(first.notes).toBe('first');
		await registry.moveAlias({ modelId: first.modelId, alias: 'champion', versionId: first.id });

		const worse = { ...stored, id: 'r2', metrics: { test: { accuracy: 0.96 } } };
		const verdict = await gateVerdictFor(registry, { ...worse, metrics: { test: { accuracy: 0.5 } } }, 'm');
		expect(verdict.pass).toBe(false);
		expect(verdict.reasons.join(' ')).toMatch(/0.5 does not meet ≥ 0.95/);
		const against = await gateVerdictFor(registry, worse, 'm');
		expect(against.reasons.join(' ')).toMatch(/worse than the champion's 1/);
		await expect(saveRunAsModel(registry, { ...stored, artifactId: null }, 'm')).rejects.toThrow(
			/kept no weights/
		);
		registry.close();
	});
});
