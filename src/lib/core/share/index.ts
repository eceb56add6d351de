// The share link: an experiment (and, when it fits, its trained model) in a URL fragment, and back.
export { SHARE_LIMITS, WEIGHTS_LINK_BUDGET } from './limits.ts';
export { SHARE_FORMAT } from './payload.ts';
export type {
	InlineColumn,
	InlineValue,
	ShareData,
	ShareMetrics,
	ShareModel,
	SharePayload,
	ShareWeights
} from './payload.ts';
export {
	SHARE_PARAM,
	decodeShareLink,
	encodeShareFragment,
	fragmentParam,
	shareParam,
	shareUrl
} from './codec.ts';
export type { ShareDecodeResult } from './codec.ts';
export type { ShareRefusalReason } from './refusal.ts';
export { validateSharePayload } from './validate-payload.ts';
export { shareData, sharePayloadFromRun } from './from-run.ts';
export type { ShareOptions, ShareableArtifact } from './from-run.ts';
export { artifactFromShare, draftFromShare, requestFromShare, runFromShare } from './to-run.ts';
export { inlineColumnTypes, inlineColumnsToCsv } from './inline-data.ts';
export { describeSharePayload } from './describe.ts';
export type { ShareSummary } from './describe.ts';
