import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import { toStorageError } from '../../../../src/lib/core/registry/storage-errors.ts';

const FULL =
	"Your browser's storage for Benchtop is full. Delete data sets or model versions you no longer need on the " +
	'Data page, or free disk space, then try again.';

describe('toStorageError', () => {
	it('maps a QuotaExceededError to storage-full with a message that says what to do', () => {
		const error = toStorageError(new DOMException('Quota exceeded', 'QuotaExceededError'));
		expect(error).toBeInstanceOf(BenchtopError);
		expect(error.code).toBe('storage-full');
		expect(error.message).toBe(FULL);
		expect(error.detail).toContain('QuotaExceededError');
	});

	it('maps an AbortError to storage-full when its transaction failed for quota', () => {
		const transaction = { error: new DOMException('', 'QuotaExceededError') };
		const error = toStorageError(new DOMException('aborted', 'AbortError'), transaction);
		expect(error.code).toBe('storage-full');
		expect(error.message).toBe(FULL);
	});

	it('reports the cause of an abort when the transaction knows it', () => {
		const transaction = { error: new DOMException('Key already exists', 'ConstraintError') };
		const error = toStorageError(new DOMException('aborted', 'AbortError'), transaction);
		expect(error.code).toBe('internal');
		expect(error.detail).toBe('ConstraintError: Key already exists');
	});

	it('leaves a plain abort as aborted and other errors to toBenchtopError', () => {
		expect(toStorageError(new DOMException('aborted', 'AbortError'), { error: null }).code).toBe('aborted');
		const other = toStorageError(new DOMException('bad key', 'DataError'));
		expect(other.code).toBe('internal');
		expect(other.detail).toBe('DataError: bad key');
		const known = new BenchtopError('not-found', 'Gone.');
		expect(toStorageError(known)).toBe(known);
	});

	it('survives a transaction whose error cannot be read yet', () => {
		const transaction = {
			get error(): unknown {
				throw new DOMException('', 'InvalidStateError');
			}
		};
		expect(toStorageError(new DOMException('aborted', 'AbortError'), transaction).code).toBe('aborted');
	});
});
