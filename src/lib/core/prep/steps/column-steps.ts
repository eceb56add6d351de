// Steps that choose, filter, encode or derive columns and rows.
export const COLUMN_STEPS = [] as const;
