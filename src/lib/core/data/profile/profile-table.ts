// Profiles a typed table: one pass per column over its values, then duplicate rows, correlations and,
// when a target is named, each feature's relation to it. Built for a million rows in a worker. The
// per-column part can run on other workers for wide tables (profileTableInParallel): each column's
// summary is the same function of the same values wherever it runs, so the profile is identical.
import type { ColumnTable } from 'arquero';
import { BenchtopError } from '../../errors.ts';
import type { ColumnSchema } from '../../table/column-types.ts';
import { readColumn, type ColumnData, type NumericData } from './column-data.ts';
import { profileColumns, type ColumnSettings, type ColumnSummary } from './column-profile.ts';
import { correlationMatrix } from './correlations.ts';
import { countDuplicateRows } from './duplicate-rows.ts';
import { splitColumns } from './split-columns.ts';
import { targetRelations, type NumericFacts } from './target-relations.ts';
import type { ColumnProfile, ProfileOptions, TableProfile } from './types.ts';

const DEFAULT_BINS = 20;
const DEFAULT_TOP_K = 10;

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

/** The table-wide parts, from the columns' values and their summaries. */
function assemble(
	data: ColumnData[],
	summaries: ColumnSummary[],
	rows: number,
	options: ProfileOptions,
	duplicateRows: (hasKey: boolean) => number
): TableProfile {
	const columns = summaries.map((s) => s.profile);
	const facts = new Map<string, NumericFacts>();
	summaries.forEach((s) => {
		if (s.facts) facts.set(s.profile.name, s.facts);
	});
	const correlated = data.filter((c): c is NumericData => c.kind === 'numeric' && c.type !== 'date');
	const profile: TableProfile = {
		rows,
		columns,
		duplicateRows: duplicateRows(columns.some((c) => isKey(c))),
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
	return assemble(data, summaries, rows, options, (hasKey) => countDuplicateRows(data, rows, hasKey));
}

/**
 * Summarises each part's columns somewhere else (a worker), answering one summary per column in the
 * part's order. The columns are plain data (typed arrays); the runner copies or moves them as it likes,
 * but must leave the caller's arrays readable.
 */
export type ColumnRunner = (parts: ColumnData[][], settings: ColumnSettings) => Promise<ColumnSummary[][]>;

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
	return assemble(data, summaries, rows, options, (hasKey) => countDuplicateRows(data, rows, hasKey));
}
