// Test helpers: typed access to a generator's columns.
import type { SyntheticData } from '../../../../../src/lib/core/prep/synthetic/index.ts';

export function numbers(data: SyntheticData, name: string): Float64Array {
	const column = data.columns[name];
	if (!(column instanceof Float64Array)) throw new Error(`${name} is not a number column`);
	return column;
}

export function labels(data: SyntheticData, name: string): string[] {
	const column = data.columns[name];
	if (!Array.isArray(column)) throw new Error(`${name} is not a label column`);
	return column;
}

export function countBy(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

export function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i]!;
	return sum / values.length;
}

export function std(values: ArrayLike<number>): number {
	const m = mean(values);
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
	return Math.sqrt(sum / values.length);
}
