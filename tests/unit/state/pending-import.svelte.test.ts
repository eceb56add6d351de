// The pending import's background commit against stand-in ports: what it holds, what it lets go of and
// when, and that a failure keeps the table for a retry. Named .svelte.test.ts so its runes compile here.
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { PendingImport, type PendingPorts } from '$lib/state/pending-import.svelte.ts';
import type { PendingVersion } from '../../../workers/data.worker.ts';

const version: PendingVersion = {
	id: 'pending-1',
	version: {
		name: 'million',
		source: { kind: 'file', fileName: 'million.csv' },
		rows: 2,
		schema: [{ name: 'x', type: 'number' }]
	},
	bytes: 3
};
const stored = { id: 'v9', name: 'million', hash: 'ab'.repeat(32) } as DatasetRecord;
const timings = { hashAndStoreMs: 1, startedAt: 0, finishedAt: 1 };

const bytes = new Blob([new Uint8Array([1, 2, 3])]);
const full = new BenchtopError('storage-full', 'Storage is full.');
type Answer = () => Promise<{ record: DatasetRecord; existed: boolean } | 'full'>;

/** Ports whose commit answers are given, one per attempt, and which record what was asked of them. */
function ports(answers: Answer[]) {
	const log: string[] = [];
	const port: PendingPorts = {
		commit: async (job) => {
			log.push(`commit ${job.id} ${job.version.name}${job.blob ? ' with blob' : ''}`);
			const answer = answers.shift();
			if (!answer) throw new Error('no answer left');
			const saved = await answer();
			// As the worker answers a failed write: why, and the bytes for the page to keep.
			if (saved === 'full') return { failed: full.toJSON(), blob: bytes };
			return { saved, timings };
		},
		drop: async (id) => void log.push(`drop ${id}`),
		landed: async (saved) => void log.push(`landed ${saved.record.id} existed=${saved.existed}`)
	};
	return { port, log };
}

describe('PendingImport', () => {
	it('shows a record without a hash, read from the worker by its pending id, then the stored version', async () => {
		const { port, log } = ports([async () => ({ record: stored, existed: false })]);
		const pending = new PendingImport(version, port);
		expect(pending.shownRecord).toMatchObject({ id: 'pending-1', rows: 2, columns: 1, hash: '', bytes: 3 });
		expect(pending.data).toEqual({ kind: 'stored', id: 'pending-1' });
		expect(pending.blob).toBeUndefined();
		const landing = pending.commit();
		// Asked twice while running: one write, not two.
		expect(pending.commit()).toBe(landing);
		await landing;
		expect(pending.phase).toEqual({ kind: 'saved', record: stored, existed: false });
		expect(pending.stored).toBe(stored);
		expect(pending.data).toEqual({ kind: 'stored', id: 'v9' });
		// Let go of once stored: whatever the worker still holds for it.
		expect(log).toEqual(['commit pending-1 million', 'drop pending-1', 'landed v9 existed=false']);
	});

	it('reports de-duplication as the existing version', async () => {
		const { port, log } = ports([async () => ({ record: stored, existed: true })]);
		const pending = new PendingImport(version, port);
		await pending.commit();
		expect(pending.phase).toMatchObject({ kind: 'saved', existed: true });
		expect(log.at(-1)).toBe('landed v9 existed=true');
	});

	it('keeps the table after a failed write (the page holds its bytes), and a retry stores those', async () => {
		const { port, log } = ports([async () => 'full', async () => ({ record: stored, existed: false })]);
		const pending = new PendingImport(version, port);
		await pending.commit();
		expect(pending.phase).toMatchObject({ kind: 'failed', attempt: 1 });
		expect(pending.phase.kind === 'failed' && pending.phase.error).toMatchObject({
			code: 'storage-full',
			message: 'Storage is full.'
		});
		// Nothing let go of: the table now reads from the Blob the page holds, and can be downloaded.
		expect(pending.blob).toBe(bytes);
		expect(pending.data).toEqual({ kind: 'memory', id: 'pending-1', blob: bytes });
		expect(log).toEqual(['commit pending-1 million']);
		await pending.retry();
		expect(pending.phase).toMatchObject({ kind: 'saved', record: stored });
		expect(pending.blob).toBeUndefined();
		expect(log).toEqual([
			'commit pending-1 million',
			'commit pending-1 million with blob',
			'drop pending-1',
			'landed v9 existed=false'
		]);
	});

	it('a stopped worker fails the commit with a specific message; a discard lets the table go', async () => {
		const { port, log } = ports([
			async () => {
				throw new TypeError('boom');
			}
		]);
		const pending = new PendingImport(version, port);
		await pending.commit();
		expect(pending.phase.kind === 'failed' && pending.phase.error.message).toBe('Could not save this table.');
		pending.discard();
		expect(pending.phase).toEqual({ kind: 'discarded' });
		expect(pending.blob).toBeUndefined();
		expect(pending.data).toBeUndefined();
		expect(log).toEqual(['commit pending-1 million', 'drop pending-1']);
	});

	it('never discards a table whose write is still running', async () => {
		let finish: (saved: { record: DatasetRecord; existed: boolean } | 'full') => void = () => undefined;
		const { port } = ports([() => new Promise((done) => (finish = done))]);
		const pending = new PendingImport(version, port);
		const landing = pending.commit();
		pending.discard();
		expect(pending.phase.kind).toBe('saving');
		expect(pending.data).toEqual({ kind: 'stored', id: 'pending-1' });
		finish({ record: stored, existed: false });
		await landing;
		expect(pending.phase.kind).toBe('saved');
	});
});
