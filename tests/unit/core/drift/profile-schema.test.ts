// A training profile read back from a file: a real one passes unchanged; damage is named by field.
import { describe, expect, it } from 'vitest';
import { parseTrainingProfile } from '../../../../src/lib/core/drift/profile-schema.ts';
import { profileCategories, profileNumbers } from '../../../../src/lib/core/drift/training-profile.ts';

const profile = () => ({
	version: 1,
	rows: 6,
	features: [
		profileNumbers('x', [1, 2, 3, 4, 5, null]),
		profileCategories('c', ['a', 'b', 'a', null, 'a', 'b'])
	],
	predictions: profileCategories('predicted y', ['p', 'q'])
});

describe('parseTrainingProfile', () => {
	it('passes a real profile through unchanged (a JSON round trip)', () => {
		const written = profile();
		expect(parseTrainingProfile(JSON.parse(JSON.stringify(written)))).toEqual(written);
	});
	it('refuses a newer version by name', () => {
		expect(() => parseTrainingProfile({ ...profile(), version: 2 })).toThrow(
			'training profile version 2; this benchtop reads version 1: update benchtop to read it'
		);
	});
	it('names the damaged field', () => {
		const bad = profile();
		(bad.features[1] as { kind: string }).kind = 'colour';
		expect(() => parseTrainingProfile(bad)).toThrow(/^training profile\.features\[1\]\.kind/);
		const negative = profile();
		(negative.features[0] as { missing: number }).missing = -1;
		expect(() => parseTrainingProfile(negative)).toThrow(/features\[0\]\.missing must not be negative/);
		const edges = profile();
		(edges.features[0] as { edges: number[] }).edges.reverse();
		expect(() => parseTrainingProfile(edges)).toThrow(/features\[0\]: the edges must rise/);
	});
});
