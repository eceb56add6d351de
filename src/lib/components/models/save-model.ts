// "Save as model" without the button: the run's weights, the experiment's gate on the run (its champion
// rule against the named model's champion), and the version written in one transaction by the registry.
import { BenchtopError } from '$lib/core/errors.ts';
import { evaluateGate, loadGate } from '$lib/core/evaluate/gate.ts';
import { CHAMPION } from '$lib/core/registry/model-records.ts';
import type { GateVerdict, ModelVersionRecord, OptimizerState } from '$lib/core/registry/model-records.ts';
import type { Registry } from '$lib/core/registry/registry.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';

type GateRegistry = Pick<Registry, 'getSetting' | 'getModelByName' | 'getModelVersion'>;

/** The gate's verdict on `run`, compared with the champion of the model it is being saved to. */
export async function gateVerdictFor(
	registry: GateRegistry,
	run: RunRecord,
	modelName: string
): Promise<GateVerdict> {
	const gate = await loadGate(registry, run.experimentId);
	const model = await registry.getModelByName(modelName);
	const championId = model?.aliases[CHAMPION];
	const champion = championId ? (await registry.getModelVersion(championId))?.run : undefined;
	const result = evaluateGate(gate, run, champion);
	return { pass: result.pass, reasons: result.reasons };
}

/** Saves `run` (plain data, not a Svelte proxy) as the next version of `modelName`. */
export async function saveRunAsModel(
	registry: Registry,
	run: RunRecord,
	modelName: string,
	extra: { notes?: string; datasetName?: string; parentVersionId?: string | null } = {}
): Promise<ModelVersionRecord> {
	if (run.artifactId === null) {
		throw new BenchtopError('bad-input', `Run “${run.name}” kept no weights, so it cannot become a model.`);
	}
	const stored = await registry.loadRunArtifact(run);
	// The optimizer's state is kept beside the version's weights, not hashed with them.
	const { optimizer, ...weights } = stored as typeof stored & { optimizer?: OptimizerState };
	const artifact = weights as typeof stored;
	const gate = await gateVerdictFor(registry, run, modelName);
	// A run that trained a version further is that version's child unless the caller says otherwise.
	const parentVersionId = extra.parentVersionId ?? run.continuedFrom?.versionId ?? null;
	return registry.saveModelVersion({
		modelName,
		run,
		artifact,
		gate,
		...extra,
		parentVersionId,
		...(optimizer ? { optimizer } : {})
	});
}

/** The name the dialog suggests: the model this experiment was last saved to, else one from the data. */
export function suggestedModelName(
	run: Pick<RunRecord, 'experimentId' | 'targets' | 'task'>,
	versions: readonly Pick<ModelVersionRecord, 'modelId' | 'lineage' | 'createdAt'>[],
	models: readonly { id: string; name: string }[],
	datasetName: string | undefined
): string {
	const last = versions
		.filter((version) => version.lineage.datasetId === run.experimentId)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
	const known = last && models.find((model) => model.id === last.modelId);
	if (known) return known.name;
	const stem = (datasetName ?? 'model').replace(/\.[a-z0-9]+$/i, '');
	return run.targets.length > 0 ? `${stem} → ${run.targets.join(', ')}` : `${stem} ${run.task}`;
}
