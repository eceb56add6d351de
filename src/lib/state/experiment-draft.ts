// The experiment draft of one data set version — its target, split and recipe — read and written the same
// way by every stage, so what Prepare shows is what Train uses. It lives in the registry (one per version);
// the first page to need it builds the default one from the rows (in the data worker) and saves it.
import type { PreparationDraft } from '$lib/core/prep/preparation.ts';
import type { RecipeStep } from '$lib/core/prep/recipe/types.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { proposedTarget } from './default-draft.ts';
import type { DataRef } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';

/** Plain copies: the worker gets them by structured clone, which page state proxies do not survive. */
function plainSchema(record: DatasetRecord) {
	return record.schema.map((c) => ({ name: c.name, type: c.type }));
}

function plainDraft(draft: PreparationDraft): PreparationDraft {
	return JSON.parse(JSON.stringify(draft)) as PreparationDraft;
}

export async function saveExperimentDraft(
	studio: Studio,
	datasetId: string,
	draft: PreparationDraft
): Promise<void> {
	await studio.registry?.saveRecipeDraft({ datasetId, ...plainDraft(draft) });
}

/** A version made from another (prepared, retyped) keeps the target its parent's experiment had, while
 * the column is still there: the proposal would guess again, and guess wrong on a prepared table. */
async function parentTarget(studio: Studio, record: DatasetRecord): Promise<string | null | undefined> {
	if (!record.parentId) return undefined;
	const parent = await studio.registry?.getRecipeDraft(record.parentId);
	if (!parent) return undefined;
	// The parent's clustering was a choice too, and carries over like a target.
	if (parent.target === null) return null;
	return record.schema.some((c) => c.name === parent.target) ? parent.target : undefined;
}

/** The stored draft, or — the first time — the default one (proposed target, default split and recipe), saved. */
export async function loadExperimentDraft(
	studio: Studio,
	record: DatasetRecord,
	data: DataRef
): Promise<PreparationDraft> {
	await studio.init();
	const stored = await studio.registry?.getRecipeDraft(record.id);
	if (stored) return { recipe: stored.recipe, split: stored.split, target: stored.target };
	const inherited = await parentTarget(studio, record);
	const target = inherited === undefined ? proposedTarget(record).column : inherited;
	const draft = await defaultExperimentDraft(studio, record, data, target);
	await saveExperimentDraft(studio, record.id, draft);
	return draft;
}

/** The default draft for `target` (not saved): what "Reset to default" goes back to. */
export function defaultExperimentDraft(
	studio: Studio,
	record: DatasetRecord,
	data: DataRef,
	target: string | null
): Promise<PreparationDraft> {
	return studio.data.run((api) => api.defaultPreparation({ data, schema: plainSchema(record), target }));
}

/** The draft for another target (null: clustering, chosen on purpose), saved. See retargetPreparation. */
export async function retargetDraft(
	studio: Studio,
	record: DatasetRecord,
	data: DataRef,
	draft: PreparationDraft,
	target: string | null
): Promise<PreparationDraft> {
	const next = await retargetedDraft(studio, record, data, draft, target);
	await saveExperimentDraft(studio, record.id, next);
	return next;
}

/** The same, not saved (the Prepare editor saves through its own undo history). */
export function retargetedDraft(
	studio: Studio,
	record: DatasetRecord,
	data: DataRef,
	draft: PreparationDraft,
	target: string | null
): Promise<PreparationDraft> {
	return studio.data.run((api) =>
		api.retargetPreparation({ data, schema: plainSchema(record), draft: plainDraft(draft), target })
	);
}

/** Adds a step (a quality finding's fix) at the end of the version's recipe: added to, never replacing it. */
export async function appendDraftStep(
	studio: Studio,
	record: DatasetRecord,
	data: DataRef,
	step: RecipeStep
): Promise<PreparationDraft> {
	const draft = await loadExperimentDraft(studio, record, data);
	const next = { ...draft, recipe: { ...draft.recipe, steps: [...draft.recipe.steps, step] } };
	await saveExperimentDraft(studio, record.id, next);
	return next;
}
