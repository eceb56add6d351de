// A profile worker: summarises its share of a wide table's columns for the data worker, which reads the
// columns, splits them and puts the profile together. Thin: the statistics are core's profileColumns.
import type { ColumnData } from '$lib/core/data/profile/column-data.ts';
import { profileColumns, type ColumnSettings } from '$lib/core/data/profile/column-profile.ts';

self.onmessage = (event: MessageEvent<{ columns: ColumnData[]; settings: ColumnSettings }>) => {
	try {
		self.postMessage({ ok: true, summaries: profileColumns(event.data.columns, event.data.settings) });
	} catch (error) {
		self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
	}
};
