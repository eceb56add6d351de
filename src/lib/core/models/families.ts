// The one table of model families, each an engine (engine.ts): the Train page's family picker, the CLI,
// training, prediction, the report and the workers ask these instead of branching on a family's name.
// Adding a family: its folder, one line here, and its fitter and loader (see engine.ts).
import { BenchtopError } from '../errors.ts';
import { cnnFamily } from './cnn/index.ts';
import type { ModelEngine } from './engine.ts';
import type { DataShape } from './family-definition.ts';
import { kmeansFamily } from './kmeans/index.ts';
import { linearFamily } from './linear/index.ts';
import { mlpFamily } from './mlp/index.ts';
import type { ModelFamily, ModelSpec, Task } from './types.ts';

export const MODEL_FAMILIES: readonly ModelEngine[] = [linearFamily, mlpFamily, cnnFamily, kmeansFamily];

export function findFamily(family: string): ModelEngine | undefined {
	return MODEL_FAMILIES.find((definition) => definition.family === family);
}

export function requireFamily(family: string): ModelEngine {
	const found = findFamily(family);
	if (!found) {
		throw new BenchtopError(
			'bad-input',
			`There is no model family “${family}”; the families are ${MODEL_FAMILIES.map((f) => f.family).join(', ')}.`
		);
	}
	return found;
}

/** The engine for a spec (its family is checked by the spec's schema, so it is always listed). */
export function engineFor(spec: ModelSpec): ModelEngine {
	return requireFamily(spec.family);
}

/** The families that can model this task and data, with the rest and why not (for a greyed-out menu). */
export function familiesFor(task: Task, data: DataShape) {
	return MODEL_FAMILIES.map((definition) => ({ definition, unsuitable: definition.unsuitable(task, data) }));
}

/** The family a new experiment starts with: k-means for clustering, a CNN for images, else an MLP. */
export function defaultFamily(task: Task, data: DataShape): ModelFamily {
	if (task === 'clustering') return 'kmeans';
	return data.imageShape ? 'cnn' : 'mlp';
}
