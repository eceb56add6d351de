// The Train page's state for one data set version: what to train (target, task, model family and spec,
// settings, backend), the queue of runs, the live progress of the one training now, and the runs kept.
// The recipe and split come from the Prepare page's draft when there is one.
import { untrack } from 'svelte';
import { BenchtopError, toBenchtopError } from '$lib/core/errors.ts';
import type { BackendName } from '$lib/core/backends/backend-names.ts';
import type { BackendReport } from '$lib/core/backends/probe-backends.ts';
import { defaultFamily, requireFamily } from '$lib/core/models/families.ts';
import type { DataShape } from '$lib/core/models/family-definition.ts';
import { imageShapeOf, inferTask } from '$lib/core/models/infer-task.ts';
import type { ModelFamily, ModelSpec, Task } from '$lib/core/models/types.ts';
import type { ModelInputs } from '$lib/core/train/model-inputs.ts';
import type { Recipe } from '$lib/core/prep/recipe/types.ts';
import type { DatasetRecord } from '$lib/core/registry/index.ts';
import { DEFAULT_TRAIN_SETTINGS } from '$lib/core/train/settings.ts';
import type { RunRecord } from '$lib/core/train/run-record.ts';
import type { TrainingRequest } from '$lib/core/train/run-training.ts';
import type { EpochRecord, TrainProgress, TrainSettings } from '$lib/core/train/types.ts';
import type { ResumeOrigin, TrainCheckpoint } from '$lib/core/train/train-checkpoint.ts';
import { progressCallback } from '$lib/worker-protocol/progress.ts';
import { takeTrainClient } from '$lib/worker-client/train-warmup.ts';
import type { TrainEvent } from '../../../workers/train.worker.ts';
import type { DataRef } from './data-ref.ts';
import type { Studio } from './studio.svelte.ts';
import { loadExperimentDraft, retargetDraft } from './experiment-draft.ts';
import type { PreparationDraft } from '$lib/core/prep/preparation.ts';
import { BoundaryWatch } from './boundary-watch.svelte.ts';

export interface QueuedRun {
	id: number;
	label: string;
	request: TrainingRequest;
	backend: BackendName | 'auto';
	/** Set when this run goes on from where a failed try got to. */
	resume?: ResumeOrigin;
}

/** A run that failed part-way (lost GPU device, crashed worker) and can go on from its last checkpoint. */
export interface Recoverable {
	job: QueuedRun;
	checkpoint: TrainCheckpoint;
	/** The backend it was on when it failed. */
	backend: string;
	epochs: number;
}

/** Failures that are the machine's fault, not the run's: the same run can go on elsewhere. */
const RECOVERABLE_CODES = new Set(['backend-unavailable', 'worker-crashed']);

/** Distinct values counted for the task guess; more than this is "many" either way. */
const DISTINCT_CAP = 1000;

/** What the session asks its workers for; a test hands in fakes it answers when it likes. */
export interface TrainSessionDeps {
	/** The features, outputs and task a run of this request would have (the data worker, normally). */
	readInputs?: (request: TrainingRequest) => Promise<ModelInputs>;
	/** The experiment draft for another target, saved (the data worker and the registry, normally). */
	retarget?: (draft: PreparationDraft, target: string | null) => Promise<PreparationDraft>;
}

export class TrainSession {
	target = $state<string | null>(null);
	task = $state<Task | 'auto'>('auto');
	family = $state<ModelFamily | 'auto'>('auto');
	/** The spec being edited; null until the person opens the architecture (the family default is used). */
	spec = $state.raw<ModelSpec | null>(null);
	settings = $state.raw<TrainSettings>(DEFAULT_TRAIN_SETTINGS);
	k = $state(3);
	backend = $state<BackendName | 'auto'>('auto');
	backends = $state.raw<BackendReport[]>([]);
	/** The experiment draft Prepare shows (target, split, recipe): what every run of this page uses. */
	draft = $state.raw<PreparationDraft | undefined>(undefined);
	/** The draft's recipe and split, as runs are sent them; null / undefined until the draft is loaded. */
	recipe = $state.raw<Recipe | null>(null);
	split = $state.raw<unknown>(undefined);

