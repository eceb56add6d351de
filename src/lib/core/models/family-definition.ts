// What a model family is for the studio: its name, a sentence for a newcomer, the tasks it can do, and a
// default spec that trains well out of the box. Each family lives in its own folder, listed in families.ts.
import type { ModelFamily, ModelSpec, Task } from './types.ts';

/** What a family needs to know about the prepared data to propose a spec. */
export interface DataShape {
	/** Feature columns after the recipe. */
	featureCount: number;
	/** The image the features are (imageShapeOf), or null for ordinary columns. */
	imageShape: [number, number, number] | null;
	/** Training rows. */
	rowCount: number;
	/** For clustering: the k a scanK liked best (its bestK), when a scan ran. */
	suggestedK?: number | null;
}

export interface ModelFamilyDefinition<S extends ModelSpec = ModelSpec> {
	family: ModelFamily;
	/** A short name for menus. */
	label: string;
	/** What it is and when to reach for it, for someone new to machine learning. */
	summary: string;
	tasks: readonly Task[];
	/** Why this family cannot model this task or data, in words; null when it can. */
	unsuitable(task: Task, data: DataShape): string | null;
	/** A spec that trains well without tuning; throws the `unsuitable` reason when there is one. */
	defaultSpec(task: Task, data: DataShape): S;
}

/** The reason a family does not do a task, shared by the network families. */
export function taskReason(label: string, tasks: readonly Task[], task: Task): string | null {
	if (tasks.includes(task)) return null;
	return task === 'clustering'
		? `${label} learns from a target; with no target, choose k-means to cluster the rows.`
		: `${label} does ${tasks.join(' and ')}, not ${task}.`;
}
