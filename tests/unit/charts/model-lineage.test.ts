import { describe, expect, it } from 'vitest';
import { lineageLayout, type LineageSource } from '../../../src/lib/core/charts/model-lineage.ts';

function source(parentVersionId: string | null): LineageSource {
	return {
		id: 'v2',
		version: 2,
		lineage: {
			datasetId: 'd1',
			datasetHash: '0123456789abcdef'.repeat(4),
			datasetName: 'iris.csv',
			recipe: { steps: [{ enabled: true }, { enabled: false }, { enabled: true }] },
			runId: 'r1',
			parentVersionId
		},
		run: { name: 'MLP run 3' },
		artifact: { sha256: 'fedcba9876543210'.repeat(4) }
	};
}

describe('lineageLayout', () => {
	it('draws data set → recipe → run → version in one column with an arrow between each', () => {
		const layout = lineageLayout(source(null), { modelName: 'iris' });
		expect(layout.nodes.map((n) => [n.kind, n.label, n.detail])).toEqual([
			['dataset', 'Data set iris.csv', 'SHA-256 0123456789ab…'],
			['recipe', 'Recipe', '2 steps'],
			['run', 'Run', 'MLP run 3'],
			['version', 'iris v2', 'weights fedcba987654…']
		]);
		expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
			'dataset:d1>recipe:v2',
			'recipe:v2>run:r1',
			'run:r1>version:v2'
		]);
		// Each arrow leaves the bottom of one box and reaches the top of the next.
		const [first] = layout.edges;
		expect(first).toMatchObject({ y1: layout.box.height, y2: layout.box.height + 28 });
		expect(layout.width).toBe(layout.box.width);
		expect(layout.height).toBe(4 * layout.box.height + 3 * 28);
	});

	it('puts the parent version beside the chain feeding the run, and later exports after the version', () => {
		const layout = lineageLayout(source('v1'), {
			modelName: 'iris',
			parent: { id: 'v1', version: 1 },
			derived: [{ id: 'e1', label: 'Export', detail: 'TF.js zip' }]
		});
		const parent = layout.nodes.find((n) => n.kind === 'parent')!;
		expect(parent.label).toBe('Trained from v1');
		expect(parent.x).toBeGreaterThan(0);
		expect(layout.edges.some((e) => e.from === 'version:v1' && e.to === 'run:r1')).toBe(true);
		expect(layout.edges.some((e) => e.from === 'version:v2' && e.to === 'derived:e1')).toBe(true);
		expect(layout.width).toBeGreaterThan(2 * layout.box.width);
		const gone = lineageLayout(source('v0'), { modelName: 'iris' });
		expect(gone.nodes.find((n) => n.kind === 'parent')?.detail).toBe('no longer stored');
	});
});
