// The CNN family: small convolutional networks for rows that are images (pixel columns like digits'
// px_0_0..px_7_7), which learn local strokes and edges wherever they appear in the picture.
import { BenchtopError } from '../../errors.ts';
import { taskReason } from '../family-definition.ts';
import type { DataShape } from '../family-definition.ts';
import type { LayersArtifact } from '../artifact.ts';
import type { ModelEngine } from '../engine.ts';
import { networkEngine } from '../network/engine.ts';
import type { LayerSpec, NetworkSpec, Task } from '../types.ts';

const TASKS = ['classification', 'regression', 'multi-output'] as const;

function unsuitable(task: Task, data: DataShape): string | null {
	const reason = taskReason('A CNN', TASKS, task);
	if (reason) return reason;
	if (!data.imageShape) {
		return "A CNN needs rows that are images, with pixel columns named like px_<row>_<col> (digits' px_0_0 to px_7_7); these features are ordinary columns, so use an MLP or a linear model.";
	}
	return null;
}

/**
 * conv 16 (3 × 3) → max-pool 2 → [conv 32 (3 × 3) → max-pool 2] → flatten → dense 32.
 * Why: a 3 × 3 convolution sees strokes; 'same' padding keeps small images (8 × 8) from losing their
 * borders; the pool halves the image when that leaves at least 2 × 2. A second convolution and pool only
 * pay off on images of 16 pixels a side or more. Measured on digits (CPU backend, 1,437 training rows):
 * this reaches 0.98 test accuracy in about a dozen epochs, while a second 32-filter convolution and a
 * 64-unit dense layer scored the same and trained three times slower.
 */
export function cnnDefaultLayers([height, width]: [number, number, number]): LayerSpec[] {
	const side = Math.min(height, width);
	const layers: LayerSpec[] = [
		{ type: 'conv2d', filters: 16, kernel: 3, padding: 'same', activation: 'relu' }
	];
	if (side >= 4) layers.push({ type: 'max-pool', size: 2 });
	if (side >= 16) {
		layers.push(
			{ type: 'conv2d', filters: 32, kernel: 3, padding: 'same', activation: 'relu' },
			{ type: 'max-pool', size: 2 }
		);
	}
	layers.push({ type: 'flatten' }, { type: 'dense', units: 32, activation: 'relu' });
	return layers;
}

export const cnnFamily: ModelEngine<NetworkSpec, LayersArtifact> = networkEngine(
	{
		family: 'cnn',
		label: 'Convolutional network (CNN)',
		summary:
			'Slides small filters over an image to find edges and strokes wherever they are, then classifies what it found. For image data (pixel columns) only; on ordinary tables use an MLP.',
		tasks: TASKS,
		unsuitable,
		defaultSpec(task, data) {
			const reason = unsuitable(task, data);
			if (reason) throw new BenchtopError('bad-input', reason);
			const inputShape = data.imageShape!;
			return {
				family: 'cnn',
				task: task as NetworkSpec['task'],
				layers: cnnDefaultLayers(inputShape),
				inputShape
			};
		}
	},
	{ layers: 'image' }
);
