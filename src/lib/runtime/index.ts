// The edge bundle's runtime: no dependencies, compiled once into one ES module string (runtime-source.ts,
// built by build-runtime.js) that every exported model.js carries. Core imports it as TypeScript too, to
// measure a quantised variant's metrics with the very code the bundle runs.
export {
	createModel,
	fromBase64,
	type Prediction,
	type RawPredictions,
	type RuntimeModel
} from './predict.ts';
export { STEPS } from './steps.ts';
export type * from './plan.ts';
