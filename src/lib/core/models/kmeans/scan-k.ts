// Tries several k for k-means and reports inertia and silhouette for each: the data of an elbow chart and
// a silhouette chart, from which a person (or the default spec) picks k.
import { BenchtopError } from '../../errors.ts';
import { sampleRows, silhouetteScore, takeRows } from '../../metrics/clustering.ts';
import type { Points } from '../../metrics/clustering.ts';
import { fitKMeans } from './kmeans.ts';

/** The silhouette costs rows² distances; past this many rows it is scored on a seeded sample. */
export const SILHOUETTE_SAMPLE_ROWS = 2000;

export interface ScanPoint {
	k: number;
	inertia: number;
	/** Mean silhouette; null for k = 1 (undefined with one cluster) and when k leaves no row to compare. */
	silhouette: number | null;
}

export interface KScan {
	points: ScanPoint[];
	/** The k with the highest silhouette, or null when none could be scored. */
	bestK: number | null;
	/** Rows the silhouette was scored on (all rows, or the sample). */
	silhouetteRows: number;
	rows: number;
	/** Says, in words, when the silhouette comes from a sample. */
	note: string | null;
}

export interface ScanOptions {
	/** Restarts per k: fewer than a final fit's, since the scan only needs the shape of the curve. */
	restarts?: number;
	maxIterations?: number;
}

export function scanK(points: Points, ks: readonly number[], seed: number, options: ScanOptions = {}): KScan {
	const rows = points.data.length / points.width;
	if (ks.length === 0) throw new BenchtopError('bad-input', 'Give at least one k to try.');
	const tooMany = ks.find((k) => k > rows);
	if (tooMany !== undefined) {
		throw new BenchtopError(
			'bad-input',
			`Cannot try k = ${tooMany}: the data has only ${rows} rows, and each cluster needs at least one.`
		);
	}
	// One sample for every k, so the silhouettes compare like with like.
	const sampled = rows > SILHOUETTE_SAMPLE_ROWS ? sampleRows(rows, SILHOUETTE_SAMPLE_ROWS, seed) : null;
	const scored = sampled ? takeRows(points, sampled) : points;
	const scoredRows = sampled ? sampled.length : rows;
	const result: ScanPoint[] = [];
	for (const k of ks) {
		const fit = fitKMeans(
			points,
			{ k, restarts: options.restarts ?? 3, maxIterations: options.maxIterations ?? 300 },
			seed
		);
		const labels = sampled ? Array.from(sampled, (i) => fit.labels[i]!) : fit.labels;
		const clusters = new Set(labels).size;
		const silhouette = clusters >= 2 && clusters < scoredRows ? silhouetteScore(scored, labels) : null;
		result.push({ k, inertia: fit.model.inertia, silhouette });
	}
	let bestK: number | null = null;
	let best = -Infinity;
	for (const point of result) {
		if (point.silhouette !== null && point.silhouette > best) {
			best = point.silhouette;
			bestK = point.k;
		}
	}
	return {
		points: result,
		bestK,
		silhouetteRows: scoredRows,
		rows,
		note: sampled
			? `Silhouette scored on a random sample of ${scoredRows.toLocaleString('en')} of the ${rows.toLocaleString('en')} rows (the full score grows with rows²); inertia uses every row.`
			: null
	};
}
