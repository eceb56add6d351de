// Whether a run can show a live decision boundary: exactly two model features, each a raw numeric column
// of the data set (so the plane has real axes in the data's own units), and a class or number target.
// Kept apart from boundary-probe.ts so the page can ask without bundling arquero's recipe code.
import type { ColumnSchema } from '../table/column-types.ts';
import type { Task } from '../models/types.ts';

/** The two columns spanning the plane, or null when the boundary does not apply (and why, for the page). */
export function boundaryColumns(
	schema: readonly ColumnSchema[],
	features: readonly string[],
	task: Task | null
): { columns: [string, string] } | { columns: null; reason: string } {
	if (task !== 'classification' && task !== 'regression')
		return { columns: null, reason: 'The decision boundary needs a class or number target.' };
	if (features.length !== 2)
		return {
			columns: null,
			reason: `The decision boundary needs exactly two features; this recipe gives the model ${features.length}.`
		};
	const numeric = (name: string) => {
		const type = schema.find((c) => c.name === name)?.type;
		return type === 'number' || type === 'integer';
	};
	const missing = features.filter((name) => !numeric(name));
	if (missing.length > 0)
		return {
			columns: null,
			reason: `The decision boundary needs two numeric columns of the data; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not one.`
		};
	return { columns: [features[0]!, features[1]!] };
}
