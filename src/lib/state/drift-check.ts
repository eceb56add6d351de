// The drift page's work: a model version (or a run) and a stored data set in, a drift report out. The
// model's training profile is the one it recorded (benchtop train does; see RunRecord.trainingProfile) or,
// for a run that recorded none, drawn again from its own data set and split (checked by hash). Runs on
// the page's thread and is loaded only when a check starts (it brings TF.js): fine for the tables a
// browser studio holds, where predicting the rows takes well under a second.
import { tableFromArrowIPC } from '$lib/core/data/arrow-ipc.ts';
import type { DriftReport } from '$lib/core/drift/drift-report.ts';
import { BenchtopError } from '$lib/core/errors.ts';
import { modelDriftReport, runTrainingProfile } from '$lib/core/evaluate/model-drift.ts';
import type { ModelArtifact } from '$lib/core/models/artifact.ts';
import { assertTableRows } from '$lib/core/models/table-only.ts';
import { bundleFromRun, loadPredictor } from '$lib/core/predict/predictor.ts';
import type { Registry } from '$lib/core/registry/index.ts';
import type { PrepTable } from '$lib/core/table/prep-table.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';

export type DriftModelRef = { kind: 'version'; id: string } | { kind: 'run'; id: string };

export interface DriftCheck {
	report: DriftReport;
	/** Where the training side came from. */
	profile: 'recorded' | 'recomputed';
	run: RunRecord;
}

async function modelOf(
	registry: Registry,
	ref: DriftModelRef
): Promise<{ run: RunRecord; artifact: ModelArtifact }> {
	if (ref.kind === 'version') {
		const version = await registry.getModelVersion(ref.id);
		if (!version)
			throw new BenchtopError('not-found', 'That model version is not in this workspace any more.');
		const { artifact } = await registry.loadModelVersionArtifact(version);
		return { run: version.run, artifact };
	}
	const run = await registry.getRun(ref.id);
	if (!run) throw new BenchtopError('not-found', 'That run is not in this workspace any more.');
	if (!run.artifactId)
		throw new BenchtopError('bad-input', `Run “${run.name}” kept no model to compare with.`);
	return { run, artifact: await registry.loadRunArtifact(run) };
}

async function tableOf(registry: Registry, datasetId: string, what: string): Promise<PrepTable> {
	const dataset = await registry.getDataset(datasetId);
	if (!dataset) throw new BenchtopError('not-found', `${what} is not stored any more.`);
	return { table: tableFromArrowIPC(await registry.loadDatasetArrow(datasetId)), schema: dataset.schema };
}

export async function checkDrift(
	registry: Registry,
	ref: DriftModelRef,
	datasetId: string
): Promise<DriftCheck> {
	const { run, artifact } = await modelOf(registry, ref);
	assertTableRows(run.spec, 'drift');
	const predictor = await loadPredictor(bundleFromRun(run, artifact));
	try {
		let profile = run.trainingProfile;
		const recorded = profile !== undefined;
		if (!profile) {
			const training = await tableOf(
				registry,
				run.datasetId,
				'The data set this model trained on (it recorded no training profile of its own)'
			);
			profile = await runTrainingProfile(training, run, predictor);
		}
		const input = await tableOf(registry, datasetId, 'The data set to compare');
		const report = await modelDriftReport(profile, input, predictor);
		return { report, profile: recorded ? 'recorded' : 'recomputed', run };
	} finally {
		predictor.dispose();
	}
}
