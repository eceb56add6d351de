// Stacked class shares (each class's part of a bin, a level or a split), shared by the charts that show
// how classes are spread: one colour per class, a 0–100% axis, and the same tooltip.

export function classColor(classes: string[], target: string) {
	return {
		field: 'class',
		type: 'nominal',
		title: target,
		scale: { domain: classes },
		sort: classes
	} as const;
}

/** One row per class of a bin or level: its count and its share of that bin or level. */
export function classShareRows(classes: string[], counts: number[]) {
	const total = counts.reduce((sum, c) => sum + c, 0);
	return classes.map((cls, k) => ({
		class: cls,
		classIndex: k,
		count: counts[k]!,
		share: total ? counts[k]! / total : 0,
		total
	}));
}

/** The stacked 0–100% axis of class shares, shared by the binned and the per-level class charts. */
export function classShareAxis(target: string) {
	return {
		field: 'share',
		type: 'quantitative' as const,
		title: `Share of ${target}`,
		stack: 'zero' as const,
		axis: { format: '%' },
		scale: { domain: [0, 1] }
	};
}

export function classShareTooltip(target: string) {
	return [
		{ field: 'class', type: 'nominal' as const, title: target },
		{ field: 'share', type: 'quantitative' as const, title: 'Share', format: '.1%' },
		{ field: 'count', type: 'quantitative' as const, title: 'Rows', format: ',' }
	];
}
