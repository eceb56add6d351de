// The table profile: per-column statistics, duplicates, correlations and relations to a target.
export {
	profileTable,
	profileTableInParallel,
	type ColumnRunner,
	type CorrelationPart,
	type CorrelationRunner
} from './profile-table.ts';
export { OTHER_LABEL } from './group-codes.ts';
export type * from './types.ts';
