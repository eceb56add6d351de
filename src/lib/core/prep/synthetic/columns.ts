// Shared pieces for building generator output: column names, class labels, parameter specs every
// generator has, and the row shuffle scikit-learn applies so classes do not arrive in blocks.
import type { SeededRandom } from '../../random/seeded-random.ts';
import type { ColumnSchema } from '../../table/column-types.ts';
import type { ParamSpec, SyntheticColumn, SyntheticData, SyntheticTruth } from './types.ts';
import { MAX_ROWS } from './params.ts';

export function featureName(index: number): string {
	return `x${index + 1}`;
}

export function classLabel(index: number): string {
	return `class_${index}`;
}

export function rowsParam(defaultRows = 500): ParamSpec<'n_samples'> {
	return {
		key: 'n_samples',
		label: 'Rows',
		short: 'rows',
		kind: 'int',
		min: 10,
		max: MAX_ROWS,
		step: 10,
		default: defaultRows
	};
}

export function noiseParam(defaultNoise: number, max: number, help: string): ParamSpec<'noise'> {
	return {
		key: 'noise',
		label: 'Noise',
		short: 'noise',
		kind: 'number',
		min: 0,
		max,
		step: max / 200,
		default: defaultNoise,
		help
	};
}

/** `count` values evenly spaced from start to stop (included unless `endpoint` is false), as numpy.linspace. */
export function linspace(start: number, stop: number, count: number, endpoint = true): Float64Array {
	const out = new Float64Array(count);
	const intervals = endpoint ? count - 1 : count;
	const step = intervals > 0 ? (stop - start) / intervals : 0;
	for (let i = 0; i < count; i++) out[i] = start + step * i;
	return out;
}

/** Class sizes as scikit-learn splits n_samples: equal shares, the first classes taking the remainder. */
export function classSizes(rows: number, classes: number): number[] {
	const base = Math.floor(rows / classes);
	return Array.from({ length: classes }, (_, k) => base + (k < rows % classes ? 1 : 0));
}

function gather<T extends SyntheticColumn>(column: T, order: Uint32Array): T {
	if (Array.isArray(column)) return Array.from(order, (i) => column[i]!) as T;
	const out = new (column.constructor as new (length: number) => Float64Array | Int32Array)(order.length);
	for (let i = 0; i < order.length; i++) out[i] = column[order[i]!]!;
	return out as T;
}

export interface Assembly {
	features: Float64Array[];
	target: { name: string; values: Float64Array | string[]; type: 'number' | 'category' };
	truth?: SyntheticTruth;
	/** Whether to put rows in random order (after generation, so the values themselves do not change). */
	shuffle: SeededRandom | null;
}

export function assemble({ features, target, truth = {}, shuffle }: Assembly): SyntheticData {
	const rows = target.values.length;
	const order = new Uint32Array(rows);
	for (let i = 0; i < rows; i++) order[i] = i;
	if (shuffle) shuffle.shuffle(order);
	const columns: Record<string, SyntheticColumn> = {};
	const schema: ColumnSchema[] = [];
	features.forEach((values, j) => {
		columns[featureName(j)] = shuffle ? gather(values, order) : values;
		schema.push({ name: featureName(j), type: 'number' });
	});
	columns[target.name] = shuffle ? gather(target.values, order) : target.values;
	schema.push({ name: target.name, type: target.type });
	return { columns, schema, target: target.name, truth };
}

/**
 * Adds Gaussian noise of the given standard deviation to every value, in place. Drawn even at zero, so
 * that with one seed the noise setting scales the same noise rather than reshuffling the data set.
 */
export function addNoise(features: Float64Array[], std: number, random: SeededRandom): void {
	for (const values of features) {
		for (let i = 0; i < values.length; i++) values[i] = values[i]! + random.normal(0, std);
	}
}
