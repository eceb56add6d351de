// A training profile read back from a file (benchtop.json, a backup): checked field by field, so a
// damaged or hand-edited profile is refused with the field named rather than skewing a drift report.
import * as v from 'valibot';
import { TRAINING_PROFILE_VERSION, type FeatureProfile, type TrainingProfile } from './training-profile.ts';

const count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative')
);
const finite = v.pipe(v.number('must be numbers'), v.finite('must be finite numbers'));

const base = { name: v.string('must be text'), rows: count, missing: count };

const FEATURE = v.variant(
	'kind',
	[
		v.object({
			...base,
			kind: v.literal('number'),
			edges: v.array(finite, 'must be a list of numbers'),
			counts: v.array(count, 'must be a list of counts'),
			sample: v.array(finite, 'must be a list of numbers')
		}),
		v.object({
			...base,
			kind: v.literal('category'),
			counts: v.record(v.string(), count, 'must map categories to counts'),
			other: count
		})
	],
	'must have kind "number" or "category"'
);

const PROFILE = v.object({
	version: v.literal(TRAINING_PROFILE_VERSION, `must be ${TRAINING_PROFILE_VERSION}`),
	rows: count,
	features: v.array(FEATURE, 'must be a list of column profiles'),
	predictions: v.optional(FEATURE)
});

function checkBins(feature: FeatureProfile, where: string): void {
	if (feature.kind !== 'number') return;
	if (feature.counts.length !== feature.edges.length + 1)
		throw new Error(
			`${where}: ${feature.counts.length} counts for ${feature.edges.length} edges; expected one more count than edges`
		);
	for (let i = 1; i < feature.edges.length; i++)
		if (!(feature.edges[i]! > feature.edges[i - 1]!)) throw new Error(`${where}: the edges must rise`);
}

/** Checks a parsed profile; throws a message naming the field and what was expected. */
export function parseTrainingProfile(json: unknown): TrainingProfile {
	const version = (json as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version > TRAINING_PROFILE_VERSION)
		throw new Error(
			`training profile version ${version}; this benchtop reads version ${TRAINING_PROFILE_VERSION}: update benchtop to read it`
		);
	const result = v.safeParse(PROFILE, json);
	if (!result.success) {
		const issue = result.issues[0];
		const path = (issue.path ?? [])
			.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
			.join('');
		throw new Error(`training profile${path} ${issue.message}`);
	}
	const profile = result.output as TrainingProfile;
	profile.features.forEach((f, i) => checkBins(f, `training profile.features[${i}]`));
	if (profile.predictions) checkBins(profile.predictions, 'training profile.predictions');
	return profile;
}
