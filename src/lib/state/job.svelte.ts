// One piece of cancellable work a panel starts and shows: running, its progress, its result, why it failed
// or that it was cancelled. The bookkeeping every panel wrote by hand (an AbortController, flags reset in
// the right order, an error turned into a BenchtopError) lives here once, with one rule panels got wrong:
// a late answer from work that was cancelled or replaced by a newer start never overwrites the newer state.
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';

/** What the work gets: a signal that aborts when the job is cancelled or started again, and a progress sink. */
export interface JobContext<P> {
	signal: AbortSignal;
	progress(value: P): void;
}

export type JobWork<P, R> = (context: JobContext<P>) => Promise<R>;

export class Job<P, R> {
	running = $state(false);
	progress = $state.raw<P | undefined>(undefined);
	result = $state.raw<R | undefined>(undefined);
	error = $state.raw<BenchtopError | undefined>(undefined);
	cancelled = $state(false);

	/** Counts starts and cancels; work answers only while its generation is still the current one. */
	#generation = 0;
	#controller: AbortController | undefined;
	readonly #failureMessage: string;
	readonly #keepResult: boolean;

	/**
	 * `failureMessage` heads an error that is not a BenchtopError (a crash, a bug). With `keepResult`, the
	 * last result stays shown while new work runs, fails or is cancelled, until a newer result replaces it.
	 */
	constructor(failureMessage: string, options: { keepResult?: boolean } = {}) {
		this.#failureMessage = failureMessage;
		this.#keepResult = options.keepResult ?? false;
	}

	/**
	 * Runs `work`, cancelling whatever this job was running. Resolves with the result, or undefined when
	 * the work failed (see `error`), was cancelled, or was replaced by a newer start.
	 */
	async start(work: JobWork<P, R>): Promise<R | undefined> {
		this.#stopCurrent();
		const generation = ++this.#generation;
		const controller = new AbortController();
		this.#controller = controller;
		this.running = true;
		this.progress = undefined;
		if (!this.#keepResult) this.result = undefined;
		this.error = undefined;
		this.cancelled = false;
		const current = () => generation === this.#generation;
		try {
			const result = await work({
				signal: controller.signal,
				progress: (value) => {
					if (current()) this.progress = value;
				}
			});
			if (!current()) return undefined;
			this.result = result;
			return result;
		} catch (failure) {
			if (!current()) return undefined;
			const problem = toBenchtopError(failure, this.#failureMessage);
			if (problem.code === 'aborted') this.cancelled = true;
			else this.error = problem;
			return undefined;
		} finally {
			if (current()) {
				this.running = false;
				this.#controller = undefined;
			}
		}
	}

	/** Stops the running work now: `cancelled` is set at once, and whatever it answers later is ignored. */
	cancel(): void {
		if (!this.running) return;
		this.#stopCurrent();
		this.#generation++;
		this.running = false;
		this.progress = undefined;
		this.cancelled = true;
	}

	/** Cancels any running work and forgets the last result, error and cancellation (the subject changed). */
	reset(): void {
		this.#stopCurrent();
		this.#generation++;
		this.running = false;
		this.progress = undefined;
		this.result = undefined;
		this.error = undefined;
		this.cancelled = false;
	}

	/** Shows a problem found before any work started (a bad input), as a failed start would. */
	fail(problem: BenchtopError): void {
		const kept = this.#keepResult ? this.result : undefined;
		this.reset();
		this.result = kept;
		this.error = problem;
	}

	/** Forgets the error once the user dismissed it. */
	dismissError(): void {
		this.error = undefined;
	}

	#stopCurrent(): void {
		this.#controller?.abort(new BenchtopError('aborted', 'Cancelled.'));
		this.#controller = undefined;
	}
}
