// Which columns of a wide table are summarised on which worker. A numeric or date column costs about its
// row count (it is sorted or sketched); a text or category column is already counted when it is read, so
// its summary is nearly free and stays on the calling thread. Heavy columns go to the least-loaded share,
// largest first, with the calling thread taking a share like any worker.
import type { ColumnData } from './column-data.ts';

/** Narrower tables are profiled on one thread: fewer columns than this rarely pay for the copies. */
export const PARALLEL_MIN_COLUMNS = 16;
/** Nor do tables with fewer numeric values than this in all (a worker's start and copies cost ~20 ms). */
export const PARALLEL_MIN_VALUES = 2_000_000;

export interface ColumnPlan {
	/** Column indices summarised by each worker, one list per worker, none empty. */
	parts: number[][];
	/** Column indices summarised on the calling thread. */
	here: number[];
}

/** The plan for `workers` other threads, or null when the table is profiled on one. */
export function splitColumns(data: ColumnData[], rows: number, workers: number): ColumnPlan | null {
	const heavy = data.map((c, k) => k).filter((k) => data[k]!.kind === 'numeric');
	const values = heavy.length * rows;
	if (workers < 1 || data.length < PARALLEL_MIN_COLUMNS || values < PARALLEL_MIN_VALUES || heavy.length < 2)
		return null;
	const costOf = (k: number) => rows - data[k]!.missing;
	// Share 0 is this thread; shares 1… are the workers.
	const shares = Array.from({ length: Math.min(workers, heavy.length - 1) + 1 }, () => ({
		cost: 0,
		columns: [] as number[]
	}));
	for (const k of [...heavy].sort((a, b) => costOf(b) - costOf(a) || a - b)) {
		const least = shares.reduce((best, s) => (s.cost < best.cost ? s : best));
		least.cost += costOf(k);
		least.columns.push(k);
	}
	const light = data.map((c, k) => k).filter((k) => data[k]!.kind !== 'numeric');
	const here = [...light, ...shares[0]!.columns].sort((a, b) => a - b);
	const parts = shares
		.slice(1)
		.map((s) => s.columns.sort((a, b) => a - b))
		.filter((p) => p.length > 0);
	return parts.length === 0 ? null : { parts, here };
}
