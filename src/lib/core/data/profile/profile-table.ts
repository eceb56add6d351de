// Profiles a typed table: one pass per column over its values, then duplicate rows, correlations and,
// when a target is named, each feature's relation to it. Built for a million rows in a worker. The
// per-column part, and then the correlation matrix's pairs, can run on other workers for wide tables
// (profileTableInParallel): each column's summary and each pair's r is the same function of the same
// values wherever it runs, so the profile is identical.
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../../errors.ts';
import type { ColumnSchema } from '../../table/column-types.ts';
import { readColumn, type ColumnData, type NumericData } from './column-data.ts';
import { profileColumns, type ColumnSettings, type ColumnSummary } from './column-profile.ts';
import { correlationMatrix, correlationRows, matrixFromRows, pairRowRanges } from './correlations.ts';
import { countDuplicateRows } from './duplicate-rows.ts';
import { splitColumns } from './split-columns.ts';
import { targetRelations, type NumericFacts } from './target-relations.ts';
import type { ColumnProfile, CorrelationMatrix, ProfileOptions, TableProfile } from './types.ts';

const DEFAULT_BINS = 20;
const DEFAULT_TOP_K = 10;
/** Pairs × rows below which the correlation matrix stays on one thread: ~16M pair-values are ~30 ms of work, about
 * three times what copying the columns a worker needs costs. */
export const PARALLEL_MIN_PAIR_VALUES = 16_000_000;

/** Every row has its own value (at most one row missing), counted exactly: no two rows can be equal. */
function isKey(column: ColumnProfile): boolean {
	return !column.uniqueApprox && column.missing <= 1 && column.unique === column.count;
}

function settingsOf(options: ProfileOptions): ColumnSettings {
	return { bins: options.bins ?? DEFAULT_BINS, topK: options.topK ?? DEFAULT_TOP_K };
}

function readColumns(table: ColumnTable, schema: ColumnSchema[]): ColumnData[] {
	const present = new Set(table.columnNames());
	const absent = schema.find((c) => !present.has(c.name));
	if (absent)
		throw new BenchtopError(
			'bad-input',
			`The schema names a column “${absent.name}” the table does not have.`
		);
	return schema.map((c) => readColumn(table, c.name, c.type));
}

/** The numeric columns of the correlation matrix (dates are left out), with their means and variance. */
interface Correlated {
	columns: NumericData[];
	shifts: number[];
	varies: boolean[];
}

function correlatedOf(data: ColumnData[], summaries: ColumnSummary[]): Correlated {
	const facts = factsOf(summaries);
	const columns = data.filter((c): c is NumericData => c.kind === 'numeric' && c.type !== 'date');
	return {
		columns,
		shifts: columns.map((c) => facts.get(c.name)?.mean ?? 0),
		varies: columns.map((c) => (facts.get(c.name)?.unique ?? 0) > 1)
	};
}

function factsOf(summaries: ColumnSummary[]): Map<string, NumericFacts> {
	const facts = new Map<string, NumericFacts>();
	summaries.forEach((s) => {
		if (s.facts) facts.set(s.profile.name, s.facts);
	});
	return facts;
}

const hasKeyColumn = (summaries: ColumnSummary[]) => summaries.some((s) => isKey(s.profile));

/** The table-wide parts, from the columns' values, their summaries and the table-wide counts. */
function assemble(
	data: ColumnData[],
	summaries: ColumnSummary[],
	rows: number,
	options: ProfileOptions,
	duplicateRows: number,
	correlations: CorrelationMatrix
): TableProfile {
	const profile: TableProfile = {
		rows,
		columns: summaries.map((s) => s.profile),
		duplicateRows,
		correlations
	};
	if (options.target !== undefined) {
		const { target, relations } = targetRelations({
			columns: data,
			numeric: factsOf(summaries),
			target: options.target,
			targetKind: options.targetKind,
			topK: settingsOf(options).topK
		});
		profile.target = target;
		profile.targetRelations = relations;
	}
	return profile;
}

