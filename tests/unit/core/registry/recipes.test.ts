import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRegistry } from '../../../../src/lib/core/registry/registry.ts';

const RECIPE = { version: 1 as const, steps: [{ op: 'drop', params: { columns: ['id'] }, enabled: true }] };

describe('recipe drafts', () => {
	it('keeps one draft per data set version, replaced on save, and removes it with the version', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const { record } = await registry.saveDatasetVersion({
			name: 'Set',
			source: { kind: 'paste' },
			rows: 3,
			schema: [{ name: 'id', type: 'integer' }],
			arrow: Uint8Array.from([1, 2, 3])
		});
		expect(await registry.getRecipeDraft(record.id)).toBeUndefined();

		await registry.saveRecipeDraft({
			datasetId: record.id,
			recipe: RECIPE,
			split: { seed: 1 },
			target: null
		});
		const saved = await registry.saveRecipeDraft({
			datasetId: record.id,
			recipe: { ...RECIPE, steps: [] },
			split: { seed: 2 },
			target: 'id'
		});
		const read = await registry.getRecipeDraft(record.id);
		expect(read).toEqual(saved);
		expect(read?.recipe.steps).toEqual([]);
		expect(read?.split).toEqual({ seed: 2 });
		expect(read?.target).toBe('id');

		await registry.deleteDataset(record.id);
		expect(await registry.getRecipeDraft(record.id)).toBeUndefined();
	});

	it('records how a derived version was made', async () => {
		const registry = await openRegistry({ factory: new IDBFactory() });
		const derivation = { recipe: RECIPE, split: { method: 'random', seed: 7 }, target: 'y' };
		const { record } = await registry.saveDatasetVersion({
			name: 'Derived',
			source: { kind: 'derived' },
			rows: 1,
			schema: [{ name: 'x', type: 'number' }],
			parentId: 'parent',
			derivation,
			arrow: Uint8Array.from([9, 9])
		});
		expect((await registry.getDataset(record.id))?.derivation).toEqual(derivation);
		expect(record.parentId).toBe('parent');
	});
});
