import { describe, expect, it } from 'vitest';
import { BenchtopError } from '$lib/core/errors.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import {
	PENDING_START,
	canDiscard,
	existedNotice,
	losesDataOnUnload,
	needsStoredReason,
	nextPendingPhase,
	pendingStatusText,
	type PendingPhase
} from '$lib/state/pending-version.ts';

const record = { id: 'v1', name: 'million' } as DatasetRecord;
const full = new BenchtopError('storage-full', 'Storage is full.');

describe('pending version phases', () => {
	it('starts saving, then lands as saved with the stored record', () => {
		expect(PENDING_START).toEqual({ kind: 'saving', attempt: 1 });
		const saved = nextPendingPhase(PENDING_START, { kind: 'committed', record, existed: false });
		expect(saved).toEqual({ kind: 'saved', record, existed: false });
		expect(pendingStatusText(PENDING_START)).toBe('Saving…');
		expect(pendingStatusText(saved)).toBe('Saved');
	});

	it('keeps the de-duplication answer: the existing version, marked existed', () => {
		const saved = nextPendingPhase(PENDING_START, { kind: 'committed', record, existed: true });
		expect(saved.kind === 'saved' && saved.existed).toBe(true);
		expect(existedNotice(record)).toContain('already stored as');
		expect(existedNotice(record)).toContain('million');
	});

	it('a failure keeps its error and attempt; a retry saves again as the next attempt', () => {
		const failed = nextPendingPhase(PENDING_START, { kind: 'failed', error: full });
		expect(failed).toEqual({ kind: 'failed', error: full, attempt: 1 });
		const again = nextPendingPhase(failed, { kind: 'retry' });
		expect(again).toEqual({ kind: 'saving', attempt: 2 });
		expect(pendingStatusText(again)).toBe('Saving… (try 2)');
		const landed = nextPendingPhase(again, { kind: 'committed', record, existed: false });
		expect(landed.kind).toBe('saved');
	});

	it('refuses moves that would lose data or count a commit twice', () => {
		const saved = nextPendingPhase(PENDING_START, { kind: 'committed', record, existed: false });
		// A write in flight is never dropped: it lands or fails first.
		expect(() => nextPendingPhase(PENDING_START, { kind: 'discard' })).toThrow(
			/cannot discard while it is saving/
		);
		expect(() => nextPendingPhase(saved, { kind: 'discard' })).toThrow(/saved/);
		expect(() => nextPendingPhase(saved, { kind: 'committed', record, existed: false })).toThrow(
			/record a commit/
		);
		expect(() => nextPendingPhase(saved, { kind: 'failed', error: full })).toThrow(/failed commit/);
		expect(() => nextPendingPhase(PENDING_START, { kind: 'retry' })).toThrow(/cannot retry/);
		const failed = nextPendingPhase(PENDING_START, { kind: 'failed', error: full });
		const dropped = nextPendingPhase(failed, { kind: 'discard' });
		expect(dropped).toEqual({ kind: 'discarded' });
		expect(() => nextPendingPhase(dropped, { kind: 'retry' })).toThrow(/discarded/);
	});

	it('says what each phase allows', () => {
		const failed: PendingPhase = { kind: 'failed', error: full, attempt: 1 };
		const saved: PendingPhase = { kind: 'saved', record, existed: false };
		const discarded: PendingPhase = { kind: 'discarded' };
		expect([PENDING_START, failed, saved, discarded].map(canDiscard)).toEqual([false, true, false, false]);
		expect([PENDING_START, failed, saved, discarded].map(losesDataOnUnload)).toEqual([
			true,
			true,
			false,
			false
		]);
		expect(needsStoredReason(saved)).toBeUndefined();
		expect(needsStoredReason(PENDING_START)).toMatch(/once this table is saved/);
		expect(needsStoredReason(failed)).toMatch(/not stored yet/);
		expect(needsStoredReason(discarded)).toMatch(/import the file again/);
	});
});
