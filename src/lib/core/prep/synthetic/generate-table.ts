// Turns a generator's columns into the typed table, schema, provenance and name a data set is saved with.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { ColumnSchema } from '../../table/column-types.ts';
import { findSyntheticGenerator } from './generators.ts';
import { resolveParams } from './params.ts';
import type { SyntheticGenerator, SyntheticParams, SyntheticTruth } from './types.ts';

export interface SyntheticTable {
	table: ColumnTable;
	schema: ColumnSchema[];
	source: { kind: 'synthetic'; generator: string; seed: number };
	name: string;
	/** The column to predict. */
	target: string;
	/** Every parameter, defaults filled in, so the data set can be made again. */
	params: SyntheticParams;
	truth: SyntheticTruth;
}

/** "Moons (500 rows, noise 0.1, seed 42)" */
export function syntheticDatasetName(
	generator: SyntheticGenerator,
	params: SyntheticParams,
	seed: number
): string {
	const parts = generator.params.map((spec) => {
		const value = params[spec.key] ?? spec.default;
		if (spec.kind === 'number') return `${spec.short} ${value}`;
		const unit = value === 1 && spec.short.endsWith('s') ? spec.short.slice(0, -1) : spec.short;
		return `${value.toLocaleString('en')} ${unit}`;
	});
	return `${generator.name} (${[...parts, `seed ${seed}`].join(', ')})`;
}

export function generateSyntheticTable(
	id: string,
	given: Partial<SyntheticParams>,
	seed: number
): SyntheticTable {
	const generator = findSyntheticGenerator(id);
	const data = generator.generate(given, seed);
	const params = resolveParams(generator.name, generator.params, given);
	const names = data.schema.map((column) => column.name);
	return {
		table: aq.table(data.columns, names),
		schema: data.schema,
		source: { kind: 'synthetic', generator: generator.id, seed },
		name: syntheticDatasetName(generator, params, seed),
		target: data.target,
		params,
		truth: data.truth
	};
}
