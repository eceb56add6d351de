// Which column types count as numbers, categories, dates or text, and which a step's field accepts.
import type { ColumnType } from './column-types.ts';

/** The kinds of column a step's field accepts. */
export type ColumnKinds = 'any' | 'numeric' | 'categorical' | 'date' | 'text';

export function isNumericType(type: ColumnType): boolean {
	return type === 'integer' || type === 'number';
}

export function isCategoricalType(type: ColumnType): boolean {
	return type === 'category' || type === 'boolean';
}

export function acceptsType(kinds: ColumnKinds, type: ColumnType): boolean {
	switch (kinds) {
		case 'any':
			return true;
		case 'numeric':
			return isNumericType(type);
		case 'categorical':
			return isCategoricalType(type) || type === 'text' || type === 'integer';
		case 'date':
			return type === 'date';
		case 'text':
			return type === 'text' || type === 'category';
	}
}
