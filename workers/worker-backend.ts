// The TF.js backend a worker computes on: the backends are probed once per worker, and each call picks
// the fastest real one that can do the work (or the one the person asked for), shared by every worker.
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import { chooseTrainingBackend } from '$lib/core/backends/choose-training-backend.ts';
import { probeBackend, probeBackends, type BackendReport } from '$lib/core/backends/probe-backends.ts';
import { BenchtopError } from '$lib/core/errors.ts';
import { backendPathsFrom, type BackendPath } from '$lib/core/train/fused/path-choice.ts';
import { tf, tfLike } from './tfjs-setup.ts';

let reports: Promise<BackendReport[]> | undefined;

/** What each backend can do here (probed once per worker; software GPU adapters only when asked for). */
export function backendReports(): Promise<BackendReport[]> {
	reports ??= probeBackends(tfLike, { deferSoftware: true });
	return reports;
}

/** The list with `name` fully probed, when it was only known from its adapter (a software GPU). */
async function probedFor(name: BackendName | 'auto'): Promise<BackendReport[]> {
	const list = await backendReports();
	if (name === 'auto' || !list.find((r) => r.name === name)?.untested) return list;
	const report = await probeBackend(tfLike, name);
	reports = Promise.resolve(list.map((r) => (r.name === name ? report : r)));
	return reports;
}

/** Takes a backend off this worker's list, e.g. after its GPU device was lost. */
export function markBackendUnavailable(name: BackendName, reason: string): void {
	reports = backendReports().then((list) =>
		list.map((r) => (r.name === name ? { ...r, available: false, reason } : r))
	);
}

/** Switches TF.js to the chosen backend and says which it is and why. */
export async function useBackend(requested: BackendName | 'auto', options: { convolutions: boolean }) {
	const choice = chooseTrainingBackend(await probedFor(requested), requested, options);
	if (choice.name === null) throw new BenchtopError('backend-unavailable', choice.reason);
	if (tf.getBackend() !== choice.name) await tf.setBackend(choice.name);
	await tf.ready();
	return choice;
}

/** The backends the engine chooser may time TF.js on beside the run's own: all this worker found, when the
 * backend was left to the studio; none when the person picked one (their pick is the only TF.js path). */
export async function chooserBackends(requested: BackendName | 'auto'): Promise<BackendPath[] | undefined> {
	return requested === 'auto' ? backendPathsFrom(await backendReports()) : undefined;
}
