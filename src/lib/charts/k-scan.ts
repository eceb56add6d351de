// A k-means scan as two stacked charts over k: inertia (look for the elbow, where adding a cluster stops
// paying) and mean silhouette (higher is better), with the suggested k (the best silhouette) marked on both.
import type { TopLevelSpec } from 'vega-lite';
import type { ScanPoint } from '../core/models/kmeans/scan-k.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

interface Value {
	k: number;
	value: number;
}

function panel(title: string, values: Value[], bestK: number | null, options: ChartOptions) {
	const x = { field: 'k', type: 'quantitative' as const, title: 'k (clusters)', axis: { tickMinStep: 1 } };
	const line = {
		mark: { type: 'line' as const, point: true, tooltip: true },
		encoding: {
			x,
			y: { field: 'value', type: 'quantitative' as const, title, scale: { zero: false } },
			tooltip: [
				{ field: 'k', type: 'quantitative' as const, title: 'k' },
				{ field: 'value', type: 'quantitative' as const, title, format: '.4~f' }
			]
		}
	};
	const best =
		bestK === null
			? []
			: [
					{
						data: { values: [{ k: bestK }] },
						mark: { type: 'rule' as const, strokeDash: [4, 3], color: options.colors?.text ?? '#808a96' },
						encoding: { x: { field: 'k', type: 'quantitative' as const } }
					}
				];
	return { ...CONTAINER_WIDTH, height: 130, title, data: { values }, layer: [line, ...best] };
}

/** Null when nothing was scanned. Silhouettes that could not be scored (k = 1) are left out of theirs. */
export function kScanSpec(
	points: readonly ScanPoint[],
	bestK: number | null,
	options: ChartOptions = {}
): TopLevelSpec | null {
	if (points.length === 0) return null;
	const inertia = points.filter((p) => Number.isFinite(p.inertia)).map((p) => ({ k: p.k, value: p.inertia }));
	const silhouette = points.flatMap((p) =>
		p.silhouette !== null && Number.isFinite(p.silhouette) ? [{ k: p.k, value: p.silhouette }] : []
	);
	const charts = [panel('Inertia (look for the elbow)', inertia, bestK, options)];
	if (silhouette.length > 0) charts.push(panel('Silhouette (higher is better)', silhouette, bestK, options));
	// "container" width works on each chart of a vconcat, not on the concatenation itself.
	return { ...baseSpec(options), vconcat: charts } as TopLevelSpec;
}
