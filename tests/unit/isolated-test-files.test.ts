import { describe, expect, it } from 'vitest';
import { isolatedTestFiles } from '../isolated-test-files.ts';

describe('isolatedTestFiles', () => {
	const isolated = isolatedTestFiles();

	it('runs a file that mocks a module, or says it needs a fresh module graph, on its own', () => {
		expect(isolated).toContain('tests/unit/core/train/fused/chooser-move-event.test.ts');
		expect(isolated).toContain('tests/unit/export/graph-ops.test.ts');
	});

	it('shares the module graph for the rest', () => {
		expect(isolated).not.toContain('tests/unit/isolated-test-files.test.ts');
		expect(isolated).not.toContain('tests/unit/charts/calibration.test.ts');
		expect(isolated.length).toBeLessThan(20);
	});
});
