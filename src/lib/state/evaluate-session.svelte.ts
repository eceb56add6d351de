// The Evaluate page's state for one data set version: its runs (newest first), the run being looked at
// and its evaluation, computed in the evaluate worker. With IndexedDB the worker reads the run, weights
// and rows itself; in memory mode the page hands them over.
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import type { RunEvaluation } from '$lib/core/evaluate/run-evaluation.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';
import { createEvaluateClient } from '$lib/worker-client/evaluate-client.ts';
import { runRefOf, type DataRef, type RunRef } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';

export class EvaluateSession {
	runs = $state.raw<RunRecord[]>([]);
	runId = $state<string | undefined>(undefined);
	evaluation = $state.raw<RunEvaluation | undefined>(undefined);
	evaluating = $state(false);
	error = $state<BenchtopError | undefined>(undefined);

	readonly client = createEvaluateClient();
	/** Only the latest request may land: picking another run mid-evaluation discards the first answer. */
	private generation = 0;

	constructor(
		private readonly studio: Studio,
		readonly record: DatasetRecord,
		readonly data: DataRef
	) {}

	get run(): RunRecord | undefined {
		return this.runs.find((r) => r.id === this.runId);
	}

	async loadRuns(): Promise<void> {
		await this.studio.init();
		const runs = (await this.studio.registry?.listRuns(this.record.id)) ?? [];
		this.runs = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}

	/** Shows a run (the newest when the id is missing or unknown) and evaluates it. */
	async select(runId: string | undefined): Promise<void> {
		const run = this.runs.find((r) => r.id === runId) ?? this.runs[0];
		if (!run) return;
		if (run.id === this.runId && (this.evaluation || this.evaluating)) return;
		this.runId = run.id;
		await this.evaluate(run);
	}

	async retry(): Promise<void> {
		const run = this.run;
		if (run) await this.evaluate(run);
	}

	/** What the worker needs to know the run: its id with IndexedDB, the run itself and its weights in memory. */
	async runJob(run: RunRecord): Promise<RunRef> {
		const registry = this.studio.registry;
		if (!registry) throw new BenchtopError('storage-unavailable', 'Storage is still opening; try again.');
		return runRefOf(registry, $state.snapshot(run) as RunRecord);
	}

	private async evaluate(run: RunRecord): Promise<void> {
		const generation = ++this.generation;
		this.evaluation = undefined;
		this.error = undefined;
		this.evaluating = true;
		try {
			const job = await this.runJob(run);
			const dataset = $state.snapshot(this.record) as DatasetRecord;
			const result = await this.client.run((api) => api.evaluateRun({ dataset, data: this.data, ...job }));
			if (generation === this.generation) this.evaluation = result;
		} catch (error) {
			if (generation === this.generation) this.error = toBenchtopError(error, 'Could not evaluate this run.');
		} finally {
			if (generation === this.generation) this.evaluating = false;
		}
	}

	dispose(): void {
		this.generation++;
		this.client.terminate();
	}
}
