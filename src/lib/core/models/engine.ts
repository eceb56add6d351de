// One interface per model family: everything the studio, the CLI and the workers ask a family, so a call
// site asks the engine instead of branching on `family === ...`. Each family folder exports one engine and
// families.ts lists them: adding a family is one folder and one line there (plus its fitter and predictor
// loader, below).
//
// Where fit and loadPredictor live, and why: models sits below train and predict in the core's layering
// (eslint.config.js, CORE_LAYERS), and fitting a network needs the training loop (core/train) while
// predicting with one needs TF.js model loading and the chunked predictor (core/predict). So an engine
// here holds everything that needs nothing above models (label, defaults, editor fields, summary, file
// format, run-time needs), and the two steps that need the rooms above are registries keyed by family in
// those rooms: core/train/fitters.ts (`fitterFor`: the networks share one fitter, k-means has its own) and
// core/predict/predictor.ts (LOADERS, keyed by the engine's artifact kind). Both
// registries are typed over every family, so a family added here without its fitter or loader does not
// compile.
import type { ModelArtifact } from './artifact.ts';
import type { ModelFamilyDefinition } from './family-definition.ts';
import type { NetworkIO, NetworkSummary } from './summary.ts';
import type { LayerType, ModelSpec } from './types.ts';

export type { DataShape } from './family-definition.ts';
export type { NetworkIO } from './summary.ts';

/** What the model is, for the report's model section and the UI's facts; `network` for layered models. */
export interface ModelSummary {
	/** Label and value pairs beyond the family and task (k-means: k, restarts, iterations). */
	facts: [string, string | number][];
	/** The layer table (Keras style), or null for a model without layers. */
	network: NetworkSummary | null;
}

/** What the Train page's editor offers for this family. */
export interface EditorFields {
	/** The layer types a person may add; empty when the family has no editable layers. */
	layerTypes: readonly LayerType[];
	/** Whether the number of clusters is a field. */
	k: boolean;
}

/**
 * What running the trained model needs, for the coming export (edge bundle) issue: which library executes
 * it and the operations it may use, so an exporter can check that a target runtime has them. Declarative
 * only: no runtime code is generated yet.
 * - library 'tfjs-layers': a TF.js Layers model (model.json + weights.bin); `ops` are the Keras layer
 *   classes and activations the family's specs can produce.
 * - library 'none': plain arithmetic on numbers stored in benchtop.json; `ops` name that arithmetic.
 */
export interface ModelRuntime {
	library: 'tfjs-layers' | 'none';
	ops: readonly string[];
}

/** An artifact written out: fields merged into benchtop.json, and files beside it. */
export interface SavedArtifact {
	record: Record<string, unknown>;
	files: { name: string; bytes: Uint8Array }[];
}

/** A saved model read back: benchtop.json's fields, and its other files, each read up to a cap. */
export interface ArtifactSource {
	/** Where the files are, for messages. */
	where: string;
	record: { centroids?: number[][]; weightsSha256?: string };
	has(name: string): boolean;
	read(name: string, maxBytes: number, needs: string): Uint8Array;
}

/** The model's inputs and outputs as its record states them (checked against what is read). */
export interface ModelInterfaceRecord {
	task: string;
	targets: readonly string[];
	classes?: readonly string[];
	features: readonly string[];
}

export interface ModelEngine<
	S extends ModelSpec = ModelSpec,
	A extends ModelArtifact = ModelArtifact
> extends ModelFamilyDefinition<S> {
	/** The kind of artifact this family trains to (the predictor loaders are keyed by it). */
	artifactKind: A['kind'];
	editor: EditorFields;
	/** Whether it trains in epochs: learning curves, the epoch settings and early stopping apply. */
	trainsInEpochs: boolean;
	runtime: ModelRuntime;
	/**
	 * Whether training or running this spec uses 2-D convolutions (some backends lack them); without a spec
	 * (the family chosen, the spec not settled yet), whether this family's specs do.
	 */
	needsConvolutions(spec?: S): boolean;
	summarize(spec: S, io: NetworkIO): ModelSummary;
	/** The artifact as files (the CLI's --out, later the export bundle). */
	serialize(artifact: A, options: { generatedBy: string }): Promise<SavedArtifact>;
	/** The artifact back from files, checked against the record before anything is built from it. */
	deserialize(source: ArtifactSource, model: ModelInterfaceRecord): Promise<A>;
}
