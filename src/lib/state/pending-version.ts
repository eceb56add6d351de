// The life of an imported table between "its rows are on screen" and "it is stored": a pending version.
// The data worker hands the page the table before it is hashed and written to IndexedDB, so the person
// can scroll while the commit runs in the background. This is the pure state machine the page follows;
// what it may do at each step (discard the table, leave the page, train on it) is decided here.
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';

export type PendingPhase =
	/** Hashing and writing in the background; the table is shown from the worker's cache. */
	| { kind: 'saving'; attempt: number }
	/** Stored: `record` is the new version, or the one already stored with the same content (`existed`). */
	| { kind: 'saved'; record: DatasetRecord; existed: boolean }
	/** The write failed (a full quota, a closed tab's storage...): nothing was written, the table is kept. */
	| { kind: 'failed'; error: BenchtopError; attempt: number }
	/** Let go without being stored (the person left a failed import, or chose to drop it). */
	| { kind: 'discarded' };

export type PendingEvent =
	| { kind: 'committed'; record: DatasetRecord; existed: boolean }
	| { kind: 'failed'; error: BenchtopError }
	| { kind: 'retry' }
	| { kind: 'discard' };

/** The first phase of every pending version: its commit starts as soon as the table exists. */
export const PENDING_START: PendingPhase = { kind: 'saving', attempt: 1 };

/**
 * The phase after `event`. A commit's answer only counts while one is running; a retry only after a
 * failure; a discard only when nothing is being written (a write in flight always lands or fails first,
 * so no half-written record remains and nothing is dropped that might still be stored).
 */
export function nextPendingPhase(phase: PendingPhase, event: PendingEvent): PendingPhase {
	switch (event.kind) {
		case 'committed':
			if (phase.kind !== 'saving') throw refused(phase, 'record a commit');
			return { kind: 'saved', record: event.record, existed: event.existed };
		case 'failed':
			if (phase.kind !== 'saving') throw refused(phase, 'record a failed commit');
			return { kind: 'failed', error: event.error, attempt: phase.attempt };
		case 'retry':
			if (phase.kind !== 'failed') throw refused(phase, 'retry');
			return { kind: 'saving', attempt: phase.attempt + 1 };
		case 'discard':
			if (!canDiscard(phase)) throw refused(phase, 'discard');
			return { kind: 'discarded' };
	}
}

/** Only a failed version may be dropped: a saving one is finishing its write, a saved one is stored. */
export function canDiscard(phase: PendingPhase): boolean {
	return phase.kind === 'failed';
}

/** True while leaving the tab would lose the table (it is not stored yet, or its write failed). */
export function losesDataOnUnload(phase: PendingPhase): boolean {
	return phase.kind === 'saving' || phase.kind === 'failed';
}

/**
 * Why an action that needs the stored version (train, share, export, prepare, a saved recipe, a new
 * version from a retyped column) cannot run yet; undefined once it can.
 */
export function needsStoredReason(phase: PendingPhase): string | undefined {
	switch (phase.kind) {
		case 'saving':
			return 'Available once this table is saved to your browser (a moment).';
		case 'failed':
			return 'Available once this table is saved: it is not stored yet.';
		case 'discarded':
			return 'This table was not stored; import the file again.';
		case 'saved':
			return undefined;
	}
}

/** What the status beside the table says. */
export function pendingStatusText(phase: PendingPhase): string {
	switch (phase.kind) {
		case 'saving':
			return phase.attempt === 1 ? 'Saving…' : `Saving… (try ${phase.attempt})`;
		case 'saved':
			return 'Saved';
		case 'failed':
			return 'Not saved';
		case 'discarded':
			return 'Not saved';
	}
}

/** What the person reads when the same content is already stored (de-duplication by hash). */
export function existedNotice(record: DatasetRecord): string {
	return `This content is already stored as “${record.name}”; opened that one.`;
}

function refused(phase: PendingPhase, action: string): BenchtopError {
	return new BenchtopError(
		'internal',
		`A pending version cannot ${action} while it is ${phase.kind}.`,
		`phase ${JSON.stringify(phase.kind)}`
	);
}
