// Which rows pass the compiled conditions. A missing value only ever matches “is missing”: it is neither
// equal nor unequal to anything, so “Sex != MALE” does not keep rows whose sex is unknown.
import type { ColumnTable } from 'arquero';
import { readLabels, readNumbers } from '../../../table/read-column.ts';
import type { CompiledCondition } from './compile.ts';

export function matchRows(
	table: ColumnTable,
	conditions: CompiledCondition[],
	match: 'all' | 'any'
): Int32Array {
	const rows = table.numRows();
	const keep = new Uint8Array(rows).fill(match === 'all' ? 1 : 0);
	for (const condition of conditions) {
		const hits = conditionHits(table, condition, rows);
		for (let i = 0; i < rows; i++) keep[i] = match === 'all' ? keep[i]! & hits[i]! : keep[i]! | hits[i]!;
	}
	const kept: number[] = [];
	for (let i = 0; i < rows; i++) if (keep[i]) kept.push(i);
	return Int32Array.from(kept);
}

function conditionHits(table: ColumnTable, condition: CompiledCondition, rows: number): Uint8Array {
	const hits = new Uint8Array(rows);
	const { operator } = condition;
	if (condition.compare === 'presence') {
		const raw = table.array(condition.column) as ArrayLike<unknown>;
		const wantMissing = operator === 'is-missing';
		for (let i = 0; i < rows; i++) hits[i] = isMissing(raw[i]) === wantMissing ? 1 : 0;
		return hits;
	}
	if (condition.compare === 'number') {
		const values = readNumbers(table, condition.column);
		const test = numberTest(condition);
		for (let i = 0; i < rows; i++) {
			const x = values[i]!;
			hits[i] = x === x && test(x) ? 1 : 0;
		}
		return hits;
	}
	const labels = readLabels(table, condition.column);
	const test = labelTest(condition);
	for (let i = 0; i < rows; i++) {
		const label = labels[i];
		hits[i] = label !== null && label !== undefined && test(label) ? 1 : 0;
	}
	return hits;
}

function isMissing(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

function numberTest({ operator, numbers }: CompiledCondition): (x: number) => boolean {
	const y = numbers[0]!;
	switch (operator) {
		case '=':
			return (x) => x === y;
		case '!=':
			return (x) => x !== y;
		case '<':
			return (x) => x < y;
		case '<=':
			return (x) => x <= y;
		case '>':
			return (x) => x > y;
		case '>=':
			return (x) => x >= y;
		case 'in': {
			const set = new Set(numbers);
			return (x) => set.has(x);
		}
		default:
			return () => false;
	}
}

function labelTest({ operator, labels }: CompiledCondition): (label: string) => boolean {
	const y = labels[0]!;
	switch (operator) {
		case '=':
			return (label) => label === y;
		case '!=':
			return (label) => label !== y;
		case 'in': {
			const set = new Set(labels);
			return (label) => set.has(label);
		}
		case 'contains':
			return (label) => label.toLowerCase().includes(y);
		default:
			return () => false;
	}
}
