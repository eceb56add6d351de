// Test helper: compiles a vega-lite spec, collecting vega-lite's warnings, and renders it to SVG with
// Vega in Node, so a test fails on a spec that would not draw.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export function compileStrict(spec: TopLevelSpec) {
	const warnings: string[] = [];
	const record = (...args: unknown[]) => {
		warnings.push(args.map(String).join(' '));
		return logger;
	};
	const logger = {
		level: () => 0,
		error: record,
		warn: record,
		info: () => logger,
		debug: () => logger
	};
	const { spec: vega } = compile(spec, { logger: logger as never });
	return { vega, warnings };
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
	const { vega } = compileStrict(spec);
	const view = new View(parse(vega), { renderer: 'none' });
	const svg = await view.toSVG();
	view.finalize();
	return svg;
}
