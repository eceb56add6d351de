// The drift statistics against numpy and scipy on the checked-in fixtures (tests/fixtures/drift, made by
// make-fixtures.py): decile edges and bin counts exactly, PSI and KS within 1e-9, p-values within 1e-9.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	binCounts,
	chiSquareSurvival,
	chiSquareTwoRows,
	kolmogorovSurvival,
	ksTwoSample,
	populationStabilityIndex,
	PSI_EPSILON,
	quantileEdges,
	quantileSorted
} from '../../../../src/lib/core/drift/statistics.ts';

interface Reference {
	psiEpsilon: number;
	numeric: {
		name: string;
		train: number[];
		current: number[];
		edges: number[];
		trainCounts: number[];
		currentCounts: number[];
		psi: number;
		ks: number;
		ksPValue: number;
		median: number;
	}[];
	categories: {
		name: string;
		trainCounts: number[];
		currentCounts: number[];
		psi: number;
		chiSquare: number;
		degreesOfFreedom: number;
		pValue: number;
	}[];
	chiSquareSurvival: { x: number; df: number; sf: number }[];
	kolmogorovSurvival: { x: number; sf: number }[];
}

const REFERENCE = JSON.parse(
	readFileSync(new URL('../../../fixtures/drift/reference.json', import.meta.url), 'utf8')
) as Reference;
const ascending = (values: number[]) => Float64Array.from(values).sort();

describe('numbers: bins, PSI and KS against numpy/scipy', () => {
	it('uses the fixtures’ epsilon', () => expect(PSI_EPSILON).toBe(REFERENCE.psiEpsilon));
	for (const c of REFERENCE.numeric) {
		it(c.name, () => {
			const train = ascending(c.train);
			const current = ascending(c.current);
			const edges = quantileEdges(train);
			expect(edges.length).toBe(c.edges.length);
			edges.forEach((edge, i) => expect(edge).toBeCloseTo(c.edges[i]!, 12));
			expect(binCounts(edges, train)).toEqual(c.trainCounts);
			expect(binCounts(edges, current)).toEqual(c.currentCounts);
			expect(Math.abs(populationStabilityIndex(c.trainCounts, c.currentCounts) - c.psi)).toBeLessThan(1e-9);
			const ks = ksTwoSample(train, current);
			expect(Math.abs(ks.statistic - c.ks)).toBeLessThan(1e-12);
			expect(Math.abs(ks.pValue - c.ksPValue)).toBeLessThan(1e-9);
			expect(quantileSorted(train, 0.5)).toBeCloseTo(c.median, 12);
		});
	}
	it('finds the shifted mean and not the same distribution', () => {
		const [same, shifted] = REFERENCE.numeric;
		expect(ksTwoSample(ascending(same!.train), ascending(same!.current)).pValue).toBeGreaterThan(0.5);
		expect(ksTwoSample(ascending(shifted!.train), ascending(shifted!.current)).pValue).toBeLessThan(1e-4);
	});
});

describe('categories: PSI and chi-square against scipy.stats.chi2_contingency', () => {
	for (const c of REFERENCE.categories) {
		it(c.name, () => {
			expect(Math.abs(populationStabilityIndex(c.trainCounts, c.currentCounts) - c.psi)).toBeLessThan(1e-9);
			const chi = chiSquareTwoRows(c.trainCounts, c.currentCounts);
			expect(chi.degreesOfFreedom).toBe(c.degreesOfFreedom);
			expect(Math.abs(chi.statistic - c.chiSquare) / c.chiSquare).toBeLessThan(1e-9);
			expect(Math.abs(chi.pValue - c.pValue)).toBeLessThan(1e-9);
		});
	}
	it('has nothing to test with one category', () => {
		expect(chiSquareTwoRows([5, 0], [7, 0])).toEqual({ statistic: 0, pValue: 1, degreesOfFreedom: 0 });
	});
});

describe('distribution tails against scipy', () => {
	for (const { x, df, sf } of REFERENCE.chiSquareSurvival)
		it(`chi2.sf(${x}, ${df})`, () => expect(Math.abs(chiSquareSurvival(x, df) - sf)).toBeLessThan(1e-9));
	for (const { x, sf } of REFERENCE.kolmogorovSurvival)
		it(`kstwobign.sf(${x})`, () => expect(Math.abs(kolmogorovSurvival(x) - sf)).toBeLessThan(1e-9));
});

describe('refusals', () => {
	it('PSI needs the same bins', () =>
		expect(() => populationStabilityIndex([1, 2], [1])).toThrow(/same bins/));
	it('KS needs values', () => expect(() => ksTwoSample([], [1])).toThrow(/both sides/));
	it('PSI of an empty side is NaN', () => expect(populationStabilityIndex([0, 0], [1, 2])).toBeNaN());
});
