// Errors are data: a stable code the UI can switch on, a message a person can act on, and detail for
// whoever debugs it. They cross worker boundaries as plain objects and are revived on the other side.
// A message is shown as one string, so the names it quotes (“name”) are isolated in it (see phrase.ts).
import { isolateQuoted } from './phrase.ts';

export type BenchtopErrorCode =
	| 'storage-full'
	| 'storage-unavailable'
	| 'stale-tab'
	| 'newer-version'
	| 'not-found'
	| 'aborted'
	| 'worker-crashed'
	| 'backend-unavailable'
	| 'bad-input'
	| 'ragged-rows'
	| 'internal';

export interface BenchtopErrorData {
	code: BenchtopErrorCode;
	message: string;
	detail?: string;
}

export class BenchtopError extends Error implements BenchtopErrorData {
	override readonly name = 'BenchtopError';
	readonly code: BenchtopErrorCode;
	readonly detail?: string;

	constructor(code: BenchtopErrorCode, message: string, detail?: string) {
		super(isolateQuoted(message));
		this.code = code;
		this.detail = detail;
	}

	toJSON(): BenchtopErrorData {
		return { code: this.code, message: this.message, detail: this.detail };
	}
}

export function isBenchtopErrorData(value: unknown): value is BenchtopErrorData {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as BenchtopErrorData).code === 'string' &&
		typeof (value as BenchtopErrorData).message === 'string'
	);
}

/** Wraps anything thrown into a BenchtopError, keeping a known code when there is one. */
export function toBenchtopError(error: unknown, fallbackMessage = 'Something went wrong.'): BenchtopError {
	if (error instanceof BenchtopError) return error;
	if (isBenchtopErrorData(error)) return new BenchtopError(error.code, error.message, error.detail);
	if (error instanceof Error) {
		if (error.name === 'AbortError') return new BenchtopError('aborted', 'Cancelled.');
		return new BenchtopError('internal', fallbackMessage, `${error.name}: ${error.message}`);
	}
	return new BenchtopError('internal', fallbackMessage, String(error));
}
