// What a split produces: three sorted lists of row indices and a record of how they were drawn, so the same
// split can be shown, stored with a model, and checked later by its hash.
import type { SplitMethod } from './split-spec.ts';

export const SPLIT_NAMES = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

export interface SplitCounts {
	train: number;
	validation: number;
	test: number;
}

export interface SplitRecord {
	method: SplitMethod;
	/** The fractions asked for; `counts` says what they came to. */
	train: number;
	validation: number;
	test: number;
	seed: number;
	column?: string;
	counts: SplitCounts;
	/** Rows in no split (a missing stratify or time value). */
	excludedRows: number;
	/** 16 hex digits identifying the three index lists (FNV-1a, 64-bit). */
	indicesHash: string;
	warnings: string[];
}

export interface TableSplit {
	/** Row indices into the input table, each list ascending. */
	train: Uint32Array;
	validation: Uint32Array;
	test: Uint32Array;
	record: SplitRecord;
}

/** Which split each row went to: an index into SPLIT_NAMES, or EXCLUDED. */
export type SplitAssignment = Uint8Array;
export const EXCLUDED = 255;

export interface Fold {
	/** Row indices, each list ascending. */
	train: Uint32Array;
	test: Uint32Array;
}
