// The compute worker: TF.js and its backends are wired here, once. Thin: it only wires core to comlink.
import { expose } from 'comlink';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import { probeBackend, probeBackends } from '$lib/core/backends/probe-backends.ts';
import { installErrorTransfer } from '$lib/worker-protocol/error-transfer.ts';
import { tfLike } from './tfjs-setup.ts';

installErrorTransfer();

const api = {
	probeBackends: () => probeBackends(tfLike),
	probeBackend: (name: BackendName) => probeBackend(tfLike, name)
};

export type ComputeWorkerApi = typeof api;

expose(api);
