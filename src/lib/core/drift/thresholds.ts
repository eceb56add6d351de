// When a feature counts as drifted: stated once, shown on the page and printed by the CLI.
export const DRIFT_THRESHOLDS = {
	/** PSI above this, with the test's p below pValue: drifted. The PSI alone is not enough: over ten bins
	 * it averages about 9·(1/n + 1/m) by chance, 0.1 to 0.2 with a hundred or two rows a side. */
	psiDrifted: 0.2,
	/** PSI above this: moderate. */
	psiModerate: 0.1,
	/** A KS or chi-square p-value below this is significant. On its own it is only moderate: with
	 * thousands of rows a test finds shifts too small to matter. */
	pValue: 0.01,
	/** New categories on more than this share of the rows: drifted (any share: moderate). */
	newCategoryShare: 0.05,
	/** A missing rate that moved by more than this (absolute): drifted; by more than missingModerate: moderate. */
	missingChange: 0.1,
	missingModerate: 0.02
} as const;

export type DriftLevel = 'stable' | 'moderate' | 'drifted';

/** The thresholds in words, as the report states them. */
export function thresholdLines(): string[] {
	const t = DRIFT_THRESHOLDS;
	return [
		`drifted: PSI > ${t.psiDrifted} with a test p < ${t.pValue} (a shift large enough to matter that the sample size cannot explain), or new categories on more than ${t.newCategoryShare * 100}% of rows, or a missing rate moved by more than ${t.missingChange * 100} points`,
		`moderate: PSI > ${t.psiModerate}, or a test p < ${t.pValue}, or any new category, or a missing rate moved by more than ${t.missingModerate * 100} points`,
		`PSI over the training deciles (categories: over the training categories plus one bin for unseen ones), empty bins counted as a share of 0.0001; KS (numbers) and chi-square (categories) are two-sided`
	];
}
