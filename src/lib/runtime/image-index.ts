// The runtime with image graphs (graph-ops.ts) registered: what a bundle of an image-input model carries
// (compiled by build-runtime.js as IMAGE_RUNTIME_SOURCE), and what core and the CLI run for any model.
import { registerImageGraphs } from './graph-ops.ts';

registerImageGraphs();

export * from './index.ts';
