// Job: one cancellable piece of work and what a panel shows of it. Started, it runs and reports progress;
// cancelled, it stops at once and its late answer is ignored; a second start cancels the first, whose answer
// never overwrites the second's; failures become BenchtopErrors.
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../src/lib/core/errors.ts';
import { Job, type JobContext } from '../../../src/lib/state/job.svelte.ts';

/** Work that waits until the test settles it, and hands the test its context. */
function controllable<R>() {
	let context: JobContext<number> | undefined;
	let settle: { resolve(value: R): void; reject(error: unknown): void } | undefined;
	const work = (ctx: JobContext<number>) =>
		new Promise<R>((resolve, reject) => {
			context = ctx;
			settle = { resolve, reject };
		});
	return {
		work,
		get context() {
			return context!;
		},
		resolve: (value: R) => settle!.resolve(value),
		reject: (error: unknown) => settle!.reject(error)
	};
}

describe('Job', () => {
	it('runs the work, shows its progress and keeps its result', async () => {
		const job = new Job<number, string>('Could not do it.');
		const work = controllable<string>();
		const started = job.start(work.work);
		expect(job.running).toBe(true);
		work.context.progress(3);
		expect(job.progress).toBe(3);
		work.resolve('done');
		await expect(started).resolves.toBe('done');
		expect(job.running).toBe(false);
		expect(job.result).toBe('done');
		expect(job.error).toBeUndefined();
		expect(job.cancelled).toBe(false);
	});

	it('cancel aborts the signal, marks it cancelled at once and ignores the late answer', async () => {
		const job = new Job<number, string>('Could not do it.');
		const work = controllable<string>();
		const started = job.start(work.work);
		job.cancel();
		expect(work.context.signal.aborted).toBe(true);
		expect(job.running).toBe(false);
		expect(job.cancelled).toBe(true);
		work.context.progress(9);
		work.resolve('too late');
		await expect(started).resolves.toBeUndefined();
		expect(job.result).toBeUndefined();
		expect(job.progress).toBeUndefined();
		expect(job.running).toBe(false);
	});

	it('turns an aborted rejection into cancelled, and any other into a BenchtopError', async () => {
		const job = new Job<number, string>('Could not do it.');
		const aborted = controllable<string>();
		const first = job.start(aborted.work);
		aborted.reject(new BenchtopError('aborted', 'Cancelled.'));
		await first;
		expect(job.cancelled).toBe(true);
		expect(job.error).toBeUndefined();

		const failing = controllable<string>();
		const second = job.start(failing.work);
		expect(job.cancelled).toBe(false);
		failing.reject(new TypeError('x is undefined'));
		await expect(second).resolves.toBeUndefined();
		expect(job.error).toBeInstanceOf(BenchtopError);
		expect(job.error?.message).toContain('Could not do it.');
		expect(job.running).toBe(false);

		const bad = controllable<string>();
		const third = job.start(bad.work);
		bad.reject(new BenchtopError('bad-input', 'Choose at least 2 folds.'));
		await third;
		expect(job.error?.code).toBe('bad-input');
		expect(job.error?.message).toBe('Choose at least 2 folds.');
	});

	it('a second start cancels the first, whose answer and progress never overwrite the second', async () => {
		const job = new Job<number, string>('Could not do it.');
		const first = controllable<string>();
		const second = controllable<string>();
		const firstDone = job.start(first.work);
		const secondDone = job.start(second.work);
		expect(first.context.signal.aborted).toBe(true);
		expect(second.context.signal.aborted).toBe(false);
		expect(job.running).toBe(true);
		second.context.progress(1);
		first.context.progress(99);
		expect(job.progress).toBe(1);
		// The first answers after the second started, and even after the second finished: both ignored.
		first.resolve('stale');
		await expect(firstDone).resolves.toBeUndefined();
		expect(job.running).toBe(true);
		expect(job.result).toBeUndefined();
		second.resolve('fresh');
		await expect(secondDone).resolves.toBe('fresh');
		expect(job.result).toBe('fresh');
		expect(job.cancelled).toBe(false);
	});

	it('a first start that fails after a second started leaves no error behind', async () => {
		const job = new Job<number, string>('Could not do it.');
		const first = controllable<string>();
		const second = controllable<string>();
		const firstDone = job.start(first.work);
		void job.start(second.work);
		first.reject(new Error('worker crashed'));
		await firstDone;
		expect(job.error).toBeUndefined();
		expect(job.running).toBe(true);
	});

	it('clears the last result when started again, unless told to keep it', async () => {
		const plain = new Job<number, string>('Could not do it.');
		await plain.start(async () => 'one');
		void plain.start(() => new Promise<string>(() => {}));
		expect(plain.result).toBeUndefined();

		const keeping = new Job<number, string>('Could not do it.', { keepResult: true });
		await keeping.start(async () => 'one');
		void keeping.start(() => new Promise<string>(() => {}));
		expect(keeping.result).toBe('one');
		keeping.fail(new BenchtopError('bad-input', 'Show between 1 and 50 groups.'));
		expect(keeping.result).toBe('one');
		expect(keeping.running).toBe(false);
		expect(keeping.error?.message).toBe('Show between 1 and 50 groups.');
	});

	it('reset cancels the work and forgets result, error and cancellation', async () => {
		const job = new Job<number, string>('Could not do it.');
		await job.start(async () => {
			throw new BenchtopError('bad-input', 'No.');
		});
		expect(job.error?.message).toBe('No.');
		const work = controllable<string>();
		const started = job.start(work.work);
		job.reset();
		expect(work.context.signal.aborted).toBe(true);
		work.resolve('late');
		await started;
		expect(job).toMatchObject({ running: false, result: undefined, error: undefined, cancelled: false });
		job.fail(new BenchtopError('bad-input', 'Bad.'));
		job.dismissError();
		expect(job.error).toBeUndefined();
	});
});
