// A numeric field described once — its limits, its words, its default and why — so that a schema, the
// form that edits it and the CLI's usage text all read the same description and cannot drift apart.
// Training settings (train/settings.ts) and layer fields (models/layer-fields.ts) are tables of these.

export interface NumberField {
	/** The field's name at the start of a sentence: "Epochs", "The learning rate". */
	name: string;
	/** The form's label: "Learning rate". */
	label: string;
	min: number;
	/** Infinity when only the minimum bounds it. */
	max: number;
	/** Whole numbers only. */
	integer: boolean;
	/** The minimum itself is not allowed (a learning rate of 0). */
	minExclusive?: boolean;
	/** The maximum itself is not allowed (momentum 1). */
	maxExclusive?: boolean;
	/** A tighter bound for what a person types in a form; a saved value above it is still valid. */
	typedMax?: number;
	/** The form's step; 'any' for rates. Whole-number fields step by 1. */
	step?: number | 'any';
	/** What the field is, in one sentence for the form's help. */
	help?: string;
	/** Why the default is what it is, said after "Default <value>:". */
	why?: string;
	/** The CLI flag that sets it, where the CLI has one. */
	cliFlag?: `--${string}`;
}

/** "from 0 to 0.5", "above 0", "from 0 to below 1": a field's range in the words messages use. */
export function describeFieldRange(field: NumberField): string {
	const low = field.minExclusive ? `above ${field.min}` : `from ${field.min}`;
	if (!Number.isFinite(field.max)) return low;
	return `${low} to ${field.maxExclusive ? 'below ' : ''}${field.max}`;
}

/** The form's help for a field with a default: what it is, then "Default <value>: <why>". */
export function fieldHelp(field: NumberField, shownDefault: number, why = field.why): string {
	const parts = [field.help, why === undefined ? undefined : `Default ${shownDefault}: ${why}.`];
	return parts.filter((part) => part !== undefined).join(' ');
}

/** `[--epochs <n>] [--seed <n>]`: the usage text of the fields the CLI sets, in table order. */
export function cliUsage(fields: readonly NumberField[]): string {
	return fields
		.filter((field) => field.cliFlag !== undefined)
		.map((field) => `[${field.cliFlag} <${field.integer ? 'n' : 'x'}>]`)
		.join(' ');
}
