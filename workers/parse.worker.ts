// A parse worker: reads one part of a big CSV/TSV for the data worker, which splits the file, runs the
// parts at once and joins them in order. Thin: the reading is core's readPart.
import { readPart } from '$lib/core/data/import/parallel-parse.ts';
import type { ParseAnswer, ParseRequest } from './parse-pool.ts';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
	const { job, task } = event.data;
	let answer: ParseAnswer;
	try {
		answer = { job, ok: true, result: readPart(task) };
	} catch (error) {
		answer = { job, ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	self.postMessage(answer);
};
