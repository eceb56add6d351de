// What a synthetic data generator is: its metadata for the UI, its parameters, and what it produces.
import type { ColumnSchema } from '../../table/column-types.ts';

export interface ParamSpec<K extends string = string> {
	/** As scikit-learn's make_* names it: n_samples, noise, … */
	key: K;
	label: string;
	/** How the data set's name mentions it: "3 clusters" for whole numbers, "noise 0.1" otherwise. */
	short: string;
	kind: 'int' | 'number';
	min: number;
	max: number;
	/** A hint for sliders; values between steps are still accepted. */
	step: number;
	default: number;
	help?: string;
}

export type SyntheticParams = Record<string, number>;

export type SyntheticColumn = Float64Array | Int32Array | string[];

/** What made the data, for explaining it and for tests that check a model recovers it. */
export interface SyntheticTruth {
	/** Blobs: one centre per cluster, in label order (c0, c1, …). */
	centers?: number[][];
	/** Linear: one coefficient per feature column, in column order; zero for uninformative ones. */
	coefficients?: number[];
	bias?: number;
}

export interface SyntheticData {
	columns: Record<string, SyntheticColumn>;
	/** Column order is schema order. */
	schema: ColumnSchema[];
	/** The column to predict. */
	target: string;
	truth: SyntheticTruth;
}

export interface SyntheticGenerator {
	id: string;
	name: string;
	description: string;
	task: 'classification' | 'regression';
	params: ParamSpec[];
	/** Validates the parameters (missing ones take their defaults) and throws BenchtopError('bad-input'). */
	generate(params: Partial<SyntheticParams>, seed: number): SyntheticData;
}
