// Why a link was refused: a stable reason the UI and tests can switch on, and a message that says what is
// wrong with this link in particular.
import { BenchtopError } from '../errors.ts';

export type ShareRefusalReason =
	| 'empty'
	| 'not-a-share-link'
	| 'unknown-version'
	| 'too-long'
	| 'damaged'
	| 'too-big'
	| 'not-json'
	| 'too-deep'
	| 'invalid'
	| 'over-limit'
	| 'internal';

export class ShareRefusal extends BenchtopError {
	constructor(
		readonly reason: ShareRefusalReason,
		message: string
	) {
		super('bad-input', message);
	}
}

export function refuse(reason: ShareRefusalReason, message: string): never {
	throw new ShareRefusal(reason, message);
}
