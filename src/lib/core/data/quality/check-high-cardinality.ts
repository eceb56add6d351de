// Category columns with many levels (identifiers are reported by the id check instead).
import { findingId, type QualityCheck } from './check.ts';
import { count } from './format.ts';
import { HIGH_CARDINALITY_LEVELS } from './thresholds.ts';

/** Levels the suggested encoding keeps; the rest share one "other" level. */
const KEEP_LEVELS = 20;

export const checkHighCardinality: QualityCheck = ({ profile, target, idLike }) =>
	profile.columns
		.filter(
			(c) =>
				c.type === 'category' &&
				c.unique > HIGH_CARDINALITY_LEVELS &&
				c.name !== target &&
				!idLike.has(c.name)
		)
		.map((column) => ({
			id: findingId('high-cardinality', [column.name]),
			kind: 'high-cardinality' as const,
			severity: 'warning' as const,
			columns: [column.name],
			message: `${column.name} has ${column.uniqueApprox ? 'about ' : ''}${count(column.unique)} different categories (more than ${HIGH_CARDINALITY_LEVELS}).`,
			why: 'Each category becomes its own input; rare ones have too few rows to learn from and make the model wide and noisy.',
			fix: {
				op: 'encode',
				params: { columns: [column.name], method: 'one-hot', maxLevels: KEEP_LEVELS },
				label: `One-hot encode ${column.name}, keeping the ${KEEP_LEVELS} most frequent categories`
			}
		}));