export function profileTable(
	table: ColumnTable,
	schema: ColumnSchema[],
	options: ProfileOptions = {}
): TableProfile {
	const data = readColumns(table, schema);
	const rows = table.numRows();
	const summaries = profileColumns(data, settingsOf(options));
	const duplicates = countDuplicateRows(data, rows, hasKeyColumn(summaries));
	const { columns, shifts, varies } = correlatedOf(data, summaries);
	return assemble(data, summaries, rows, options, duplicates, correlationMatrix(columns, shifts, varies));
}

/**
 * Summarises each part's columns somewhere else (a worker), answering one summary per column in the
 * part's order. The columns are plain data (typed arrays); the runner copies or moves them as it likes,
 * but must leave the caller's arrays readable.
 */
export type ColumnRunner = ((
	parts: ColumnData[][],
	settings: ColumnSettings
) => Promise<ColumnSummary[][]>) & {
	/** Computes parts of the correlation matrix elsewhere; without it the matrix is computed here. */
	correlate?: CorrelationRunner;
};

/**
 * Rows [from, to) of the correlation matrix's upper triangle, given only the columns from `from` on
 * (so `from` is row 0 there): `correlationRows(columns, shifts, 0, rows)` is the answer.
 */
export interface CorrelationPart {
	columns: Float64Array[];
	shifts: number[];
	rows: number;
}

/** Answers each part's r values (as correlationRows gives them), in part order. */
export type CorrelationRunner = (parts: CorrelationPart[]) => Promise<(number | null)[][]>;

/**
 * The same profile as profileTable, with the per-column summaries of the heavier columns split into
 * `workers` parts run by `run`, while this thread summarises the rest. Tables too small or too narrow to
 * gain are profiled here, as profileTable does.
 */
export async function profileTableInParallel(
	table: ColumnTable,
	schema: ColumnSchema[],
	workers: number,
	run: ColumnRunner,
	options: ProfileOptions = {}
): Promise<TableProfile> {
	const data = readColumns(table, schema);
	const rows = table.numRows();
	const settings = settingsOf(options);
	const plan = splitColumns(data, rows, workers);
	if (!plan) return profileTable(table, schema, options);
	const elsewhere = run(
		plan.parts.map((part) => part.map((k) => data[k]!)),
		settings
	);
	// Meanwhile, here: the light columns and this thread's share of the heavy ones.
	const here = profileColumns(
		plan.here.map((k) => data[k]!),
		settings
	);
	const summaries = new Array<ColumnSummary>(data.length);
	plan.here.forEach((k, i) => (summaries[k] = here[i]!));
	const answers = await elsewhere;
	plan.parts.forEach((part, p) => {
		const answer = answers[p];
		if (!answer || answer.length !== part.length)
			throw new BenchtopError('internal', 'A profile worker answered for a different set of columns.');
		part.forEach((k, i) => (summaries[k] = answer[i]!));
	});
	const correlated = correlatedOf(data, summaries);
	const k = correlated.columns.length;
	const ranges =
		run.correlate && ((k * (k - 1)) / 2) * rows >= PARALLEL_MIN_PAIR_VALUES
			? pairRowRanges(k, workers + 1)
			: [];
	if (ranges.length < 2) {
		const duplicates = countDuplicateRows(data, rows, hasKeyColumn(summaries));
		const { columns, shifts, varies } = correlated;
		return assemble(data, summaries, rows, options, duplicates, correlationMatrix(columns, shifts, varies));
	}
	// The later row ranges elsewhere (each given the columns from its first row on), the first one here,
	// then the duplicate rows while the others finish.
	const values = correlated.columns.map((c) => c.values);
	const others = run.correlate!(
		ranges.slice(1).map(([from, to]) => ({
			columns: values.slice(from),
			shifts: correlated.shifts.slice(from),
			rows: to - from
		}))
	);
	const first = correlationRows(values, correlated.shifts, ranges[0]![0], ranges[0]![1]);
	const duplicates = countDuplicateRows(data, rows, hasKeyColumn(summaries));
	const parts = [first, ...(await others)];
	const correlations = matrixFromRows(
		correlated.columns.map((c) => c.name),
		correlated.varies,
		ranges,
		parts
	);
	return assemble(data, summaries, rows, options, duplicates, correlations);
}
