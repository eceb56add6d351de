// The edge bundle: every file of an exported model folder, from a model bundle (a stored run or a model
// folder), as names and bytes. The caller writes them (the CLI to a folder, the studio to a zip). With
// test rows, each quantisation's test metrics are measured with the very runtime the bundle carries.
import { engineFor } from '../models/families.ts';
import type { ModelBundle } from '../predict/model-bundle.ts';
import { sha256Hex } from '../models/model-artifact-check.ts';
import {
	modelModule,
	modelTypings,
	runtimeSourceFor,
	WEIGHTS_FILE,
	type BundleMetadata
} from './model-module.ts';
import { ELEMENT_JS, indexHtml } from './page-files.ts';
import { readmeFile } from './readme-file.ts';
import { runtimePlan } from './runtime-plan.ts';
import { DOCKERFILE, HANDLER_JS, SERVE_JS } from './service-files.ts';
import { measureVariants, type TestRows, type VariantReport } from './variant-metrics.ts';
import type { Quantization } from './weight-writer.ts';

export { QUANTIZATIONS, type Quantization } from './weight-writer.ts';
export type { TestRows, VariantReport } from './variant-metrics.ts';

export interface BundleOptions {
	quantize: Quantization;
	/** Weights inlined in model.js as base64 (no model.bin): one file for edge functions and pastes. */
	singleFile: boolean;
	/** The name the README and demo page show (the data set or run). */
	name?: string;
	/** “Benchtop 0.1.0”: who wrote it. */
	generatedBy?: string;
	/** The test split's raw rows (targets included): each variant's metrics are measured on them. */
	testRows?: TestRows;
}

export interface BundleFile {
	name: string;
	bytes: Uint8Array;
}

export interface InferenceBundle {
	files: BundleFile[];
	metadata: BundleMetadata;
	sizes: {
		/** Bytes per file, and all together. */
		files: Record<string, number>;
		total: number;
		/** The weights alone (model.bin, or what model.js inlines as base64). */
		weights: number;
		/** The runtime's share of model.js, gzipped (the budget is 10 KB). */
		runtimeGzip: number;
	};
	/** Every quantisation: weight bytes, and with test rows its metrics and their change from float32. */
	variants: VariantReport[];
}

async function gzipSize(text: string): Promise<number> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return (await new Response(stream).arrayBuffer()).byteLength;
}

export async function writeInferenceBundle(
	model: ModelBundle,
	options: BundleOptions
): Promise<InferenceBundle> {
	const engine = engineFor(model.spec);
	const { plan, weights } = await runtimePlan(model, options.quantize);
	const metadata: BundleMetadata = {
		format: 'benchtop-bundle',
		version: 1,
		name: options.name ?? `${engine.label} (${model.task})`,
		task: plan.task,
		model: { family: model.spec.family, label: engine.label },
		inputs: plan.inputs,
		targets: plan.targets,
		classes: plan.classes,
		quantize: options.quantize,
		weightBytes: weights.byteLength,
		weightsSha256: await sha256Hex(weights),
		generatedBy: options.generatedBy ?? 'Benchtop',
		...(plan.image ? { image: plan.image } : {})
	};
	const text = (name: string, content: string): BundleFile => ({
		name,
		bytes: new TextEncoder().encode(content)
	});
	const files: BundleFile[] = [
		text('model.js', modelModule(plan, metadata, weights, options.singleFile)),
		text('model.d.ts', modelTypings(plan, metadata)),
		...(options.singleFile ? [] : [{ name: WEIGHTS_FILE, bytes: weights }]),
		text('handler.js', HANDLER_JS),
		text('serve.js', SERVE_JS),
		text('Dockerfile', DOCKERFILE),
		text('benchtop-model.js', ELEMENT_JS),
		text('index.html', indexHtml(metadata.name)),
		text('README.md', readmeFile(metadata, options.singleFile)),
		// serve.js and handler.js are ES modules: Node reads .js as one only inside a "type": "module" package.
		text(
			'package.json',
			`${JSON.stringify({ name: 'benchtop-model', private: true, type: 'module', main: 'model.js', types: 'model.d.ts', scripts: { start: 'node serve.js' } }, null, 2)}\n`
		)
	];
	const sizes = Object.fromEntries(files.map((f) => [f.name, f.bytes.byteLength]));
	return {
		files,
		metadata,
		sizes: {
			files: sizes,
			total: Object.values(sizes).reduce((a, b) => a + b, 0),
			weights: weights.byteLength,
			runtimeGzip: await gzipSize(runtimeSourceFor(plan))
		},
		variants: await measureVariants(model, options.testRows)
	};
}
