// Version numbers along each lineage: an import is version 1, a version derived from it is 2, and so
// on. Computed from parent links, so they need no counter that could go out of step.
import type { DatasetRecord } from './schema.ts';

export function versionNumbers(
	datasets: readonly Pick<DatasetRecord, 'id' | 'parentId'>[]
): Map<string, number> {
	const parentOf = new Map(datasets.map((d) => [d.id, d.parentId]));
	const numbers = new Map<string, number>();
	for (const { id } of datasets) {
		let depth = 1;
		let parent = parentOf.get(id);
		const seen = new Set([id]);
		// A parent that was deleted ends the chain; a cycle (which a valid registry never holds) too.
		while (parent && parentOf.has(parent) && !seen.has(parent)) {
			seen.add(parent);
			depth++;
			parent = parentOf.get(parent);
		}
		numbers.set(id, depth);
	}
	return numbers;
}
