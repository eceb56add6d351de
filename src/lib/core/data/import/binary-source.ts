// The bytes of a binary file (Arrow, Parquet), and the message for one that is cut short or damaged.
import { BenchtopError } from '../../errors.ts';
import { abortIfCancelled } from './cancel.ts';

export async function sourceBytes(
	source: Blob | Uint8Array | string,
	format: 'Arrow' | 'Parquet',
	signal?: AbortSignal
): Promise<Uint8Array> {
	if (typeof source === 'string')
		throw new BenchtopError('bad-input', `${format} data must come from a file, not from text.`);
	if (source instanceof Uint8Array) return source;
	abortIfCancelled(signal);
	const bytes = new Uint8Array(await source.arrayBuffer());
	abortIfCancelled(signal);
	return bytes;
}

/** "The Parquet file is incomplete or damaged (…)": our reason in words, the decoder's own in detail. */
export function damaged(format: 'Arrow' | 'Parquet', reason: string, error: unknown): BenchtopError {
	if (error instanceof BenchtopError) return error;
	return new BenchtopError(
		'bad-input',
		`The ${format} file is incomplete or damaged (${reason}). If it was downloaded or copied, try that again, or export it again.`,
		error instanceof Error ? `${error.name}: ${error.message}` : String(error)
	);
}
