// Wires the decision-boundary probe (boundary-probe.ts) into a network run: the plane is built and sent
// before the first epoch, and the loop's raw outputs over the grid come back as frames in the target's own
// units (a regression network trains on standardised targets, so its outputs are scaled back here; a
// binary cross-entropy run's one sigmoid output is widened to the two classes' probabilities). A
// grid the recipe cannot take never stops the run: the page is told why and training goes on.
import { BenchtopError, toBenchtopError } from '../errors.ts';
import type { PreparedSplits } from '../prep/preparation.ts';
import type { PrepTable } from '../table/prep-table.ts';
import {
	boundaryPlane,
	gridFeatures,
	gridTable,
	probeEvery,
	type BoundaryFrame,
	type BoundaryPlane,
	type BoundaryProbeRequest
} from './boundary-probe.ts';
import type { TargetScale } from './target-scaling.ts';
import type { TrainProbe } from './train-loop.ts';

/** What a run that draws its boundary is handed by its caller (the train worker). */
export interface BoundaryListener {
	request: BoundaryProbeRequest;
	onPlane: (plane: BoundaryPlane) => void;
	onFrame: (frame: BoundaryFrame) => void;
	/** Why there is no boundary for this run after all. */
	onUnavailable?: (reason: string) => void;
}

export interface LiveBoundaryInput {
	listener: BoundaryListener | undefined;
	/** The raw rows the run was split from. */
	input: PrepTable | undefined;
	splits: PreparedSplits;
	features: string[];
	targets: string[];
	task: string;
	classes: string[];
	scale: TargetScale | null;
	/** The run trains one sigmoid output for two classes (sigmoid-head.ts): its frames are widened to both. */
	sigmoid?: boolean;
	epochs: number;
}

/** A sigmoid network's outputs p as the two-class softmax it is folded into gives them: [1 − p, p] per cell. */
export function bothClasses(outputs: Float32Array): Float32Array {
	const both = new Float32Array(outputs.length * 2);
	for (let i = 0; i < outputs.length; i++) {
		both[2 * i] = 1 - outputs[i]!;
		both[2 * i + 1] = outputs[i]!;
	}
	return both;
}

/** The loop's probe for this run, after sending the plane; undefined when no boundary applies. */
export function liveBoundary(run: LiveBoundaryInput): TrainProbe | undefined {
	const { listener, input } = run;
	if (!listener || !input) return undefined;
	try {
		if (run.task !== 'classification' && run.task !== 'regression')
			throw new BenchtopError('bad-input', 'The decision boundary needs a class or number target.');
		if (run.targets.length !== 1)
			throw new BenchtopError('bad-input', 'The decision boundary needs one target.');
		const { columns } = listener.request;
		if (run.features.length !== 2 || !columns.every((c) => run.features.includes(c)))
			throw new BenchtopError(
				'bad-input',
				`The decision boundary needs the model's features to be ${columns.join(' and ')}.`
			);
		const plane = boundaryPlane({
			input,
			split: run.splits.split,
			target: run.targets[0]!,
			task: run.task,
			classes: run.classes,
			request: listener.request
		});
		const grid = gridTable(input.schema, columns, plane.xs, plane.ys);
		const x = gridFeatures(run.splits.fitted, grid, run.features);
		const every = probeEvery(listener.request, run.epochs);
		listener.onPlane(plane);
		const scale = run.scale;
		const sigmoid = run.sigmoid === true;
		return {
			x,
			n: plane.xs.length * plane.ys.length,
			every,
			onOutputs(epoch, outputs) {
				if (scale) {
					const k = scale.mean.length;
					for (let i = 0; i < outputs.length; i++)
						outputs[i] = outputs[i]! * scale.std[i % k]! + scale.mean[i % k]!;
				}
				listener.onFrame({ epoch, outputs: sigmoid ? bothClasses(outputs) : outputs });
			}
		};
	} catch (error) {
		listener.onUnavailable?.(toBenchtopError(error, 'The decision boundary cannot be drawn.').message);
		return undefined;
	}
}
