// Reads a number typed into a form field, keeping it within its limits: an out-of-range or unreadable entry
// is clamped or reverted (and the field shows the value kept), with a sentence saying what happened.
import type { NumberField } from '$lib/core/number-field.ts';

export interface NumberRule {
	/** The field's name at the start of a sentence: "Units of layer 2", "Batch size". */
	name: string;
	min: number;
	max: number;
	/** Whole numbers only (rounded). */
	whole?: boolean;
	/** The minimum itself is not allowed (a learning rate of 0); such entries are reverted. */
	minExclusive?: boolean;
	/** The maximum itself is not allowed (momentum 1); such entries become the largest step below it. */
	maxExclusive?: boolean;
}

/** What a typed number is held to: the field's own limits, named as the sentence needs (`Units of layer 2`). */
export function ruleForField(field: NumberField, name = field.name): NumberRule {
	return {
		name,
		min: field.min,
		max: field.typedMax ?? field.max,
		whole: field.integer,
		minExclusive: field.minExclusive,
		maxExclusive: field.maxExclusive
	};
}

/** The input element's min, max and step attributes for a field (unbounded ends left off). */
export function inputAttributes(field: NumberField): { min?: number; max?: number; step: number | 'any' } {
	const bounded = (n: number) => Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
	const top = field.typedMax ?? field.max;
	return {
		min: bounded(field.min) ? field.min : undefined,
		max: bounded(top) ? (field.maxExclusive ? largestBelow(top) : top) : undefined,
		step: field.step ?? (field.integer ? 1 : 'any')
	};
}

export interface NumberReading {
	value: number;
	/** What was changed and why, or null when the entry was kept as typed. */
	note: string | null;
}

/** The value to use for what `input` holds, or the current value when it holds nothing usable. */
export function readNumberInput(input: HTMLInputElement, current: number, rule: NumberRule): NumberReading {
	const reading = readNumber(input.value, current, rule);
	// The field may show a value the props never held (99999 clamped to 4096 while already 4096).
	input.value = String(reading.value);
	return reading;
}

export function readNumber(text: string, current: number, rule: NumberRule): NumberReading {
	const typed = text.trim() === '' ? NaN : Number(text);
	const range = describeRange(rule);
	if (!Number.isFinite(typed)) {
		return { value: current, note: `${rule.name} needs ${range}; kept ${current}.` };
	}
	if (rule.minExclusive && typed <= rule.min) {
		return { value: current, note: `${rule.name} must be ${range} (got ${typed}); kept ${current}.` };
	}
	let value = rule.whole ? Math.round(typed) : typed;
	const top = rule.maxExclusive ? largestBelow(rule.max) : rule.max;
	value = Math.min(Math.max(value, rule.min), top);
	if (value === typed) return { value, note: null };
	return { value, note: `${rule.name} must be ${range} (got ${typed}); set to ${value}.` };
}

function describeRange(rule: NumberRule): string {
	const kind = rule.whole ? 'a whole number' : 'a number';
	const unbounded = (n: number) => Math.abs(n) >= Number.MAX_SAFE_INTEGER;
	if (unbounded(rule.min) && unbounded(rule.max)) return kind;
	if (unbounded(rule.max)) return `${kind} ${rule.minExclusive ? 'above' : 'of at least'} ${rule.min}`;
	if (rule.minExclusive) {
		return `${kind} above ${rule.min} and ${rule.maxExclusive ? 'below' : 'at most'} ${rule.max}`;
	}
	return `${kind} from ${rule.min} ${rule.maxExclusive ? 'to below' : 'to'} ${rule.max}`;
}

/** For rates and momentum below 1: 0.99 reads better than 0.9999999999999999. */
function largestBelow(max: number): number {
	return max - 0.01;
}
