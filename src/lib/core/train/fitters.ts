// Which fitter trains each model family: the half of a family's engine (core/models/engine.ts) that needs
// the training loop, so it lives here in train, above models. Typed over every family, so a new family
// does not compile until it has a line here.
import type { ModelFamily, ModelSpec } from '../models/types.ts';
import { fitKMeansRun } from './fit-kmeans.ts';
import { fitNetworkRun } from './fit-network.ts';
import type { Fitter } from './fitter.ts';

const FITTERS: { [F in ModelFamily]: Fitter<Extract<ModelSpec, { family: F }>> } = {
	linear: fitNetworkRun,
	mlp: fitNetworkRun,
	cnn: fitNetworkRun,
	kmeans: fitKMeansRun
};

/** The fitter for a spec's family. */
export function fitterFor<S extends ModelSpec>(spec: S): Fitter<S> {
	return FITTERS[spec.family] as Fitter<S>;
}
