// The handle a caller keeps on a running training loop: pause, resume and stop take effect between batches.
// The loop checks it after each batch, so a stop never lands in the middle of a weight update.

export type TrainControlState = 'running' | 'paused' | 'stopped';

export class TrainControl {
	#state: TrainControlState = 'running';
	#waiters: (() => void)[] = [];
	#pausedSince: number | null = null;
	#pausedBefore = 0;
	#listeners = new Set<(state: TrainControlState) => void>();

	get state(): TrainControlState {
		return this.#state;
	}

	get stopped(): boolean {
		return this.#state === 'stopped';
	}

	/** Time spent paused so far, the current pause included: a time budget does not run while paused. */
	get pausedMs(): number {
		return this.#pausedBefore + (this.#pausedSince === null ? 0 : performance.now() - this.#pausedSince);
	}

	/** The loop waits after the current batch until resume() or stop(). */
	pause(): void {
		if (this.#state !== 'running') return;
		this.#state = 'paused';
		this.#pausedSince = performance.now();
		this.#tell();
	}

	resume(): void {
		if (this.#state !== 'paused') return;
		this.#state = 'running';
		this.#endPause();
		this.#wake();
		this.#tell();
	}

	/** Ends the run after the current batch; the model keeps its best weights so far (when restoring best). */
	stop(): void {
		if (this.#state === 'stopped') return;
		this.#state = 'stopped';
		this.#endPause();
		this.#wake();
		this.#tell();
	}

	/** Hears every change of state from now on (a search's pool passes pauses on to its workers); returns the
	 * call that stops listening. */
	subscribe(listener: (state: TrainControlState) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#tell(): void {
		for (const listener of this.#listeners) listener(this.#state);
	}

	#endPause(): void {
		if (this.#pausedSince === null) return;
		this.#pausedBefore += performance.now() - this.#pausedSince;
		this.#pausedSince = null;
	}

	/** For the loop: resolves at once unless paused, then when resumed or stopped. */
	whilePaused(): Promise<void> {
		if (this.#state !== 'paused') return Promise.resolve();
		return new Promise((resolve) => this.#waiters.push(resolve));
	}

	#wake(): void {
		const waiters = this.#waiters;
		this.#waiters = [];
		for (const wake of waiters) wake();
	}
}