	queue = $state.raw<QueuedRun[]>([]);
	running = $state.raw<QueuedRun | undefined>(undefined);
	progress = $state.raw<TrainProgress | undefined>(undefined);
	history = $state.raw<EpochRecord[]>([]);
	paused = $state(false);
	runBackend = $state<string | undefined>(undefined);
	runs = $state.raw<RunRecord[]>([]);
	error = $state<BenchtopError | undefined>(undefined);
	/** Where a failed run can go on from; cleared when it does, or when another run starts afresh. */
	recoverable = $state.raw<Recoverable | undefined>(undefined);
	/** The live decision boundary, when the model's inputs are two numeric columns. */
	readonly boundary = new BoundaryWatch();
	/** The last run, just finished: what to show first. */
	lastRunId = $state<string | undefined>(undefined);

	/** What a model of the current target, task, recipe and split would see; undefined while it is read. */
	inputs = $state.raw<ModelInputs | undefined>(undefined);
	inputsError = $state<string | undefined>(undefined);

	// The worker the Data or Prepare page started while idle, when there is one (train-warmup.ts).
	private client = takeTrainClient();
	private nextId = 1;
	/** Counts the requests for `inputs`: only the newest one's answer may land (issue 13's race). */
	private inputsGeneration = 0;
	/** The same for the draft a target change asks for. */
	private draftGeneration = 0;
	private readonly readInputs: (request: TrainingRequest) => Promise<ModelInputs>;
	private readonly retarget: (draft: PreparationDraft, target: string | null) => Promise<PreparationDraft>;

	constructor(
		private readonly studio: Studio,
		readonly record: DatasetRecord,
		readonly data: DataRef,
		deps: TrainSessionDeps = {}
	) {
		this.readInputs =
			deps.readInputs ??
			((request) =>
				studio.data.run((api) => api.modelInputs({ data, schema: $state.snapshot(record.schema), request })));
		this.retarget = deps.retarget ?? ((draft, target) => retargetDraft(studio, record, data, draft, target));
	}

	/** Only what changes the model's inputs: the target, the task, the recipe and split (not the spec). */
	private inputsRequest(): TrainingRequest {
		return {
			targets: this.targets,
			task: this.task,
			...(this.recipe ? { recipe: $state.snapshot(this.recipe) } : {}),
			...(this.split !== undefined ? { split: $state.snapshot(this.split) } : {})
		};
	}

	/**
	 * Reads `inputs` (and the detected task) for the current choices. Each call supersedes the ones before:
	 * an answer that arrives after a newer request was made is dropped, so a slow answer for an earlier
	 * target can never overwrite the current one's.
	 */
	async refreshInputs(): Promise<void> {
		const generation = ++this.inputsGeneration;
		const request = this.inputsRequest();
		this.inputsError = undefined;
		try {
			const result = await this.readInputs(request);
			if (generation !== this.inputsGeneration) return;
			this.inputs = result;
			this.detectedTask = result.task;
		} catch (error) {
			if (generation !== this.inputsGeneration) return;
			this.inputs = undefined;
			this.inputsError = toBenchtopError(error).message;
		}
	}

	/** Keeps `inputs` in step with the choices it depends on; returns the function that stops it. */
	watchInputs(): () => void {
		return $effect.root(() => {
			$effect(() => {
				// Read synchronously here so the effect re-runs when any of them changes.
				void this.inputsRequest();
				void untrack(() => this.refreshInputs());
			});
		});
	}

	async load(): Promise<void> {
		await this.studio.init();
		this.useDraft(await loadExperimentDraft(this.studio, this.record, this.data));
		await this.refreshRuns();
		void this.loadBackends();
	}

	private useDraft(draft: PreparationDraft): void {
		this.draft = draft;
		this.target = draft.target;
		this.recipe = draft.recipe;
		this.split = draft.split;
	}

