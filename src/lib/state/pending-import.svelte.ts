// One imported table shown before it is stored, and its background commit. The Data page shows it from
// the data worker's cache (by its pending id); the commit hashes and stores it, then the view switches to
// the stored version. A failed commit hands the bytes back as a Blob the page keeps (read through a
// memory DataRef from then on), so a full quota loses nothing. Phases and what each allows:
// pending-version.ts.
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { toBenchtopError } from '$lib/core/errors.ts';
import type { DataRef } from '$lib/worker-protocol/data-ref.ts';
import type { CommitOutcome, PendingVersion } from '../../../workers/data.worker.ts';
import {
	PENDING_START,
	canDiscard,
	nextPendingPhase,
	type PendingEvent,
	type PendingPhase
} from './pending-version.ts';

/** How a pending import reaches the data worker: commit it, or let go of what the worker holds for it. */
export interface PendingPorts {
	commit(pending: Pick<PendingVersion, 'id' | 'version'> & { blob?: Blob }): Promise<CommitOutcome>;
	drop(id: string): Promise<void>;
	/** Called once the version is stored (`existed`: found stored already, by its hash). */
	landed(saved: { record: DatasetRecord; existed: boolean }): Promise<void>;
}

export class PendingImport {
	readonly id: string;
	phase = $state.raw<PendingPhase>(PENDING_START);
	/** The version as the page shows it before it is stored: no hash yet, `id` is the pending id. */
	readonly shownRecord: DatasetRecord;
	/** The table while it is not stored; `blob` once a failed commit handed its bytes over. */
	private held: { pending: PendingVersion; blob?: Blob } | undefined;
	private running: Promise<void> | undefined;

	constructor(
		pending: PendingVersion,
		private readonly ports: PendingPorts
	) {
		this.id = pending.id;
		this.held = { pending };
		const { version } = pending;
		this.shownRecord = {
			id: pending.id,
			name: version.name,
			source: version.source,
			rows: version.rows,
			columns: version.schema.length,
			schema: version.schema,
			hash: '',
			bytes: pending.bytes,
			// A string once made: nothing here reacts to it.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			createdAt: new Date().toISOString(),
			parentId: version.parentId ?? null,
			note: version.note ?? '',
			blobId: ''
		};
	}

	/** The stored version once the commit has landed. */
	get stored(): DatasetRecord | undefined {
		return this.phase.kind === 'saved' ? this.phase.record : undefined;
	}

	/**
	 * How a worker reads this table: the stored version once saved; the Blob after a failed commit; until
	 * then by its pending id, which the data worker answers from the table it kept (never from storage).
	 */
	get data(): DataRef | undefined {
		const stored = this.stored;
		if (stored) return { kind: 'stored', id: stored.id };
		const held = this.held;
		if (!held) return undefined;
		return held.blob ? { kind: 'memory', id: this.id, blob: held.blob } : { kind: 'stored', id: this.id };
	}

	/** The Arrow bytes the page holds after a failed commit (to download or store them later). */
	get blob(): Blob | undefined {
		return this.held?.blob;
	}

	/** Runs the commit (the first time, or again after a failure); resolves when it has landed or failed. */
	commit(): Promise<void> {
		this.running ??= this.attempt().finally(() => (this.running = undefined));
		return this.running;
	}

	/** After a failure: tries the same write again. */
	retry(): Promise<void> {
		this.move({ kind: 'retry' });
		return this.commit();
	}

	/** Drops a failed table (the person left it): its Blob and whatever the worker still holds. */
	discard(): void {
		if (!canDiscard(this.phase)) return;
		this.move({ kind: 'discard' });
		this.release();
	}

	private async attempt(): Promise<void> {
		const held = this.held;
		if (!held || this.phase.kind !== 'saving') return;
		try {
			const outcome = await this.ports.commit({ ...held.pending, blob: held.blob });
			if ('failed' in outcome) {
				// Nothing was written; the page now holds the bytes, whatever becomes of the worker.
				held.blob = outcome.blob;
				this.move({ kind: 'failed', error: toBenchtopError(outcome.failed) });
				return;
			}
			const { saved, timings } = outcome;
			// Where the commit's time went, on the page's timeline for the page-import bench.
			performance.mark('benchtop:commit', { detail: timings });
			this.move({ kind: 'committed', record: saved.record, existed: saved.existed });
			// Stored: the Blob and the worker's copy of the bytes are no longer needed.
			this.release();
			await this.ports.landed(saved);
		} catch (error) {
			// The worker stopped, or its storage could not open: nothing was written (one transaction).
			if (this.phase.kind === 'saving') {
				this.move({ kind: 'failed', error: toBenchtopError(error, 'Could not save this table.') });
			}
		}
	}

	private move(event: PendingEvent): void {
		this.phase = nextPendingPhase(this.phase, event);
	}

	private release(): void {
		const held = this.held;
		this.held = undefined;
		// The worker may have stopped meanwhile; then it holds nothing to let go of.
		if (held) void this.ports.drop(held.pending.id).catch(() => undefined);
	}
}
