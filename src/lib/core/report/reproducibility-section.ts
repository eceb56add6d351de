// The report's last section: everything needed to train the same model again and check it is the same —
// the data version and its hash, the split and its hash, the seed, the backend and the library versions.
import { facts } from './html.ts';
import type { ReportInput } from './report-input.ts';

export function reproducibilitySection(input: ReportInput): string {
	const { run, dataset } = input;
	const split = run.split;
	const fractions = `train ${split.train}, validation ${split.validation}, test ${split.test}`;
	const versions = Object.entries(run.versions).map(([name, version]) => `${name} ${version}`);
	return facts([
		['Run', `${run.name} (${run.id})`],
		['Trained', run.createdAt],
		['Data set version', `${dataset.name} (${run.datasetId})`],
		['Data SHA-256', run.datasetHash],
		[
			'Split',
			`${split.method}${split.column ? ` by ${split.column}` : ''}; ${fractions}; seed ${split.seed}`
		],
		[
			'Split rows',
			`${split.counts.train} train, ${split.counts.validation} validation, ${split.counts.test} test${
				split.excludedRows ? `, ${split.excludedRows} excluded` : ''
			}`
		],
		['Split hash', split.indicesHash],
		['Training seed', run.seed],
		['Backend', `${run.backend.name}${run.backend.software ? ' (software)' : ''}: ${run.backend.reason}`],
		...(run.backend.engine
			? [['Training engine', `${run.backend.engine.name}: ${run.backend.engine.reason}`] as [string, string]]
			: []),
		['Versions', versions.length ? versions.join(', ') : 'not recorded']
	]);
}
