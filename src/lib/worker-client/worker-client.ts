// The page's handle on one kind of worker (squoosh-style): created on first use, every call can be
// aborted (which terminates the worker), a crash rejects what was pending and the next call gets a
// fresh worker, and an idle worker shuts down to give its memory back.
import { releaseProxy, wrap, type Remote } from 'comlink';
import { BenchtopError } from '../core/errors.ts';
import { withCloneableArgs } from './cloneable-args.ts';
import { installErrorTransfer } from '../worker-protocol/error-transfer.ts';

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
	/**
	 * Rejects when the worker stops for any reason (crash, abort, terminate). Every pending call races it:
	 * comlink forgets its pending calls when the worker goes, so without this they would never settle.
	 */
	stopped: Promise<never>;
	stop(error: BenchtopError): void;
	/** Set once terminated: an abort after a crash (or the reverse) must not terminate it twice. */
	done: boolean;
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
				// Rejected before the worker is stopped, so this call's race settles as cancelled, not crashed.
				reject(new BenchtopError('aborted', 'Cancelled.'));
				// Terminating is the only way to stop work already running in the worker; calls that shared it
				// did not ask for that, so they hear that the worker stopped and that trying again is safe.
				this.stopLive(live, this.crashError('another task on it was cancelled'));
			};
			signal?.addEventListener('abort', onAbort, { once: true });
		});
		try {
			return await Promise.race([task(live.remote), live.stopped, aborted]);
		} finally {
			if (onAbort) signal?.removeEventListener('abort', onAbort);
			this.pending--;
			if (this.pending === 0) this.startIdleTimer();
		}
	}

	/** Stops the worker now; pending calls reject as cancelled ('aborted'), the next call starts a fresh one. */
	terminate(): void {
		this.clearIdleTimer();
		if (this.live) {
			this.stopLive(this.live, new BenchtopError('aborted', 'Cancelled.', `The ${this.name} was stopped.`));
		}
	}

	get running(): boolean {
		return this.live !== undefined;
	}

	/**
	 * Starts the worker now, so the first call does not wait for its script to be fetched, compiled and run
	 * (the page expects to need it soon). One left unused shuts down after the idle timeout; one that cannot
	 * start says so on the first call instead.
	 */
	warm(): void {
		if (this.live) return;
		try {
			this.ensureWorker();
		} catch {
			return;
		}
		if (this.pending === 0) this.startIdleTimer();
	}

	private ensureWorker(): Live<Api> {
		if (this.live) return this.live;
		let worker: WorkerLike;
		try {
			worker = this.createWorker();
		} catch (error) {
			// A blocked or missing script (CSP, wrong path) throws here rather than firing `error`.
			const reason = error instanceof Error ? error.message : String(error);
			throw new BenchtopError(
				'worker-crashed',
				`The ${this.name} could not start (${reason}). Reload the page and try again.`,
				reason
			);
		}
		let reject: (error: BenchtopError) => void = () => undefined;
		const stopped = new Promise<never>((_, fail) => (reject = fail));
		// Nobody may be waiting when it stops; that must not become an unhandled rejection.
		stopped.catch(() => undefined);
		const onCrash = (event: Event) => this.stopLive(live, this.crashError(describeCrash(event)));
		worker.addEventListener('error', onCrash);
		worker.addEventListener('messageerror', onCrash);
		const live: Live<Api> = {
			worker,
			// Arguments are copied out of Svelte's state proxies, which postMessage cannot clone.
			remote: withCloneableArgs(wrap<Api>(worker as Worker)),
			stopped,
			stop: reject,
			done: false
		};
		this.live = live;
		return live;
	}

	private crashError(reason: string | undefined): BenchtopError {
		return new BenchtopError(
			'worker-crashed',
			`The ${this.name} stopped unexpectedly${reason ? ` (${reason})` : ''}. Your data is safe; try again.`,
			reason
		);
	}

	/** Terminates a worker once, and rejects whatever was still waiting on it with `error`. */
	private stopLive(live: Live<Api>, error: BenchtopError): void {
		if (this.live === live) this.live = undefined;
		if (live.done) return;
		live.done = true;
		live.stop(error);
		live.remote[releaseProxy]();
		live.worker.terminate();
	}

	private startIdleTimer(): void {
		this.clearIdleTimer();
		this.idleTimer = setTimeout(() => {
			this.idleTimer = undefined;
			// Nobody is waiting, so the error below reaches no one; it only satisfies stopLive.
			if (this.pending === 0 && this.live) {
				this.stopLive(this.live, new BenchtopError('aborted', 'Cancelled.'));
			}
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
