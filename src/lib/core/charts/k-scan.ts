// A k-means scan as two stacked charts over k: inertia (look for the elbow, where adding a cluster stops
// paying) and mean silhouette (higher is better), with the suggested k (the best silhouette) marked on both.
import type { TopLevelSpec } from 'vega-lite';
import type { ScanPoint } from '../models/kmeans/scan-k.ts';
import { baseSpec, CONTAINER_WIDTH, type ChartOptions } from './theme.ts';

interface Value {
	k: number;
	value: number;
}

function panel(
	title: string,
	measure: string,
	values: Value[],
	ks: number[],
	bestK: number | null,
	options: ChartOptions
) {
	// Ticks at the k scanned only (the same on both charts, so they line up), and half a step either side so
	// the end points (often the best k) clear the axes.
	const x = {
		field: 'k',
		type: 'quantitative' as const,
		title: 'k (clusters)',
		axis: { values: ks, format: 'd' },
		scale: { domain: [Math.min(...ks) - 0.5, Math.max(...ks) + 0.5], nice: false }
	};
	const y = {
		field: 'value',
		type: 'quantitative' as const,
		title: measure,
		scale: { zero: false, padding: 8 }
	};
	const marker = options.colors?.text ?? '#808a96';
	const line = {
		mark: { type: 'line' as const, point: true, tooltip: true },
		encoding: {
			x,
			y,
			tooltip: [
				{ field: 'k', type: 'quantitative' as const, title: 'k' },
				{ field: 'value', type: 'quantitative' as const, title: measure, format: '.4~f' }
			]
		}
	};
	const best =
		bestK === null
			? []
			: [
					{
						data: { values: [{ k: bestK }] },
						mark: { type: 'rule' as const, strokeDash: [4, 3], color: marker },
						encoding: { x }
					},
					// A ring around the suggested k's point, so it shows even at the chart's edge.
					{
						transform: [{ filter: { field: 'k', equal: bestK } }],
						mark: { type: 'point' as const, size: 140, strokeWidth: 2, color: marker, filled: false },
						encoding: { x, y }
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
	const ks = points.map((p) => p.k);
	const charts = [panel('Inertia (look for the elbow)', 'Inertia', inertia, ks, bestK, options)];
	if (silhouette.length > 0)
		charts.push(panel('Silhouette (higher is better)', 'Silhouette', silhouette, ks, bestK, options));
	// "container" width works on each chart of a vconcat, not on the concatenation itself.
	return { ...baseSpec(options), vconcat: charts } as TopLevelSpec;
}
