import { describe, expect, it } from 'vitest';
import { splitBalanceSpec } from '../../../src/lib/core/charts/index.ts';
import { compileStrict, renderSvg } from './render.ts';

const CLASSES = ['Adelie', 'Chinstrap', 'Gentoo'];
const SPLITS = [
	{ split: 'train', counts: [106, 48, 86] },
	{ split: 'validation', counts: [23, 10, 18] },
	{ split: 'test', counts: [23, 10, 20] }
];

describe('splitBalanceSpec', () => {
	it('stacks each split’s class shares to 100%', async () => {
		const spec = splitBalanceSpec('Species', CLASSES, SPLITS)!;
		expect(spec).toMatchSnapshot();
		expect(compileStrict(spec).warnings).toEqual([]);
		const values = (spec as { data: { values: { split: string; class: string; share: number }[] } }).data
			.values;
		const trainShares = values.filter((v) => v.split === 'train').map((v) => v.share);
		expect(trainShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(values.find((v) => v.split === 'test' && v.class === 'Gentoo')!.share).toBeCloseTo(20 / 53, 12);
		const svg = await renderSvg(spec);
		expect(svg).toContain('Class balance of Species per split');
		expect(svg).toContain('validation');
	});

	it('leaves out empty splits and draws nothing without rows', () => {
		const spec = splitBalanceSpec(
			'y',
			['a', 'b'],
			[
				{ split: 'train', counts: [3, 1] },
				{ split: 'validation', counts: [0, 0] }
			]
		)!;
		const splits = new Set(
			(spec as { data: { values: { split: string }[] } }).data.values.map((v) => v.split)
		);
		expect([...splits]).toEqual(['train']);
		expect(splitBalanceSpec('y', ['a'], [{ split: 'train', counts: [0] }])).toBeNull();
		expect(splitBalanceSpec('y', [], SPLITS)).toBeNull();
	});
});
