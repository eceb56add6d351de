// The experiment draft in three short lines — target, split, recipe — for the strip every stage shows, so
// the person always sees what Train will use.
import { name, phrase, type Phrase } from '../phrase.ts';
import { findStep } from './steps/index.ts';
import type { PreparationDraft } from './preparation.ts';
import { parseSplitSpec } from './split/index.ts';

export interface DraftSummary {
	target: string;
	/** The split in words; the column it uses is a name the page isolates. */
	split: Phrase;
	recipe: string;
	/** Set when the split settings cannot be used as they are: the message says what to fix. */
	splitProblem?: string;
}

const METHOD_TEXT: Record<string, (column: string) => Phrase> = {
	random: () => ['random'],
	stratified: (column) => phrase`stratified by ${name(column)}`,
	time: (column) => phrase`by time (${name(column)})`,
	group: (column) => phrase`by group (${name(column)})`
};

const share = (fraction: number) => `${Number((fraction * 100).toFixed(1))}`;

function splitText(split: unknown): { text: Phrase; problem?: string } {
	try {
		const spec = parseSplitSpec(split);
		const fractions = [spec.train, spec.validation, spec.test].map(share).join(' / ');
		return {
			text: phrase`${METHOD_TEXT[spec.method]!(spec.column ?? '')} · ${fractions} % · seed ${spec.seed}`
		};
	} catch (error) {
		return { text: ['needs fixing'], problem: (error as Error).message };
	}
}

function recipeText(draft: PreparationDraft): string {
	const steps = draft.recipe.steps.filter((s) => s.enabled);
	if (steps.length === 0) return 'no steps (the data as it is)';
	const names: string[] = [];
	for (const step of steps) {
		const name = (findStep(step.op)?.label ?? step.op).toLowerCase();
		if (!names.includes(name)) names.push(name);
	}
	const off = draft.recipe.steps.length - steps.length;
	return `${steps.length} ${steps.length === 1 ? 'step' : 'steps'}: ${names.join(', ')}${off ? ` (${off} off)` : ''}`;
}

export function summarizeDraft(draft: PreparationDraft): DraftSummary {
	const split = splitText(draft.split);
	return {
		target: draft.target ?? 'none: clustering (k-means)',
		split: split.text,
		recipe: recipeText(draft),
		...(split.problem ? { splitProblem: split.problem } : {})
	};
}
