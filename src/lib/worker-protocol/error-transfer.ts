// Comlink's default "throw" handler turns every error into a plain Error and loses its code. This one
// carries a BenchtopError's code, message and detail across, so the page can react to what happened.
import { transferHandlers } from 'comlink';
import { BenchtopError, isBenchtopErrorData, type BenchtopErrorData } from '../core/errors.ts';

interface ThrownValue {
	value: unknown;
}

type SerializedThrow =
	| { kind: 'benchtop'; error: BenchtopErrorData }
	| { kind: 'error'; error: { name: string; message: string; stack?: string } }
	| { kind: 'value'; value: unknown };

let installed = false;

export function installErrorTransfer(): void {
	if (installed) return;
	installed = true;
	transferHandlers.set('throw', {
		canHandle: isComlinkThrown,
		serialize(thrown: ThrownValue): [SerializedThrow, Transferable[]] {
			const { value } = thrown;
			if (value instanceof BenchtopError || isBenchtopErrorData(value)) {
				return [
					{ kind: 'benchtop', error: { code: value.code, message: value.message, detail: value.detail } },
					[]
				];
			}
			if (value instanceof Error) {
				return [
					{ kind: 'error', error: { name: value.name, message: value.message, stack: value.stack } },
					[]
				];
			}
			return [{ kind: 'value', value }, []];
		},
		deserialize(serialized: SerializedThrow): never {
			if (serialized.kind === 'benchtop') {
				const { code, message, detail } = serialized.error;
				throw new BenchtopError(code, message, detail);
			}
			if (serialized.kind === 'error') {
				throw Object.assign(new Error(serialized.error.message), serialized.error);
			}
			throw serialized.value;
		}
	});
}

/** Comlink marks thrown values with a private `Symbol("Comlink.thrown")`; it is matched by description. */
function isComlinkThrown(value: unknown): value is ThrownValue {
	if (typeof value !== 'object' || value === null) return false;
	return Object.getOwnPropertySymbols(value).some((symbol) => symbol.description === 'Comlink.thrown');
}
