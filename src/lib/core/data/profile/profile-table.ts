// Profiles a typed table: one pass per column over its values, then duplicate rows, correlations and,
// when a target is named, each feature's relation to it. Built for a million rows in a worker.
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../../errors.ts';
import type { ColumnSchema } from '../../table/column-types.ts';
import { summarizeCategorical } from './categorical-summary.ts';
import { readColumn, type ColumnData, type NumericData } from './column-data.ts';
import { correlationMatrix } from './correlations.ts';
import { countDuplicateRows } from './duplicate-rows.ts';
import { summarizeNumeric } from './numeric-summary.ts';
import { targetRelations, type NumericFacts } from './target-relations.ts';
import type { ColumnProfile, ProfileOptions, TableProfile } from './types.ts';

const DEFAULT_BINS = 20;
const DEFAULT_TOP_K = 10;

function profileColumn(
	column: ColumnData,
	options: Required<Pick<ProfileOptions, 'bins' | 'topK'>>,
	facts: Map<string, NumericFacts>
): ColumnProfile {
	const base = { name: column.name, type: column.type, missing: column.missing };
	if (column.kind === 'numeric') {
		const s = summarizeNumeric(column, options.bins);
		facts.set(column.name, { mean: s.mean, binning: s.binning, unique: s.unique });
		const isDate = column.type === 'date';
		const asValue = (x: number | null) => (x === null ? null : isDate ? new Date(x) : x);
		return {
			...base,
			count: s.count,
			unique: s.unique,
			uniqueApprox: false,
			min: asValue(s.min),
			max: asValue(s.max),
			// A mean date and a spread in milliseconds help nobody; dates show range and quantiles.
			mean: isDate ? null : s.mean,
			std: isDate ? null : s.std,
			quantiles: s.quantiles,
			histogram: s.histogram,
			top: null,
			zeros: isDate ? null : s.zeros,
			negatives: isDate ? null : s.negatives,
			outliers: isDate ? null : s.outliers
		};
	}
	const s = summarizeCategorical(column, options.topK);
	return {
		...base,
		count: s.count,
		unique: s.unique,
		uniqueApprox: s.uniqueApprox,
		min: null,
		max: null,
		mean: null,
		std: null,
		quantiles: null,
		histogram: null,
		top: s.top,
		zeros: null,
		negatives: null,
		outliers: null
	};
}

/** Every row has its own value (at most one row missing), counted exactly: no two rows can be equal. */
function isKey(column: ColumnProfile): boolean {
	return !column.uniqueApprox && column.missing <= 1 && column.unique === column.count;
}

export function profileTable(
	table: ColumnTable,
	schema: ColumnSchema[],
	options: ProfileOptions = {}
): TableProfile {
	const settings = { bins: options.bins ?? DEFAULT_BINS, topK: options.topK ?? DEFAULT_TOP_K };
	const present = new Set(table.columnNames());
	const absent = schema.find((c) => !present.has(c.name));
	if (absent)
		throw new BenchtopError(
			'bad-input',
			`The schema names a column “${absent.name}” the table does not have.`
		);
	const rows = table.numRows();
	const data = schema.map((c) => readColumn(table, c.name, c.type));
	const facts = new Map<string, NumericFacts>();
	const columns = data.map((column) => profileColumn(column, settings, facts));

	const correlated = data.filter((c): c is NumericData => c.kind === 'numeric' && c.type !== 'date');
	const profile: TableProfile = {
		rows,
		columns,
		duplicateRows: countDuplicateRows(
			data,
			rows,
			columns.some((c) => isKey(c))
		),
		correlations: correlationMatrix(
			correlated,
			correlated.map((c) => facts.get(c.name)?.mean ?? null),
			correlated.map((c) => (facts.get(c.name)?.unique ?? 0) > 1)
		)
	};
	if (options.target !== undefined) {
		const { target, relations } = targetRelations({
			columns: data,
			numeric: facts,
			target: options.target,
			targetKind: options.targetKind,
			topK: settings.topK
		});
		profile.target = target;
		profile.targetRelations = relations;
	}
	return profile;
}
