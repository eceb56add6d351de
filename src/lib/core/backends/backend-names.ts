// The TF.js backends Benchtop knows, fastest first: the automatic choice walks this order.
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
