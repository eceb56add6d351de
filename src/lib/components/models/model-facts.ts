// What the Models page says about a version in one line: its headline metric (the task's usual one, on
// the test rows, else validation), its size, and which aliases point at it.
import { formatMetric, suggestedThreshold } from '$lib/core/evaluate/gate.ts';
import { metricValue } from '$lib/core/evaluate/compare-runs.ts';
import type { ModelRecord, ModelVersionRecord } from '$lib/core/registry/model-records.ts';

export interface Headline {
	metric: string;
	split: 'test' | 'validation';
	value: number;
}

/** The task's headline metric on test rows, or validation rows when the split had no test rows. */
export function headlineOf(version: Pick<ModelVersionRecord, 'task' | 'metrics'>): Headline | undefined {
	const { metric } = suggestedThreshold(version.task);
	for (const split of ['test', 'validation'] as const) {
		const value = metricValue(version.metrics[split], metric);
		if (value !== null) return { metric, split, value };
	}
	return undefined;
}

export function headlineText(version: Pick<ModelVersionRecord, 'task' | 'metrics'>): string {
	const headline = headlineOf(version);
	return headline ? `${headline.split} ${headline.metric} ${formatMetric(headline.value)}` : 'no metric';
}

/** The aliases of `model` that point at `versionId`, champion first. */
export function aliasesOf(model: Pick<ModelRecord, 'aliases'>, versionId: string): string[] {
	return Object.entries(model.aliases)
		.filter(([, target]) => target === versionId)
		.map(([alias]) => alias)
		.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(alias: string): number {
	return alias === 'champion' ? 0 : alias === 'challenger' ? 1 : 2;
}
