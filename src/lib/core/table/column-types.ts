// The column types Benchtop infers and stores. The CLI's `profile --json` prints exactly these names.

export const COLUMN_TYPES = ['integer', 'number', 'boolean', 'date', 'category', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnSchema {
	name: string;
	type: ColumnType;
}

export function isColumnType(value: unknown): value is ColumnType {
	return typeof value === 'string' && (COLUMN_TYPES as readonly string[]).includes(value);
}
