// Which tables `npm run bench -- --only tune-quality` measures: TUNE_QUALITY_TABLES picks some, so one table
// (2 minutes) can be iterated on without the other three.
import { describe, expect, it } from 'vitest';
import { chosenTables, QUALITY_TABLES } from '../../../bench/tune-quality.ts';

describe('chosenTables', () => {
	it('runs every table by default, wine alone when quick, and the named ones when asked', () => {
		expect(chosenTables(undefined, false).map(([name]) => name)).toEqual([
			'wine',
			'penguins',
			'diabetes',
			'friedman'
		]);
		expect(chosenTables('', false)).toHaveLength(QUALITY_TABLES.length);
		expect(chosenTables(undefined, true).map(([name]) => name)).toEqual(['wine']);
		expect(chosenTables(' diabetes , friedman', false).map(([name]) => name)).toEqual([
			'diabetes',
			'friedman'
		]);
	});

	it('names an unknown table and lists the known ones', () => {
		expect(() => chosenTables('diabetes,iris', false)).toThrow(
			'TUNE_QUALITY_TABLES: no table “iris” (the tables: wine, penguins, diabetes, friedman)'
		);
	});
});
