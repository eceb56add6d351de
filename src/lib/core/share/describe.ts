// What a link holds, in words, for the share dialog and the page that opens a link. Every value is shown
// as text by the UI (never as HTML or a chart spec).
import { name, nameList, phrase, type Phrase } from '../phrase.ts';
import type { SharePayload } from './payload.ts';

export interface ShareSummary {
	/** The data set's name and the target columns are names the page isolates. */
	data: Phrase;
	experiment: Phrase;
	model: string;
	weights: string;
}

function layersText(payload: SharePayload): string {
	const spec = payload.spec;
	if (spec.family === 'kmeans') return `k-means, k = ${spec.k}`;
	const hidden = spec.layers.filter((l) => l.type === 'dense').map((l) => (l.type === 'dense' ? l.units : 0));
	return hidden.length > 0
		? `${spec.family}, hidden layers ${hidden.join(' → ')}`
		: `${spec.family}, no hidden layers`;
}

export function describeSharePayload(payload: SharePayload): ShareSummary {
	const d = payload.data;
	const data =
		d.kind === 'sample'
			? phrase`the sample “${name(d.name)}” (shipped with Benchtop)`
			: d.kind === 'inline'
				? phrase`“${name(d.name)}”, ${d.columns[0]?.values.length ?? 0} rows × ${d.columns.length} columns, inside the link`
				: phrase`your own copy of “${name(d.name)}” (${d.rows.toLocaleString('en')} rows × ${d.columns.length} columns; you choose the file)`;
	const steps = payload.recipe.steps.filter((s) => s.enabled).map((s) => s.op);
	const of = payload.targets.length ? phrase` of ${nameList(payload.targets)}` : [];
	const experiment = phrase`${payload.task}${of}; recipe ${steps.join(' → ') || 'none'}; ${payload.split.method} split ${payload.split.train}/${payload.split.validation}/${payload.split.test}`;
	const s = payload.settings;
	const model = `${layersText(payload)}; ${s.optimizer}, learning rate ${s.learningRate}, batch ${s.batchSize}, ${s.epochs} epochs, seed ${payload.seed}`;
	const w = payload.model?.weights;
	const weights = !w
		? 'No trained weights: train with the recorded seed to reproduce the run.'
		: w.kind === 'kmeans'
			? `The trained centroids (${w.centroids.length}).`
			: `The trained weights (${Math.round((w.float32.length * 3) / 4 / 4).toLocaleString('en')} float32 numbers).`;
	return { data, experiment, model, weights };
}
