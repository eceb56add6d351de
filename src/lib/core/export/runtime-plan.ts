// A model bundle (core/predict) as the edge runtime's plan and weights. The family's engine says what its
// inference needs (engine.runtime: the library and operations); every operation must be one the runtime
// has, and each kind of artifact has its planner here, keyed and typed like core/predict's LOADERS, so a
// new family does not compile until it says how it runs at the edge. No branch on the family itself.
import { BenchtopError } from '../errors.ts';
import type { ModelArtifact } from '../models/artifact.ts';
import { engineFor } from '../models/families.ts';
import { findStep } from '../prep/steps/index.ts';
import { requiredColumns } from '../predict/check-input.ts';
import type { ModelBundle } from '../predict/model-bundle.ts';
import type { ModelPlan, RuntimePlan } from '../../runtime/plan.ts';
import { STEPS } from '../../runtime/steps.ts';
import { layersPlan } from './layers-plan.ts';
import { WeightWriter, type Quantization } from './weight-writer.ts';

/** Every operation an engine may list in `runtime.ops` that the edge runtime implements. */
export const RUNTIME_OPS: ReadonlySet<string> = new Set([
	'Dense',
	'Dropout',
	'BatchNormalization',
	'Reshape',
	'Conv2D',
	'MaxPooling2D',
	'Flatten',
	'Activation',
	// Image graphs (Teachable Machine's nested, truncated MobileNet).
	'Sequential',
	'Model',
	'InputLayer',
	'ZeroPadding2D',
	'DepthwiseConv2D',
	'ReLU',
	'Add',
	'GlobalAveragePooling2D',
	'relu6',
	'relu',
	'tanh',
	'sigmoid',
	'elu',
	'selu',
	'linear',
	'softmax',
	'squared-euclidean-distance',
	'argmin'
]);

const PLANNERS: {
	[K in ModelArtifact['kind']]: (
		artifact: Extract<ModelArtifact, { kind: K }>,
		writer: WeightWriter,
		features: number
	) => Promise<ModelPlan>;
} = {
	layers: async (artifact, writer) => ({ kind: 'network', layers: await layersPlan(artifact, writer) }),
	kmeans: async (artifact, writer, features) => {
		const wrong = artifact.centroids.findIndex((c) => c.length !== features);
		if (wrong >= 0 || artifact.centroids.length === 0)
			throw new BenchtopError(
				'bad-input',
				`The k-means centroids do not have one number per feature (${features}).`
			);
		return {
			kind: 'centroids',
			centroids: writer.add(artifact.centroids.flat(), [artifact.centroids.length, features], true)
		};
	}
};

export interface PlannedModel {
	plan: RuntimePlan;
	weights: Uint8Array;
}

export async function runtimePlan(bundle: ModelBundle, quantize: Quantization): Promise<PlannedModel> {
	const engine = engineFor(bundle.spec);
	const missing = engine.runtime.ops.filter((op) => !RUNTIME_OPS.has(op));
	if (missing.length > 0)
		throw new BenchtopError(
			'bad-input',
			`A ${engine.label} model needs ${missing.join(', ')}, which the edge runtime does not have yet.`
		);
	if (bundle.artifact.kind !== engine.artifactKind)
		throw new BenchtopError(
			'bad-input',
			`This ${engine.label} model has no ${engine.artifactKind} artifact stored.`
		);
	// Row-removing steps (filter, dedupe) never run when predicting; every other step must be the runtime's.
	const steps = bundle.fitted.steps.filter((step) => !findStep(step.op)?.removesRows);
	const unknown = steps.find((step) => !STEPS[step.op]);
	if (unknown)
		throw new BenchtopError(
			'bad-input',
			`Recipe step “${unknown.op}” has no edge-runtime version, so it cannot be exported.`
		);
	const writer = new WeightWriter(quantize);
	const plan = PLANNERS[bundle.artifact.kind] as (
		artifact: ModelArtifact,
		writer: WeightWriter,
		features: number
	) => Promise<ModelPlan>;
	const model = await plan(bundle.artifact, writer, bundle.features.length);
	const weights = writer.bytes();
	// A column the recipe imputes may be left out of a row; the other columns the model needs may not.
	const imputed = new Set(
		steps.flatMap((step) =>
			step.op === 'impute'
				? ((step.state as { fills?: { column: string }[] }).fills ?? []).map((f) => f.column)
				: []
		)
	);
	const required = new Set(requiredColumns(bundle).filter((name) => !imputed.has(name)));
	// A model whose rows carry an image (not pixel columns): the runtime prepares it as the spec says.
	const image =
		'imageInput' in bundle.spec && bundle.spec.imageInput && bundle.spec.inputShape
			? {
					height: bundle.spec.inputShape[0],
					width: bundle.spec.inputShape[1],
					channels: bundle.spec.inputShape[2],
					...bundle.spec.imageInput
				}
			: undefined;
	return {
		plan: {
			format: 'benchtop-runtime',
			version: 1,
			task: bundle.task,
			inputs: image
				? []
				: bundle.inputSchema.map(({ name, type }) => ({ name, type, required: required.has(name) })),
			targets: [...bundle.targets],
			classes: bundle.classes ? [...bundle.classes] : null,
			features: image ? [] : [...bundle.features],
			steps: image ? [] : steps.map(({ op, params, state }) => ({ op, params, state })),
			model,
			...(image ? { image } : {}),
			weightBytes: weights.byteLength
		},
		weights
	};
}
