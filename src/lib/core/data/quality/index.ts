// The quality report: findings about a profiled table, each with the recipe step that fixes it.
export { qualityReport } from './quality-report.ts';
export * as QUALITY_THRESHOLDS from './thresholds.ts';
export type * from './types.ts';
