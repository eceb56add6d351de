// Reading fields of an untrusted model.json (a plain TF.js model, a Teachable Machine graph): each reader
// refuses a wrong value with a bad-input error naming where it is and what was found, shortened.
import { BenchtopError } from '../errors.ts';

export function bad(message: string): never {
	throw new BenchtopError('bad-input', message);
}

export const count = (n: number) => n.toLocaleString('en');

/** A found value as a refusal quotes it: JSON, cut at 60 characters. */
export const show = (x: unknown) => {
	const text = JSON.stringify(x) ?? String(x);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

export function whole(value: unknown, where: string, min: number, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
		bad(`${where} is ${show(value)}; expected a whole number from ${min} to ${count(max)}`);
	return value;
}

/** Two whole numbers (or one for both), as Keras writes kernel sizes, strides and pool sizes. */
export function pairOf(value: unknown, where: string, max: number): [number, number] {
	const list = typeof value === 'number' ? [value, value] : value;
	if (!Array.isArray(list) || list.length !== 2)
		bad(`${where} is ${show(value)}; expected two whole numbers`);
	return [whole(list[0], where, 1, max), whole(list[1], where, 1, max)];
}
