// How each feature relates to the target: one association measure per pair of kinds (Pearson r,
// correlation ratio η, Cramér's V) and the chart data that shows it.
import { BenchtopError } from '../../errors.ts';
import type { Binning } from './binning.ts';
import { pearson, correlationRatio, cramersV } from './association.ts';
import type { ColumnData } from './column-data.ts';
import { capGroups, groupCategorical, groupNumeric, type GroupCodes } from './group-codes.ts';
import { binnedClasses, binnedMean, groupClasses, groupSummary } from './relation-charts.ts';
import type { TargetKind, TargetRelation, TargetSummary } from './types.ts';

/** Classes and levels kept apart when measuring; rarer ones are lumped together. */
const MAX_CLASSES = 100;
const MAX_LEVELS = 1000;
/** Integer targets with at most this many distinct values are taken as class labels. */
const MAX_INTEGER_CLASSES = 20;

/** What the per-column pass already knows about a numeric column. */
export interface NumericFacts {
	mean: number | null;
	binning: Binning | null;
	unique: number;
}

export interface RelationInput {
	columns: ColumnData[];
	numeric: Map<string, NumericFacts>;
	target: string;
	targetKind?: TargetKind;
	topK: number;
}

function chooseKind(column: ColumnData, facts: NumericFacts | undefined): TargetKind {
	if (column.kind === 'categorical') return 'categorical';
	if (column.type === 'integer' && facts && facts.unique <= MAX_INTEGER_CLASSES) return 'categorical';
	return 'numeric';
}

function relation(
	feature: ColumnData,
	target: ColumnData,
	targetKind: TargetKind,
	measure: TargetRelation['measure'],
	result: { value: number | null; rows: number },
	chart: TargetRelation['chart']
): TargetRelation {
	return {
		feature: feature.name,
		featureType: feature.type,
		target: target.name,
		targetKind,
		measure,
		value: result.value,
		strength: result.value === null ? null : Math.abs(result.value),
		rows: result.rows,
		chart
	};
}

export function targetRelations(input: RelationInput): {
	target: TargetSummary;
	relations: TargetRelation[];
} {
	const { columns, numeric, topK } = input;
	const target = columns.find((c) => c.name === input.target);
	if (!target)
		throw new BenchtopError('bad-input', `There is no column “${input.target}” to use as the target.`);
	const kind = input.targetKind ?? chooseKind(target, numeric.get(target.name));
	const relations: TargetRelation[] = [];

	if (kind === 'numeric') {
		if (target.kind !== 'numeric')
			throw new BenchtopError(
				'bad-input',
				`The target “${target.name}” holds ${target.type} values, not numbers.`
			);
		const y = target.values;
		const yMean = numeric.get(target.name)?.mean ?? 0;
		for (const feature of columns) {
			if (feature === target || feature.type === 'text') continue;
			if (feature.kind === 'numeric') {
				const facts = numeric.get(feature.name);
				const { r, rows } = pearson(feature.values, y, facts?.mean ?? 0, yMean);
				const chart = binnedMean(feature.values, facts?.binning ?? null, y);
				relations.push(relation(feature, target, kind, 'pearson', { value: r, rows }, chart));
			} else {
				const groups = groupCategorical(feature, MAX_LEVELS);
				const { eta, rows } = correlationRatio(y, groups.codes, groups.labels.length, yMean);
				const chart = groupSummary(capGroups(groups, topK), y);
				relations.push(relation(feature, target, kind, 'eta', { value: eta, rows }, chart));
			}
		}
		return { target: { name: target.name, kind, classes: null, classCount: null }, relations };
	}

	const classes: GroupCodes =
		target.kind === 'categorical' ? groupCategorical(target, MAX_CLASSES) : groupNumeric(target, MAX_CLASSES);
	const chartClasses = capGroups(classes, topK);
	for (const feature of columns) {
		if (feature === target || feature.type === 'text') continue;
		if (feature.kind === 'numeric') {
			const facts = numeric.get(feature.name);
			const { eta, rows } = correlationRatio(
				feature.values,
				classes.codes,
				classes.labels.length,
				facts?.mean ?? 0
			);
			const chart = binnedClasses(feature.values, facts?.binning ?? null, chartClasses);
			relations.push(relation(feature, target, kind, 'eta', { value: eta, rows }, chart));
		} else {
			const levels = groupCategorical(feature, MAX_LEVELS);
			const { v, rows } = cramersV(levels.codes, levels.labels.length, classes.codes, classes.labels.length);
			const chart = groupClasses(capGroups(levels, topK), chartClasses);
			relations.push(relation(feature, target, kind, 'cramers-v', { value: v, rows }, chart));
		}
	}
	const summary: TargetSummary = {
		name: target.name,
		kind,
		classes: classes.labels.map((value, k) => ({ value, count: classes.counts[k]! })),
		classCount: classes.distinct
	};
	return { target: summary, relations };
}
