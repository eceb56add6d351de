// Cancellation: every reader checks between chunks, and all of them stop with the same error.
import { BenchtopError } from '../../errors.ts';

export function abortIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new BenchtopError('aborted', 'Import cancelled.');
}
