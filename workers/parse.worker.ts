// A parse worker: reads one part of a big CSV/TSV for the data worker, which splits the file, runs the
// parts at once and joins them in order. Thin: the reading is core's readPart.
import { readPart, type PartTask } from '$lib/core/data/import/parallel-parse.ts';

self.onmessage = (event: MessageEvent<PartTask>) => {
	try {
		self.postMessage({ ok: true, result: readPart(event.data) });
	} catch (error) {
		self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
	}
};
