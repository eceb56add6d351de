// Runs every quality check over a profile and orders the findings: problems first, then warnings,
// then notes; within a severity, the more consequential kinds first, then in column order.
import type { TableProfile } from '../profile/index.ts';
import type { CheckContext, QualityCheck } from './check.ts';
import { checkClassImbalance } from './check-class-imbalance.ts';
import { checkConstant } from './check-constant.ts';
import { checkDuplicates } from './check-duplicates.ts';
import { checkHighCardinality } from './check-high-cardinality.ts';
import { checkIdLike } from './check-id-like.ts';
import { checkLeakage } from './check-leakage.ts';
import { checkMissing } from './check-missing.ts';
import { checkOutliers } from './check-outliers.ts';
import type { QualityFinding, QualityKind, QualityOptions, QualitySeverity } from './types.ts';

// The id check runs first: the cardinality and leakage checks leave identifiers to it.
const CHECKS: QualityCheck[] = [
	checkIdLike,
	checkLeakage,
	checkMissing,
	checkConstant,
	checkDuplicates,
	checkHighCardinality,
	checkOutliers,
	checkClassImbalance
];

const SEVERITY_ORDER: Record<QualitySeverity, number> = { problem: 0, warning: 1, info: 2 };
const KIND_ORDER: Record<QualityKind, number> = {
	'leakage-suspect': 0,
	'missing-heavy': 1,
	'class-imbalance': 2,
	'id-like': 3,
	constant: 4,
	'duplicate-rows': 5,
	'high-cardinality': 6,
	outliers: 7
};

/** Fixes that only choose rows (drop those without a target, drop copies) may name the target. */
const ROW_FIXES = new Set(['filter', 'dedupe']);

/**
 * The target is what the model must learn as it is: no fix ever imputes, clips, transforms, encodes or
 * drops it. Checks already leave it out; this holds for any check added later too.
 */
function leaveTargetAlone(finding: QualityFinding, target: string | undefined): QualityFinding {
	const fix = finding.fix;
	if (!fix || !target || ROW_FIXES.has(fix.op)) return finding;
	const columns = fix.params.columns;
	if (!Array.isArray(columns) || !columns.includes(target)) return finding;
	const rest = columns.filter((c) => c !== target);
	if (rest.length > 0) return { ...finding, fix: { ...fix, params: { ...fix.params, columns: rest } } };
	const { fix: _dropped, ...withoutFix } = finding;
	return withoutFix;
}

export function qualityReport(profile: TableProfile, options: QualityOptions = {}): QualityFinding[] {
	const context: CheckContext = {
		profile,
		target: options.target ?? profile.target?.name,
		idLike: new Set()
	};
	const findings = CHECKS.flatMap((check) => check(context)).map((f) => leaveTargetAlone(f, context.target));
	const position = new Map(profile.columns.map((c, i) => [c.name, i]));
	const columnRank = (f: QualityFinding) =>
		f.columns[0] === undefined ? -1 : (position.get(f.columns[0]) ?? -1);
	return findings.sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
			columnRank(a) - columnRank(b)
	);
}
