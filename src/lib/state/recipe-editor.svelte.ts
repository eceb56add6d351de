// The Prepare page's state for one data set version: the draft (recipe, split, target), its undo history,
// and the preview the data worker computes for it. Every edit is saved at once, so nothing is lost on
// reload; previews are debounced and a late answer to an older draft is dropped.
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import type { PreparationDraft, PreparationPreview } from '$lib/core/prep/preparation.ts';
import { parseRecipe } from '$lib/core/prep/recipe/validate-recipe.ts';
import { emptyRecipe, type Recipe, type RecipeStep } from '$lib/core/prep/recipe/types.ts';
import { defaultExperimentDraft, loadExperimentDraft, retargetedDraft } from './experiment-draft.ts';
import { findStep } from '$lib/core/prep/steps/index.ts';
import type { ColumnSchema } from '$lib/core/table/column-types.ts';
import type { DataRef } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';

/** Long enough to type a number without a preview per keystroke, short enough to feel live. */
const PREVIEW_DELAY_MS = 250;
/** Undo steps kept; older ones are dropped. */
const HISTORY_LIMIT = 100;

export class RecipeEditor {
	draft = $state.raw<PreparationDraft | undefined>(undefined);
	preview = $state.raw<PreparationPreview | undefined>(undefined);
	/** Why the last preview failed as a whole (a bad split, a lost worker); step failures are in `preview`. */
	previewError = $state<BenchtopError | undefined>(undefined);
	previewing = $state(false);
	/** A save that failed (quota, stale tab): shown, and the draft stays in memory. */
	saveError = $state<BenchtopError | undefined>(undefined);
	private past = $state.raw<PreparationDraft[]>([]);
	private future = $state.raw<PreparationDraft[]>([]);
	private timer: ReturnType<typeof setTimeout> | undefined;
	private generation = 0;

	constructor(
		private readonly studio: Studio,
		readonly record: DatasetRecord,
		private readonly data: DataRef
	) {}

	get canUndo(): boolean {
		return this.past.length > 0;
	}

	get canRedo(): boolean {
		return this.future.length > 0;
	}

	async load(): Promise<void> {
		// The stored draft, or the default one (built from the rows and saved) the first time: the same
		// draft Train reads, so both pages show and use the same target, split and recipe.
		this.draft = await loadExperimentDraft(this.studio, this.record, this.data);
		this.schedulePreview(0);
	}

	/** Every change goes through here: remembered for undo, saved, and previewed. */
	private change(next: PreparationDraft): void {
		if (this.draft) this.past = [...this.past, this.draft].slice(-HISTORY_LIMIT);
		this.future = [];
		this.commit(next);
	}

	private commit(next: PreparationDraft): void {
		this.draft = next;
		void this.save(next);
		this.schedulePreview(PREVIEW_DELAY_MS);
	}

	private async save(draft: PreparationDraft): Promise<void> {
		try {
			await this.studio.registry?.saveRecipeDraft({ datasetId: this.record.id, ...draft });
			this.saveError = undefined;
		} catch (error) {
			this.saveError = toBenchtopError(error, 'Could not save the recipe.');
		}
	}

	undo(): void {
		const previous = this.past.at(-1);
		if (!previous || !this.draft) return;
		this.past = this.past.slice(0, -1);
		this.future = [this.draft, ...this.future];
		this.commit(previous);
	}

	redo(): void {
		const next = this.future[0];
		if (!next || !this.draft) return;
		this.future = this.future.slice(1);
		this.past = [...this.past, this.draft];
		this.commit(next);
	}

	private setSteps(steps: RecipeStep[]): void {
		if (this.draft) this.change({ ...this.draft, recipe: { ...this.draft.recipe, steps } });
	}

	get steps(): RecipeStep[] {
		return this.draft?.recipe.steps ?? [];
	}

	/** The columns a step at `index` sees: what the steps before it left, as far as the preview knows. */
	columnsAt(index: number): ColumnSchema[] {
		const before = this.preview?.preview.steps[index - 1];
		return before ? before.columns : this.record.schema;
	}

	addStep(op: string): void {
		const definition = findStep(op);
		if (!definition || !this.draft) return;
		const target = this.draft.target ? [this.draft.target] : [];
		const index = this.steps.length;
		const params = definition.defaults(this.columnsAt(index), { target });
		this.setSteps([...this.steps, { op, params, enabled: true }]);
	}

	removeStep(index: number): void {
		this.setSteps(this.steps.filter((_, i) => i !== index));
	}

	moveStep(index: number, delta: -1 | 1): void {
		const to = index + delta;
		if (to < 0 || to >= this.steps.length) return;
		const steps = [...this.steps];
		[steps[index], steps[to]] = [steps[to]!, steps[index]!];
		this.setSteps(steps);
	}

	toggleStep(index: number): void {
		this.setSteps(this.steps.map((step, i) => (i === index ? { ...step, enabled: !step.enabled } : step)));
	}

	setParams(index: number, params: Record<string, unknown>): void {
		this.setSteps(this.steps.map((step, i) => (i === index ? { ...step, params } : step)));
	}

	setSplit(split: Record<string, unknown>): void {
		if (this.draft) this.change({ ...this.draft, split });
	}

	/** A new target (null: clustering, on purpose): the split follows it, and an untouched default recipe
	 * is rebuilt so it never imputes or scales the new target. */
	async setTarget(target: string | null): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		try {
			const next = await retargetedDraft(this.studio, this.record, this.data, $state.snapshot(draft), target);
			if (this.draft === draft) this.change(next);
		} catch (error) {
			this.previewError = toBenchtopError(error, 'Could not change the target.');
		}
	}

	/** Back to the default recipe for the current target (undoable); target and split stay. */
	async resetRecipe(): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		try {
			const fresh = await defaultExperimentDraft(this.studio, this.record, this.data, draft.target);
			if (this.draft === draft) this.change({ ...draft, recipe: fresh.recipe });
		} catch (error) {
			this.previewError = toBenchtopError(error, 'Could not build the default recipe.');
		}
	}

	/** A recipe file the person chose: validated whole, and it replaces the steps (undoable). */
	replaceRecipe(json: string): void {
		let recipe: Recipe;
		try {
			recipe = parseRecipe(JSON.parse(json));
		} catch (error) {
			const message = error instanceof SyntaxError ? `This file is not JSON: ${error.message}` : undefined;
			throw message ? new BenchtopError('bad-input', message) : toBenchtopError(error);
		}
		if (this.draft) this.change({ ...this.draft, recipe });
	}

	recipeJson(): string {
		return JSON.stringify(this.draft?.recipe ?? emptyRecipe(), null, '\t') + '\n';
	}

	materialize(): Promise<DatasetRecord | undefined> {
		if (!this.draft) return Promise.resolve(undefined);
		return this.studio.materializeRecipe(this.record, this.data, this.draft);
	}

	private schedulePreview(delay: number): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.runPreview(), delay);
	}

	private async runPreview(): Promise<void> {
		const draft = this.draft;
		if (!draft) return;
		const generation = ++this.generation;
		this.previewing = true;
		try {
			const preview = await this.studio.data.run((api) =>
				api.previewPreparation({
					data: this.data,
					schema: $state.snapshot(this.record.schema),
					draft: $state.snapshot(draft) as PreparationDraft
				})
			);
			if (generation !== this.generation) return;
			this.preview = preview;
			this.previewError = undefined;
		} catch (error) {
			if (generation !== this.generation) return;
			this.previewError = toBenchtopError(error, 'Could not preview the recipe.');
		} finally {
			if (generation === this.generation) this.previewing = false;
		}
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.generation++;
	}
}
