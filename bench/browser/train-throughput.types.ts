// What the Node side asks the training-throughput page for, and what the page's worker answers.
import type { BackendName } from '../../src/lib/core/backends/backend-names.ts';

export interface ThroughputPlan {
	backends: BackendName[];
	/** Hidden width of each MLP to time: input → hidden → hidden → 1. */
	hidden: number[];
	features: number;
	rows: number;
	batchSize: number;
	/** Warm-up: one epoch, or this long (at least minBatches / 2 batches), whichever ends first. */
	warmupMs: number;
	/** Timed: at least minMs and minBatches, but never past maxMs (two batches at the least). */
	minMs: number;
	/** The timed batches are cut into rounds this long; the best round is the figure, as the machine may be shared. */
	roundMs: number;
	minBatches: number;
	maxMs: number;
	/** maxMs (and the warm-up's cap) on a software adapter, whose figures only show that it works. */
	softwareMaxMs: number;
	/** Leave out backends on a software adapter (SwiftShader, llvmpipe): they only slow a quick run. */
	skipSoftware: boolean;
	/** TF.js WASM threads (setThreadsCount), used only when the page is cross-origin isolated. */
	wasmThreads?: number;
	/** Also time the fused WASM dense engine (src/lib/core/train/fused), one thread, each build it runs. */
	denseEngine?: boolean;
	/** Time the engine on this many threads instead (the threaded module; only on an isolated page). */
	denseThreads?: number;
	/** Rows of the one-epoch wall time on the engine (1,000,000 in a full run). */
	epochRows?: number;
}

export interface ModelThroughput {
	hidden: number;
	/** The best round's rate. */
	samplesPerSecond: number;
	/** All timed batches over all their time. */
	meanSamplesPerSecond: number;
	rounds: number;
	batches: number;
	ms: number;
	warmupBatches: number;
	firstLoss: number;
	lastLoss: number;
}

export interface BackendThroughput {
	/** A TF.js backend, or the studio's own fused dense engine. */
	name: BackendName | 'dense-engine';
	/** The engine's build (relaxed-simd or simd128). */
	build?: string;
	/** The engine's threads (1, or the threaded module's count). */
	threads?: number;
	/** One epoch over plan.epochRows rows per model, the engine's preferred build only. */
	epochs?: { hidden: number; rows: number; batches: number; seconds: number; lastLoss: number }[];
	available: boolean;
	software?: boolean;
	adapter?: string;
	reason?: string;
	skipped?: string;
	wasm?: {
		simd: boolean;
		multithread: boolean;
		threads: number;
		threadsRequested: number | null;
		hardwareConcurrency: number;
		crossOriginIsolated: boolean;
	};
	models: ModelThroughput[];
}

export type WorkerReply = { ok: true; results: BackendThroughput[] } | { ok: false; error: string };