	/**
	 * Another target (null: clustering, chosen on purpose). The experiment draft follows — the split's
	 * stratify column, the default recipe rebuilt if untouched — and is saved, so Prepare shows the same.
	 * Only the newest choice's draft lands when the person changes the target again before it is ready.
	 */
	async chooseTarget(target: string | null): Promise<void> {
		const generation = ++this.draftGeneration;
		const current = this.draft;
		this.target = target;
		this.task = 'auto';
		this.spec = null;
		if (!current) return;
		try {
			const next = await this.retarget(current, target);
			if (generation === this.draftGeneration) this.useDraft(next);
		} catch (error) {
			if (generation === this.draftGeneration)
				this.error = toBenchtopError(error, 'Could not update the experiment for this target.');
		}
	}

	private async loadBackends() {
		try {
			this.backends = await this.client.run((api) => api.backends());
		} catch {
			// The picker then offers "automatic" only; training itself reports a real failure.
		}
	}

	async refreshRuns(): Promise<void> {
		this.runs = (await this.studio.registry?.listRuns(this.record.id)) ?? [];
	}

	get targets(): string[] {
		return this.target ? [this.target] : [];
	}

	/** The task the target calls for, with the reason (for the "automatic" choice). */
	get inferred(): { task: Task | null; reason: string } {
		return inferTask(
			this.targets.map((name) => ({
				name,
				type: this.record.schema.find((c) => c.name === name)?.type ?? 'text',
				// Without the data at hand the page cannot count classes; the worker decides for real.
				distinct: this.record.schema.find((c) => c.name === name)?.type === 'integer' ? DISTINCT_CAP : 2
			}))
		);
	}

	/** The task the data worker read off the target's values (class counts included), once it answered. */
	detectedTask = $state<Task | null>(null);

	get resolvedTask(): Task | null {
		return this.task === 'auto' ? (this.detectedTask ?? this.inferred.task) : this.task;
	}

	get dataShape(): DataShape {
		const features = this.record.schema.filter((c) => c.name !== this.target).map((c) => c.name);
		return {
			featureCount: features.length,
			imageShape: imageShapeOf(features),
			rowCount: this.record.rows,
			suggestedK: this.k
		};
	}

	get resolvedFamily(): ModelFamily | null {
		const task = this.resolvedTask;
		if (!task) return null;
		return this.family === 'auto' ? defaultFamily(task, this.dataShape) : this.family;
	}

	/** The spec a run would use: the edited one, or the family's default for this task. */
	get effectiveSpec(): ModelSpec | null {
		if (this.spec) return this.spec;
		const task = this.resolvedTask;
		const family = this.resolvedFamily;
		if (!task || !family) return null;
		try {
			const spec = requireFamily(family).defaultSpec(task, this.dataShape);
			return spec.family === 'kmeans' ? { ...spec, k: this.k } : spec;
		} catch {
			return null;
		}
	}

	request(): TrainingRequest {
		const spec = this.spec ?? undefined;
		return {
			targets: this.targets,
			task: this.task,
			family: this.family,
			...(spec ? { spec: $state.snapshot(spec) } : {}),
			// Always the draft's recipe and split (an empty recipe is a choice too): what Prepare shows.
			...(this.recipe ? { recipe: $state.snapshot(this.recipe) } : {}),
			...(this.split !== undefined ? { split: $state.snapshot(this.split) } : {}),
			settings: $state.snapshot(this.settings),
			k: this.k
		};
	}

	/** Queues a run of the current settings; starts it when nothing is training. */
	enqueue(): void {
		this.recoverable = undefined;
		const family = this.resolvedFamily ?? 'model';
		const label = `${family} · ${this.targets.join(', ') || 'clusters'} · ${this.settings.epochs} epochs`;
		this.queue = [
			...this.queue,
			{ id: this.nextId++, label, request: this.request(), backend: this.backend }
		];
		if (!this.running) void this.drain();
	}

	removeQueued(id: number): void {
		this.queue = this.queue.filter((q) => q.id !== id);
	}

