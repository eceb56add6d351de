// The page's handle on the export worker (writing and measuring the edge bundle, reading imported models).
import type { ExportWorkerApi } from '../../../workers/export.worker.ts';
import { WorkerClient } from './worker-client.ts';

export type {
	BundleJob,
	ImageAnswer,
	ImageModelJob,
	MeasuredBundle,
	PickedFile
} from '../../../workers/export.worker.ts';

export function createExportClient(): WorkerClient<ExportWorkerApi> {
	return new WorkerClient<ExportWorkerApi>(
		() => new Worker(new URL('../../../workers/export.worker.ts', import.meta.url), { type: 'module' }),
		{ name: 'export worker', idleTimeoutMs: 60_000 }
	);
}

let shared: WorkerClient<ExportWorkerApi> | undefined;

/** The Export page's one export worker, started on first use (it stops itself when idle). */
export function exportClient(): WorkerClient<ExportWorkerApi> {
	return (shared ??= createExportClient());
}
