// Where a finding starts and how serious it is, each with its reason. Checks read these, tests pin them.

/** Over 40% missing: imputing would invent most of the column, so dropping it is usually better. */
export const MISSING_PROBLEM_SHARE = 0.4;
/** Over 5% missing: imputation starts to shape what the model learns, so it deserves a look. */
export const MISSING_WARNING_SHARE = 0.05;

/** Duplicates over 5% of rows inflate validation scores when copies land on both sides of a split. */
export const DUPLICATE_WARNING_SHARE = 0.05;

/** Distinct values over 95% of present values: a key per row, not a property a model can generalise. */
export const ID_LIKE_UNIQUE_RATIO = 0.95;
/** Below this many values every column of a tiny table looks unique; the id check waits for more. */
export const ID_LIKE_MIN_VALUES = 20;

/** Over 50 levels: one-hot encoding gets wide and sparse, and rare levels are mostly noise. */
export const HIGH_CARDINALITY_LEVELS = 50;

/** Over 1% of values beyond 1.5 × IQR (a normal distribution has 0.7%): a heavy tail or bad values. */
export const OUTLIER_INFO_SHARE = 0.01;
/** Over 5% beyond the fences: squared-error losses and scaling will be dominated by the tail. */
export const OUTLIER_WARNING_SHARE = 0.05;

/** Smallest class under a fifth of the largest: accuracy rewards predicting the majority. */
export const IMBALANCE_WARNING_RATIO = 0.2;
/** Under one in twenty: the minority class may be all but ignored without class weights. */
export const IMBALANCE_PROBLEM_RATIO = 0.05;

/** Association with the target of 0.98 or more: the feature nearly is the answer, likely recorded after it. */
export const LEAKAGE_STRENGTH = 0.98;
/**
 * η and Cramér's V rise by chance with the number of levels (expected η² ≈ (levels − 1) / (rows − 1)),
 * so a categorical feature is judged for leakage only while that chance share stays under 5%.
 */
export const LEAKAGE_MAX_CHANCE_SHARE = 0.05;

/** Bounds for the clip fix, as quantiles: keeps 98% of values as they are. */
export const CLIP_LOWER = 0.01;
export const CLIP_UPPER = 0.99;
