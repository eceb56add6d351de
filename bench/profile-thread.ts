// A Node worker thread that summarises its share of a table's columns, as a profile worker does in the
// page: for the profile-columns bench's parallel figure.
import { parentPort } from 'node:worker_threads';
import type { ColumnData } from '../src/lib/core/data/profile/column-data.ts';
import { profileColumns, type ColumnSettings } from '../src/lib/core/data/profile/column-profile.ts';

parentPort!.on('message', ({ columns, settings }: { columns: ColumnData[]; settings: ColumnSettings }) =>
	parentPort!.postMessage(profileColumns(columns, settings))
);
parentPort!.postMessage('ready');
