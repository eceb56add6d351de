// A chart can compile without warnings and still draw nothing: this renders the bar charts and checks
// that their bars have width (a ranged bar with cornerRadiusEnd once drew every bar at zero width).
import { readFileSync } from 'node:fs';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { histogramSpec, sparklineSpec } from '../../../src/lib/core/charts/index.ts';
import { parseDelimitedText } from '../../../src/lib/core/data/parse-delimited-text.ts';
import { profileTable } from '../../../src/lib/core/data/profile/index.ts';

const { table, schema } = parseDelimitedText(
	readFileSync(new URL('../../../sample-datasets/penguins.csv', import.meta.url), 'utf8')
);
const column = profileTable(table, schema).columns.find((c) => c.name === 'Beak Length (mm)')!;

async function barWidths(spec: TopLevelSpec): Promise<number[]> {
	const sized = { ...spec, width: 240 } as TopLevelSpec;
	const view = new View(parse(compile(sized).spec), { renderer: 'none' });
	const svg = await view.toSVG();
	view.finalize();
	return [...svg.matchAll(/aria-roledescription="bar" d="M[\d.]+,[\d.]+h([-\d.]+)/g)].map((m) =>
		Number(m[1])
	);
}

describe('bar charts draw their bars', () => {
	it('histogram', async () => {
		const widths = await barWidths(histogramSpec(column)!);
		expect(widths.length).toBe(column.histogram!.bins.length);
		for (const width of widths) expect(width).toBeGreaterThan(1);
	});

	it('sparkline', async () => {
		const widths = await barWidths(sparklineSpec(column)!);
		expect(widths.length).toBeGreaterThan(0);
		for (const width of widths) expect(width).toBeGreaterThan(0.5);
	});
});
