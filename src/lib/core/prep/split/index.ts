// Data splits and cross-validation folds: seeded, reproducible, recorded.
export {
	parseSplitSpec,
	splitSpecSchema,
	SPLIT_METHODS,
	type SplitMethod,
	type SplitSpec,
	type SplitSpecInput
} from './split-spec.ts';
export {
	SPLIT_NAMES,
	type Fold,
	type SplitCounts,
	type SplitName,
	type SplitRecord,
	type TableSplit
} from './types.ts';
export { splitCounts, type SplitFractions } from './split-counts.ts';
export { splitRows } from './split-rows.ts';
export { splitBalance, type BalanceRow, type SplitBalance } from './split-balance.ts';
export { kFold, type KFoldOptions } from './k-fold.ts';
export { stratifiedKFold, type StratifiedFolds } from './stratified-k-fold.ts';
export { hashIndices } from './indices-hash.ts';
export { allocateClasses } from './allocate-classes.ts';
