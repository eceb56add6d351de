// Turns what IndexedDB throws into BenchtopErrors. Quota is the one storage failure a person can fix
// themselves, so it gets its own code and a message that says how.

import { BenchtopError, toBenchtopError } from '../errors.ts';

export const STORAGE_FULL_MESSAGE =
	"Your browser's storage for Benchtop is full. Delete data sets or model versions you no longer need " +
	'on the Data page, or free disk space, then try again.';

/** What we read from a transaction: only its error, so an idb or a raw transaction both fit. */
export interface TransactionLike {
	readonly error: unknown;
}

/**
 * Maps a storage failure to a BenchtopError. Browsers report quota on the transaction (its `error`,
 * while requests see an AbortError), so pass the transaction when there is one.
 */
export function toStorageError(error: unknown, transaction?: TransactionLike): BenchtopError {
	if (isQuotaError(error) || (isNamed(error, 'AbortError') && isQuotaError(transactionError(transaction)))) {
		return new BenchtopError('storage-full', STORAGE_FULL_MESSAGE, detailOf(error));
	}
	if (isNamed(error, 'AbortError') && transaction) {
		// An abort caused by a failed request reports that failure on the transaction: it says more.
		const cause = transactionError(transaction);
		if (cause !== null && cause !== undefined && !isNamed(cause, 'AbortError')) {
			return toBenchtopError(cause, 'Benchtop could not save to its storage.');
		}
	}
	return toBenchtopError(error, 'Benchtop could not use its storage.');
}

export function isQuotaError(error: unknown): boolean {
	return (
		isNamed(error, 'QuotaExceededError') ||
		// Older engines: DOMException.QUOTA_EXCEEDED_ERR, and Firefox's legacy name.
		(typeof DOMException !== 'undefined' && error instanceof DOMException && error.code === 22) ||
		isNamed(error, 'NS_ERROR_DOM_QUOTA_REACHED')
	);
}

function transactionError(transaction: TransactionLike | undefined): unknown {
	try {
		return transaction?.error;
	} catch {
		// Reading `error` on a transaction that has not finished throws InvalidStateError in some engines.
		return undefined;
	}
}

function isNamed(error: unknown, name: string): boolean {
	return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

function detailOf(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'name' in error) {
		return `${String(error.name)}: ${String((error as { message?: unknown }).message ?? '')}`;
	}
	return String(error);
}
