// A profile worker: summarises its share of a wide table's columns, or computes its rows of the
// correlation matrix, for the data worker, which reads the columns, splits the work and puts the profile
// together. Thin: the statistics are core's profileColumns and correlationRows.
import type { ColumnData } from '$lib/core/data/profile/column-data.ts';
import { profileColumns, type ColumnSettings } from '$lib/core/data/profile/column-profile.ts';
import { correlationRows } from '$lib/core/data/profile/correlations.ts';
import type { CorrelationPart } from '$lib/core/data/profile/index.ts';

export type ProfileJob = { columns: ColumnData[]; settings: ColumnSettings } | { correlate: CorrelationPart };

self.onmessage = (event: MessageEvent<ProfileJob>) => {
	try {
		const job = event.data;
		const result =
			'correlate' in job
				? correlationRows(job.correlate.columns, job.correlate.shifts, 0, job.correlate.rows)
				: profileColumns(job.columns, job.settings);
		self.postMessage({ ok: true, result });
	} catch (error) {
		self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
	}
};
