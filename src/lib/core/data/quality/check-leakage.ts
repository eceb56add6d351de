// Features that predict the target almost perfectly on their own: usually recorded after the fact, or
// the target in another form, and gone when the model meets new data.
import { findingId, type QualityCheck } from './check.ts';
import { decimal } from './format.ts';
import { LEAKAGE_MAX_CHANCE_SHARE, LEAKAGE_STRENGTH } from './thresholds.ts';
import type { QualityFinding } from './types.ts';

const MEASURE_NAMES = { pearson: 'correlation', eta: 'correlation ratio η', 'cramers-v': "Cramér's V" };

export const checkLeakage: QualityCheck = ({ profile, target, idLike }) => {
	const relations = profile.targetRelations;
	if (!relations || !target || relations[0]?.target !== target) return [];
	const findings: QualityFinding[] = [];
	for (const relation of relations) {
		if (relation.strength === null || relation.strength < LEAKAGE_STRENGTH) continue;
		const feature = profile.columns.find((c) => c.name === relation.feature);
		if (!feature) continue;
		// η and V grow with the number of levels by chance alone; identifiers are reported as such.
		if (relation.measure !== 'pearson') {
			if (idLike.has(feature.name)) continue;
			if ((feature.unique - 1) / Math.max(1, relation.rows - 1) > LEAKAGE_MAX_CHANCE_SHARE) continue;
		}
		findings.push({
			id: findingId('leakage-suspect', [feature.name]),
			kind: 'leakage-suspect',
			severity: 'problem',
			columns: [feature.name],
			message: `${feature.name} alone almost determines ${target}: ${MEASURE_NAMES[relation.measure]} ${decimal(relation.value ?? 0, 3)} over ${relation.rows.toLocaleString('en')} rows.`,
			why: 'A feature this close to the target is often known only after the target is, so the model will fail on new data where it is missing.',
			fix: { op: 'drop', params: { columns: [feature.name] }, label: `Drop column ${feature.name}` }
		});
	}
	return findings;
};
