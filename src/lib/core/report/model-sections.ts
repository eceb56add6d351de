// The report's model and settings sections: the model as its family's engine summarises it (a Keras-style
// layer table for networks, the k-means settings), and how the run trained and ended.
import { engineFor } from '../models/families.ts';
import type { RunRecord } from '../train/run-record.ts';
import { facts, formatNumber, numberHeader, paragraph, table } from './html.ts';

function outputSize(run: RunRecord): number {
	return run.task === 'classification' ? (run.classes?.length ?? 0) : run.targets.length;
}

export function modelSection(run: RunRecord): string {
	const { spec } = run;
	const engine = engineFor(spec);
	const family = engine.label;
	const head = facts([
		['Model', family],
		['Task', run.task],
		...(run.targets.length ? ([['Predicts', run.targets.join(', ')]] as [string, string][]) : []),
		...(run.classes?.length ? ([['Classes', run.classes.join(', ')]] as [string, string][]) : [])
	]);
	const io = { inputSize: run.features.length, outputSize: outputSize(run) };
	const { facts: more, network: summary } = engine.summarize(spec, io);
	if (!summary) return `${head}${facts(more)}`;
	const rows = summary.rows.map((row) => [
		row.name,
		row.type,
		row.outputShape === null ? '?' : `(${row.outputShape.map((d) => (d === null ? 'None' : d)).join(', ')})`,
		row.params
	]);
	return `${head}${table(['Layer', 'Type', 'Output shape', numberHeader('Parameters')], rows)}${paragraph(
		`${formatNumber(summary.totalParams)} parameters, ${formatNumber(summary.trainableParams)} trainable.`
	)}`;
}

export function settingsSection(run: RunRecord): string {
	const endings: Record<string, string> = {
		completed: 'ran every epoch',
		'early-stopping': 'stopped early (no improvement)',
		stopped: 'stopped by hand',
		diverged: 'diverged',
		failed: 'failed'
	};
	const ran = [
		['Status', endings[run.status] ?? run.status],
		...(run.message ? [['Message', run.message]] : []),
		['Duration', `${formatNumber(run.durationMs / 1000)} s`],
		[
			'Rows',
			`${formatNumber(run.rows.train)} train, ${formatNumber(run.rows.validation)} validation, ${formatNumber(run.rows.test)} test`
		]
	] as [string, string][];
	if (!engineFor(run.spec).trainsInEpochs) return facts(ran);
	const s = run.settings;
	const early = s.earlyStopping.enabled
		? `on ${s.earlyStopping.monitor}, patience ${s.earlyStopping.patience}${
				s.earlyStopping.restoreBest ? ', best weights restored' : ''
			}`
		: 'off';
	return facts([
		['Epochs', `${s.epochs} asked, ${run.history.length} run, weights of epoch ${run.bestEpoch} kept`],
		['Batch size', s.batchSize],
		['Optimizer', s.optimizer],
		['Learning rate', s.learningRate],
		...(s.optimizer === 'sgd' ? ([['Momentum', s.momentum]] as [string, number][]) : []),
		['Validation fraction', s.validationFraction],
		['Class weights', s.classWeights],
		['Early stopping', early],
		...ran
	]);
}
