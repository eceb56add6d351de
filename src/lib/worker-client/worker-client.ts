// The page's handle on one kind of worker (squoosh-style): created on first use, every call can be
// aborted (which terminates the worker), a crash rejects what was pending and the next call gets a
// fresh worker, and an idle worker shuts down to give its memory back.
import { releaseProxy, wrap, type Remote } from 'comlink';
import { BenchtopError } from '../core/errors.ts';
import { installErrorTransfer } from './error-transfer.ts';

export interface WorkerClientOptions {
	/** Default 30 s: long enough to reuse a warm worker between clicks, short enough to free memory. */
	idleTimeoutMs?: number;
	/** How the worker is named in messages, e.g. "data worker". */
	name?: string;
}

export interface RunOptions {
	signal?: AbortSignal;
}

/** The part of `Worker` the client uses, so tests can pass a stand-in. */
export type WorkerLike = Pick<
	Worker,
	'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'
>;

interface Live<Api> {
	worker: WorkerLike;
	remote: Remote<Api>;
	/** Rejects when the worker crashes; every pending call races it. */
	crashed: Promise<never>;
}

export class WorkerClient<Api extends object> {
	private live: Live<Api> | undefined;
	private pending = 0;
	private idleTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly idleTimeoutMs: number;
	private readonly name: string;

	constructor(
		private readonly createWorker: () => WorkerLike,
		options: WorkerClientOptions = {}
	) {
		this.idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
		this.name = options.name ?? 'worker';
		installErrorTransfer();
	}

	async run<R>(task: (api: Remote<Api>) => Promise<R>, options: RunOptions = {}): Promise<R> {
		const { signal } = options;
		if (signal?.aborted) throw new BenchtopError('aborted', 'Cancelled.');
		this.clearIdleTimer();
		const live = this.ensureWorker();
		this.pending++;
		let onAbort: (() => void) | undefined;
		const aborted = new Promise<never>((_, reject) => {
			onAbort = () => {
				this.terminateLive(live);
				reject(new BenchtopError('aborted', 'Cancelled.'));
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		try {
			return await Promise.race([task(live.remote), live.crashed, aborted]);
		} finally {
			if (onAbort) signal?.removeEventListener('abort', onAbort);
			this.pending--;
			if (this.pending === 0) this.startIdleTimer();
		}
	}

	/** Stops the worker now; pending calls reject as crashed, the next call starts a fresh one. */
	terminate(): void {
		this.clearIdleTimer();
		if (this.live) this.terminateLive(this.live);
	}

	get running(): boolean {
		return this.live !== undefined;
	}

	private ensureWorker(): Live<Api> {
		if (this.live) return this.live;
		const worker = this.createWorker();
		let fail: (error: BenchtopError) => void = () => undefined;
		const crashed = new Promise<never>((_, reject) => (fail = reject));
		// Nobody may be waiting when it crashes; that must not become an unhandled rejection.
		crashed.catch(() => undefined);
		const onCrash = (event: Event) => {
			const reason = describeCrash(event);
			if (this.live === live) this.terminateLive(live);
			fail(
				new BenchtopError(
					'worker-crashed',
					`The ${this.name} stopped unexpectedly${reason ? ` (${reason})` : ''}. Your data is safe; try again.`,
					reason
				)
			);
		};
		worker.addEventListener('error', onCrash);
		worker.addEventListener('messageerror', onCrash);
		const live: Live<Api> = { worker, remote: wrap<Api>(worker as Worker), crashed };
		this.live = live;
		return live;
	}

	private terminateLive(live: Live<Api>): void {
		if (this.live === live) this.live = undefined;
		live.remote[releaseProxy]();
		live.worker.terminate();
	}

	private startIdleTimer(): void {
		this.clearIdleTimer();
		this.idleTimer = setTimeout(() => {
			this.idleTimer = undefined;
			if (this.pending === 0 && this.live) this.terminateLive(this.live);
		}, this.idleTimeoutMs);
	}

	private clearIdleTimer(): void {
		if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
		this.idleTimer = undefined;
	}
}

function describeCrash(event: Event): string | undefined {
	const message = (event as ErrorEvent).message;
	if (message) return message;
	if (event.type === 'messageerror') return 'a message could not be read';
	return undefined;
}
