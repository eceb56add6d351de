// The engine shared by the network families (linear, MLP, CNN): they differ in their label, defaults and
// the layers a person may add; they are built, summarised, saved and read back the same way (a TF.js
// Layers model). Their fit is one fitter in core/train/fitters.ts, their predictor one loader in
// core/predict/predictor.ts (see engine.ts for why those live there).
import type { LayersArtifact } from '../artifact.ts';
import type { ModelEngine } from '../engine.ts';
import type { ModelFamilyDefinition } from '../family-definition.ts';
import { LAYER_TYPES } from '../spec-schema.ts';
import { summarizeNetwork } from '../summary.ts';
import type { LayerType, NetworkSpec } from '../types.ts';
import { loadLayers, saveLayers } from './files.ts';

const IMAGE_LAYERS: readonly LayerType[] = ['conv2d', 'max-pool', 'flatten'];
const FLAT_LAYERS: readonly LayerType[] = LAYER_TYPES.filter((type) => !IMAGE_LAYERS.includes(type));

/** The Keras classes and activations buildNetwork can produce for a flat (non-image) network. */
const FLAT_OPS = [
	'Dense',
	'Dropout',
	'BatchNormalization',
	'relu',
	'tanh',
	'sigmoid',
	'elu',
	'selu',
	'linear',
	'softmax'
];
/** A CNN's own layers, and what an imported image model (imageInput) may hold: Teachable Machine's
 * nested, truncated MobileNet (checked on import by core/export/image-graph-model.ts). */
const IMAGE_OPS = [
	'Reshape',
	'Conv2D',
	'MaxPooling2D',
	'Flatten',
	'Sequential',
	'Model',
	'InputLayer',
	'ZeroPadding2D',
	'DepthwiseConv2D',
	'ReLU',
	'Add',
	'GlobalAveragePooling2D',
	'relu6'
];

export interface NetworkEngineOptions {
	/**
	 * Which layers the editor offers: 'none' (a linear model goes straight from features to output), 'flat'
	 * (an MLP's rows are flat, so image layers could only fail) or 'image' (every layer, for a CNN).
	 */
	layers: 'none' | 'flat' | 'image';
}

export function networkEngine(
	definition: ModelFamilyDefinition<NetworkSpec>,
	options: NetworkEngineOptions
): ModelEngine<NetworkSpec, LayersArtifact> {
	const image = options.layers === 'image';
	return {
		...definition,
		artifactKind: 'layers',
		editor: {
			layerTypes: options.layers === 'none' ? [] : image ? [...LAYER_TYPES] : FLAT_LAYERS,
			k: false
		},
		trainsInEpochs: true,
		runtime: { library: 'tfjs-layers', ops: image ? [...FLAT_OPS, ...IMAGE_OPS] : FLAT_OPS },
		// Only a CNN may hold image layers (spec-schema.ts), so the family answers for every spec of it.
		needsConvolutions: () => image,
		summarize: (spec, io) => ({ facts: [], network: summarizeNetwork(spec, io) }),
		serialize: saveLayers,
		deserialize: loadLayers
	};
}
