// A vega-lite spec drawn to an SVG string, headless (no canvas, no DOM), in Node and the browser alike:
// the report inlines these so it makes no request and prints sharp. Expressions are interpreted, never
// eval'd, like the page's charts.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Charts whose width follows their container get this many pixels: a printed A4 page's text width. */
export const REPORT_CHART_WIDTH = 640;

/** A copy of the spec with every `width: 'container'` made a number: headless there is no container. */
export function withFixedWidth<T>(spec: T, width: number): T {
	if (Array.isArray(spec)) return spec.map((item: unknown) => withFixedWidth(item, width)) as T;
	if (spec === null || typeof spec !== 'object') return spec;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(spec)) {
		out[key] = key === 'width' && value === 'container' ? width : withFixedWidth(value, width);
	}
	return out as T;
}

// vega-lite's warnings (a dropped encoding, a clipped scale) are the spec tests' business, not the report's.
const quiet = {
	level: () => 0,
	error: () => quiet,
	warn: () => quiet,
	info: () => quiet,
	debug: () => quiet
};

export async function renderChartSvg(spec: TopLevelSpec, width = REPORT_CHART_WIDTH): Promise<string> {
	const { spec: vega } = compile(withFixedWidth(spec, width), { logger: quiet as never });
	const view = new View(parse(vega, undefined, { ast: true }), {
		renderer: 'none',
		expr: expressionInterpreter
	});
	try {
		return await view.toSVG();
	} finally {
		view.finalize();
	}
}