	private async drain(): Promise<void> {
		while (this.queue.length > 0) {
			const [next, ...rest] = this.queue;
			this.queue = rest;
			await this.execute(next!);
		}
	}

	/** Queues the failed run again, going on from its last checkpoint on `backend`. */
	continueRun(backend: BackendName | 'auto'): void {
		const failed = this.recoverable;
		if (!failed) return;
		const from = failed.checkpoint.epoch;
		const reason = this.error?.message ?? `The run stopped on ${failed.backend} after epoch ${from}.`;
		this.recoverable = undefined;
		this.error = undefined;
		const job: QueuedRun = {
			...failed.job,
			id: this.nextId++,
			label: `${failed.job.label} (from epoch ${from})`,
			backend,
			resume: {
				checkpoint: failed.checkpoint,
				previousBackend: failed.backend,
				reason
			}
		};
		this.queue = [job, ...this.queue];
		if (!this.running) void this.drain();
	}

	private async execute(job: QueuedRun): Promise<void> {
		this.running = job;
		this.progress = undefined;
		this.history = job.resume ? job.resume.checkpoint.history : [];
		this.paused = false;
		this.runBackend = undefined;
		this.error = undefined;
		this.boundary.reset();
		const boundary = this.boundary.request(this.record.schema, this.inputs?.features, this.resolvedTask);
		let checkpoint: TrainCheckpoint | undefined = job.resume?.checkpoint;
		let backendName: string = job.backend;
		try {
			await this.studio.init();
			const registry = this.studio.registry;
			if (!registry) throw new BenchtopError('storage-unavailable', 'Storage is still opening; try again.');
			const outcome = await this.client.run((api) =>
				api.train(
					{
						dataset: $state.snapshot(this.record),
						data: this.data,
						request: job.request,
						backend: job.backend,
						...(job.resume ? { resume: job.resume } : {}),
						...(boundary ? { boundary } : {})
					},
					progressCallback((event: TrainEvent) => {
						if (event.kind === 'progress') this.progress = event.progress;
						else if (event.kind === 'epochs') this.history = [...this.history, ...event.epochs];
						else if (event.kind === 'backend') {
							backendName = event.name;
							this.runBackend = event.reason;
						} else if (event.kind === 'checkpoint') checkpoint = event.checkpoint;
						else this.boundary.take(event);
					})
				)
			);
			const saved =
				outcome.saved ??
				(outcome.unsaved ? await registry.saveRun(outcome.unsaved.run, outcome.unsaved.artifact) : undefined);
			this.lastRunId = saved?.id;
			await this.refreshRuns();
			// Where the worker's time went, on the page's timeline for the first-model bench.
			performance.mark('benchtop:train', {
				detail: { ...outcome.timings, listedAt: performance.timeOrigin + performance.now() }
			});
		} catch (error) {
			this.error = toBenchtopError(error, 'Training failed.');
			const settings = job.request.settings as Partial<TrainSettings> | undefined;
			this.recoverable =
				checkpoint && RECOVERABLE_CODES.has(this.error.code)
					? { job, checkpoint, backend: backendName, epochs: settings?.epochs ?? checkpoint.epoch }
					: undefined;
		} finally {
			this.running = undefined;
			this.progress = undefined;
			this.paused = false;
		}
	}

	pause(): void {
		this.paused = true;
		void this.client.run((api) => api.pause());
	}

	resume(): void {
		this.paused = false;
		void this.client.run((api) => api.resume());
	}

	stop(): void {
		this.queue = [];
		void this.client.run((api) => api.stop());
	}

	async deleteRun(id: string): Promise<void> {
		try {
			await this.studio.registry?.deleteRun(id);
			await this.refreshRuns();
		} catch (error) {
			this.error = toBenchtopError(error, 'Could not delete the run.');
		}
	}

	/** Leaving the page mid-run lets the run finish in its worker, which stores it (IndexedDB mode). */
	dispose(): void {
		if (!this.running) this.client.terminate();
	}
}
