// The parse workers are kept from one import to the next. When an import fails on one part while
// another worker is still reading its part, that late answer must not be taken as the answer to the
// next import's part on the same worker: it would join the old file's rows into the new table.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParseAnswer, ParseRequest } from '../../../workers/parse-pool.ts';
import { readPart, type PartTask } from '../../../src/lib/core/data/import/parallel-parse.ts';

/** Answers as parse.worker.ts does, after `delay` ms; a task whose bytes start with "!" crashes it. */
class FakeWorker {
	static made: FakeWorker[] = [];
	onmessage: ((event: MessageEvent) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	delay = 0;
	constructor() {
		FakeWorker.made.push(this);
	}
	postMessage({ job, task }: ParseRequest): void {
		const bytes = task.bytes.slice();
		setTimeout(() => {
			if (bytes[0] === 33) {
				this.onerror?.({ message: 'out of memory' } as ErrorEvent);
				return;
			}
			const answer: ParseAnswer = { job, ok: true, result: readPart({ ...task, bytes }) };
			this.onmessage?.({ data: answer } as MessageEvent);
		}, this.delay);
	}
	terminate(): void {}
}

const encode = (text: string) => new TextEncoder().encode(text);
const task = (text: string): PartTask => ({
	bytes: encode(text),
	offset: 0,
	delimiter: ',',
	policy: 'error',
	width: 2,
	last: true
});
const firstValues = (result: { records: { columns: unknown[] } }) => {
	const column = result.records.columns[0] as { kind: string; codes: Uint16Array; entries: string[] };
	return Array.from(column.codes, (code) => column.entries[code]);
};

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
	FakeWorker.made = [];
});

describe('the parse worker pool', () => {
	it("never hands one import's late answer to the next import's part", async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const { runParts, warmParsePool } = await import('../../../workers/parse-pool.ts');
		warmParsePool(2);
		const slow = FakeWorker.made[1]!;
		// The second worker is slow: the first import fails (the crash) while it still reads its part.
		slow.delay = 30;
		const first = runParts([task('!crash\n'), task('old,1\nold,2\n')]);
		await expect(first).rejects.toThrow(/A parse worker stopped: out of memory/);
		// The next import's part on that worker takes longer still: the old answer arrives first.
		slow.delay = 60;
		const second = await runParts([task('new,1\n'), task('new,2\nnew,3\n')]);
		expect(second.map(firstValues)).toEqual([['new'], ['new', 'new']]);
	});
});
