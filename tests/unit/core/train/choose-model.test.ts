// `auto`'s rule: of the linear model and a network trained on the same rows, the better on the validation
// rows kept, a tie going to the simpler model, and the reason said. (Training the candidates and the choice
// in the run record: auto-model.test.ts.)
import { describe, expect, it } from 'vitest';
import { pickModel } from '../../../../src/lib/core/train/choose-model.ts';

describe('pickModel', () => {
	const linear = (validation: number | null) => ({ family: 'linear' as const, validation, rows: 30 });
	const mlp = (validation: number | null) => ({ family: 'mlp' as const, validation, rows: 30 });

	it('keeps the network only when it scores clearly better, and says why', () => {
		const network = pickModel(linear(0.8), mlp(0.9), 'r2');
		expect(network.kept).toBe('mlp');
		expect(network.reason).toBe(
			'Trained the linear model and a neural network; kept the neural network (mlp): validation R² 0.9 against 0.8 on 30 rows held out from training (it scores better).'
		);
		expect(pickModel(linear(0.9), mlp(0.902), 'accuracy').kept).toBe('linear');
		expect(pickModel(linear(0.9), mlp(0.902), 'accuracy').reason).toMatch(/tie within 0.005/);
		expect(pickModel(linear(0.95), mlp(0.9), 'accuracy').kept).toBe('linear');
		expect(pickModel(linear(null), mlp(null), 'accuracy').reason).toMatch(/no validation rows/);
	});

	it('keeps the linear model when too few validation rows could tell them apart', () => {
		const few = pickModel({ ...linear(-0.5), rows: 2 }, { ...mlp(0.4), rows: 2 }, 'r2');
		expect(few.kept).toBe('linear');
		expect(few.reason).toMatch(
			/only 2 validation rows \(validation R² -0.5 against 0.4\), too few to tell the two apart/
		);
	});

	it('keeps the network for a regression only when it removes a quarter of the linear error', () => {
		// diabetes, seed 5: ahead by 0.13 in R², but it leaves 79% of the linear model's error.
		const small = pickModel({ ...linear(0.395), rows: 35 }, { ...mlp(0.523), rows: 35 }, 'r2');
		expect(small.kept).toBe('linear');
		expect(small.reason).toMatch(/removes less than 25% of the error/);
		// cars, seed 5: 0.906 against 0.957 leaves less than half the error.
		expect(pickModel({ ...linear(0.906), rows: 32 }, { ...mlp(0.957), rows: 32 }, 'r2').kept).toBe('mlp');
		// Classification keeps the plain margin.
		expect(pickModel({ ...linear(0.8), rows: 40 }, { ...mlp(0.83), rows: 40 }, 'accuracy').kept).toBe('mlp');
	});

	it('keeps the network on a few validation rows only when it wins by a wide margin', () => {
		// macrodata: 16 held-out rows, the network far ahead.
		expect(pickModel({ ...linear(0.52), rows: 16 }, { ...mlp(0.85), rows: 16 }, 'r2').kept).toBe('mlp');
		expect(pickModel({ ...linear(0.8), rows: 16 }, { ...mlp(0.85), rows: 16 }, 'r2').kept).toBe('linear');
		expect(pickModel({ ...linear(0.1), rows: 5 }, { ...mlp(0.9), rows: 5 }, 'r2').kept).toBe('linear');
	});
});
