// The handle a caller keeps on a running training loop: pause, resume and stop take effect between batches.
// The loop checks it after each batch, so a stop never lands in the middle of a weight update.

export type TrainControlState = 'running' | 'paused' | 'stopped';

export class TrainControl {
	#state: TrainControlState = 'running';
	#waiters: (() => void)[] = [];

	get state(): TrainControlState {
		return this.#state;
	}

	get stopped(): boolean {
		return this.#state === 'stopped';
	}

	/** The loop waits after the current batch until resume() or stop(). */
	pause(): void {
		if (this.#state === 'running') this.#state = 'paused';
	}

	resume(): void {
		if (this.#state !== 'paused') return;
		this.#state = 'running';
		this.#wake();
	}

	/** Ends the run after the current batch; the model keeps its best weights so far (when restoring best). */
	stop(): void {
		this.#state = 'stopped';
		this.#wake();
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
