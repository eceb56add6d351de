// Which table columns a Parquet schema gives: one per flat top-level column, one per field of a struct
// (named "a.b", nested structs "a.b.c"); lists and maps cannot be one table column, so they are refused
// with the column's name and what it holds.
import type { SchemaTree } from 'hyparquet';
import { BenchtopError } from '../../errors.ts';
import type { ParquetValueKind } from './parquet-columns.ts';

export interface ParquetLeaf {
	/** The table column's name: the field names joined with dots. */
	name: string;
	/** The top-level Parquet column it is read from. */
	top: string;
	/** The field names below the top-level column (empty for a flat column). */
	path: string[];
	kind: ParquetValueKind;
}

/** What a flat Parquet column holds, from its physical, converted and logical types. */
export function leafKind(node: SchemaTree): ParquetValueKind {
	const { type, converted_type: converted, logical_type: logical } = node.element;
	if (logical?.type === 'DATE' || logical?.type === 'TIMESTAMP' || type === 'INT96') return 'date';
	if (converted === 'DATE' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS')
		return 'date';
	if (logical?.type === 'DECIMAL' || converted === 'DECIMAL' || logical?.type === 'FLOAT16') return 'number';
	if (logical?.type === 'JSON' || converted === 'JSON') return 'strings';
	switch (type) {
		case 'BOOLEAN':
			return 'boolean';
		case 'INT32':
		case 'INT64':
			return 'integer';
		case 'FLOAT':
		case 'DOUBLE':
			return 'number';
		default:
			return 'strings';
	}
}

/** A list or map, by its annotation or by a repeated field in it (the legacy forms). */
function nestedKind(node: SchemaTree): 'list' | 'map' | undefined {
	const { converted_type: converted, logical_type: logical, repetition_type: repetition } = node.element;
	if (converted === 'MAP' || converted === 'MAP_KEY_VALUE' || logical?.type === 'MAP') return 'map';
	if (converted === 'LIST' || logical?.type === 'LIST' || repetition === 'REPEATED') return 'list';
	return undefined;
}

/** "a list of numbers", "a map", "a struct with a list in “b”": for the refusal. */
function refusal(name: string, what: string): BenchtopError {
	return new BenchtopError(
		'bad-input',
		`The Parquet column “${name}” holds ${what}, which cannot be one table column. Benchtop reads flat columns and structs (as one column per field); save “${name}” flattened, or as text, and import the file again.`
	);
}

function describeList(node: SchemaTree): string {
	if (nestedKind(node) === 'map') return 'a map (key → value pairs per row)';
	// LIST → repeated group "list" → "element": name the element's type when it is flat.
	let element = node;
	while (element.children.length === 1) element = element.children[0]!;
	if (element.children.length > 0 || element === node) return 'a list per row';
	const kind = leafKind(element);
	const words = {
		integer: 'whole numbers',
		number: 'numbers',
		boolean: 'true/false values',
		date: 'dates',
		strings: 'strings'
	};
	return `a list of ${words[kind]} per row`;
}

/** The table columns of a Parquet schema, in file order; throws for lists and maps, naming them. */
export function parquetLeaves(top: SchemaTree[]): ParquetLeaf[] {
	const leaves: ParquetLeaf[] = [];
	const visit = (node: SchemaTree, topName: string, path: string[]) => {
		const name = [topName, ...path].join('.');
		if (nestedKind(node)) throw refusal(name, describeList(node));
		if (node.children.length === 0) {
			leaves.push({ name, top: topName, path, kind: leafKind(node) });
			return;
		}
		for (const child of node.children) visit(child, topName, [...path, child.element.name]);
	};
	for (const node of top) visit(node, node.element.name, []);
	return leaves;
}

/** A field's value in a struct row (null when the struct, or a struct on the way, is missing). */
export function fieldOf(row: unknown, path: string[]): unknown {
	let value = row;
	for (const field of path) {
		if (value === null || value === undefined || typeof value !== 'object') return null;
		value = (value as Record<string, unknown>)[field];
	}
	return value;
}
