// The Train page's "scan k" for k-means: the data prepared as a run would prepare it (its recipe, or the
// default one, fitted on the training rows), then inertia and silhouette for each k on a seeded sample.
import { BenchtopError } from '../errors.ts';
import { sampleRows } from '../metrics/clustering.ts';
import { scanK, type KScan } from '../models/kmeans/scan-k.ts';
import { defaultRecipe } from '../prep/default-recipe.ts';
import { PREVIEW_ROW_LIMIT } from '../prep/preparation.ts';
import { fitRecipe } from '../prep/recipe/fit-recipe.ts';
import { takeRows } from '../table/take-rows.ts';
import type { PrepTable } from '../table/prep-table.ts';
import { parseRecipe } from '../prep/recipe/validate-recipe.ts';
import { parseSplitSpec, splitRows } from '../prep/split/index.ts';
import { parseTrainSettings } from './settings.ts';
import { yieldToEventLoop } from './yield-to-event-loop.ts';
import { defaultSplit, type TrainingRequest } from './training-request.ts';
import { featurePoints } from '../models/kmeans/feature-points.ts';

/** Rows k-means sees per k: the curve's shape settles long before this, and ten k stay a few seconds. */
export const SCAN_ROW_LIMIT = 5000;
/** More k than anyone reads off an elbow; each costs a whole k-means fit. */
export const MAX_SCAN_K = 30;

export interface ClusterScan extends KScan {
	features: string[];
	/** Prepared training rows, before the sample. */
	trainingRows: number;
}

export interface ScanProgress {
	/** k values done so far, and how many there are. */
	done: number;
	total: number;
	k: number;
}

export async function scanClusters(
	input: PrepTable,
	request: TrainingRequest,
	kFrom: number,
	kTo: number,
	onProgress?: (progress: ScanProgress) => void
): Promise<ClusterScan> {
	if (!Number.isSafeInteger(kFrom) || !Number.isSafeInteger(kTo) || kFrom < 1 || kTo < kFrom) {
		throw new BenchtopError(
			'bad-input',
			`Scan k over whole numbers from at least 1, the first no larger than the last (got ${kFrom} to ${kTo}).`
		);
	}
	if (kTo - kFrom + 1 > MAX_SCAN_K) {
		throw new BenchtopError(
			'bad-input',
			`Scan at most ${MAX_SCAN_K} values of k at a time (${kFrom} to ${kTo} is ${kTo - kFrom + 1}).`
		);
	}
	const seed = parseTrainSettings(request.settings).seed;
	const recipe =
		request.recipe === undefined ? defaultRecipe(input, request.targets).recipe : parseRecipe(request.recipe);
	const split = splitRows(
		input,
		parseSplitSpec(request.split ?? defaultSplit('clustering', undefined, 0.2, seed))
	);
	// As the architecture editor does: the recipe is fitted on at most PREVIEW_ROW_LIMIT training rows.
	const stride = Math.max(1, split.train.length / PREVIEW_ROW_LIMIT);
	const rows = Array.from(
		{ length: Math.min(split.train.length, PREVIEW_ROW_LIMIT) },
		(_, i) => split.train[Math.floor(i * stride)]!
	);
	let prepared = takeRows(input, rows);
	fitRecipe(recipe, prepared, { afterStep: (_, output) => (prepared = output) });
	const features = prepared.schema.map((c) => c.name).filter((name) => !request.targets.includes(name));
	if (features.length === 0) throw new BenchtopError('bad-input', 'No feature columns are left to cluster.');
	const trainingRows = prepared.table.numRows();
	if (kTo > trainingRows) {
		throw new BenchtopError(
			'bad-input',
			`Cannot try k = ${kTo}: only ${trainingRows} training rows are left, and each cluster needs at least one.`
		);
	}
	const sample = trainingRows > SCAN_ROW_LIMIT ? sampleRows(trainingRows, SCAN_ROW_LIMIT, seed) : null;
	const points = featurePoints(sample ? takeRows(prepared, sample) : prepared, features);

	// One k at a time so the page hears after each; scanK seeds each k's fit and the silhouette sample the
	// same way whether it is given one k or all, so the results are those of a single call.
	const ks = Array.from({ length: kTo - kFrom + 1 }, (_, i) => kFrom + i);
	const scans: KScan[] = [];
	for (const k of ks) {
		scans.push(scanK(points, [k], seed));
		onProgress?.({ done: scans.length, total: ks.length, k });
		// Lets the throttled progress timer fire (and the page hear) between fits.
		await yieldToEventLoop();
	}
	const scanned = scans.flatMap((s) => s.points);
	let bestK: number | null = null;
	let best = -Infinity;
	for (const point of scanned) {
		if (point.silhouette !== null && point.silhouette > best) {
			best = point.silhouette;
			bestK = point.k;
		}
	}
	const first = scans[0]!;
	return {
		points: scanned,
		bestK,
		silhouetteRows: first.silhouetteRows,
		rows: first.rows,
		note: sample
			? `k-means ran on a random sample of ${SCAN_ROW_LIMIT.toLocaleString('en')} of the ${trainingRows.toLocaleString('en')} training rows.` +
				(first.note ? ` ${first.note}` : '')
			: first.note,
		features,
		trainingRows
	};
}
