// A Node worker thread that summarises its share of a table's columns, or computes its rows of the
// correlation matrix, as a profile worker does in the page: for the profile-columns bench's parallel figure.
import { parentPort } from 'node:worker_threads';
import type { ColumnData } from '../src/lib/core/data/profile/column-data.ts';
import { profileColumns, type ColumnSettings } from '../src/lib/core/data/profile/column-profile.ts';
import { correlationRows } from '../src/lib/core/data/profile/correlations.ts';
import type { CorrelationPart } from '../src/lib/core/data/profile/index.ts';

type Job = { columns: ColumnData[]; settings: ColumnSettings } | { correlate: CorrelationPart };

parentPort!.on('message', (job: Job) =>
	parentPort!.postMessage(
		'correlate' in job
			? correlationRows(job.correlate.columns, job.correlate.shifts, 0, job.correlate.rows)
			: profileColumns(job.columns, job.settings)
	)
);
parentPort!.postMessage('ready');
