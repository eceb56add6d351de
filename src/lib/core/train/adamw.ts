// AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization"), which TF.js 4.22 lacks: Adam's step
// with the weights shrunk apart from it, as PyTorch's torch.optim.AdamW does each step:
//   w ← w · (1 − rate · decay), then Adam's update from the gradient of the loss alone.
// An L2 penalty in the loss instead passes through Adam's per-weight scaling, so weights with large
// gradients would be decayed less; decoupling makes every weight shrink by the same share.
import * as tf from '@tensorflow/tfjs';

type VariableGradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class AdamWOptimizer extends tf.AdamOptimizer {
	/** The name a saved state carries (its moments have Adam's layout). */
	static override get className(): string {
		return 'AdamW';
	}

	constructor(
		learningRate: number,
		readonly weightDecay: number,
		beta1 = 0.9,
		beta2 = 0.999,
		epsilon?: number
	) {
		super(learningRate, beta1, beta2, epsilon);
	}

	override applyGradients(variableGradients: VariableGradients): void {
		if (this.weightDecay > 0) {
			const names = Array.isArray(variableGradients)
				? variableGradients.map((v) => v.name)
				: Object.keys(variableGradients);
			// Every variable given a gradient, biases too (PyTorch's default: all of a model's parameters).
			const shrink = 1 - this.learningRate * this.weightDecay;
			tf.tidy(() => {
				for (const name of names) {
					const variable = tf.engine().registeredVariables[name]!;
					variable.assign(tf.mul(variable, shrink));
				}
			});
		}
		super.applyGradients(variableGradients);
	}
}
