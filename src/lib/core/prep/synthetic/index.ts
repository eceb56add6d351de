// Seeded synthetic data sets in the manner of scikit-learn's make_* functions: the generator table with
// its UI metadata, and the step that turns a generator's output into a data set.
export { findSyntheticGenerator, SYNTHETIC_GENERATORS } from './generators.ts';
export { generateSyntheticTable, syntheticDatasetName } from './generate-table.ts';
export type { SyntheticTable } from './generate-table.ts';
export { defaultParams, MAX_CELLS, MAX_ROWS } from './params.ts';
export type * from './types.ts';
