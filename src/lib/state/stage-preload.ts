// The code of the stage a person most likely opens next, fetched before they click: the Data page's once a
// sample can be opened, the Train page's once a data set is shown. Without it the click waits for the
// route's 20–25 chunks and style sheets (measured in the first-model bench: 0.25–0.5 s of the sample leg
// and of the Train page leg on a loaded 2-core machine), after the work it started (the import, the
// session's reads) instead of beside it.
import { preloadCode } from '$app/navigation';
import { resolve } from '$app/paths';

/** The stages whose code is fetched ahead of need. */
export type PreloadedStage = '/data' | '/train';

/** The longest a preload waits for an idle moment: a busy page (an import answering) never has one. */
export const PRELOAD_WITHIN_MS = 300;

type Schedule = (run: () => void, withinMs: number) => void;

/**
 * A preloader that fetches each stage's code once per tab (asked again after a failed fetch, which a later
 * navigation would retry anyway). `preload` loads a path's route modules; `schedule` waits for an idle moment.
 */
export function createStagePreloader(
	preload: (path: PreloadedStage) => Promise<void>,
	schedule: Schedule = whenIdle
) {
	const asked = new Set<PreloadedStage>();
	const now = (path: PreloadedStage): void => {
		if (asked.has(path)) return;
		asked.add(path);
		preload(path).catch(() => asked.delete(path));
	};
	return {
		/** Fetches the stage's code now (the person has just asked for it, or for what leads to it). */
		now,
		/** Fetches the stage's code at the page's next idle moment, or after PRELOAD_WITHIN_MS at the latest. */
		soon: (path: PreloadedStage): void => schedule(() => now(path), PRELOAD_WITHIN_MS),
		/** Whether the stage's code has been asked for (and not failed). */
		asked: (path: PreloadedStage): boolean => asked.has(path)
	};
}

/** Runs `run` at the page's next idle moment, or after `withinMs` at the latest. */
export function whenIdle(run: () => void, withinMs: number = PRELOAD_WITHIN_MS): void {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: withinMs });
	else setTimeout(run, 0);
}

const stages = createStagePreloader((path) => preloadCode(resolve(path)));

/** See createStagePreloader: the tab's one preloader. */
export const preloadStage = stages.now;
export const preloadStageSoon = stages.soon;
