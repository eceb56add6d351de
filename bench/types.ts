// What a benchmark is and what it reports.
import type { Browser } from 'playwright';

export interface Figure {
	/** Raw, unrounded: the table rounds for reading, the JSON keeps this. */
	value: number;
	unit: string;
	/** What a reader needs to compare the figure honestly (what is included, on what input). */
	note?: string;
}

export interface BenchContext {
	quick: boolean;
	repoRoot: string;
	/** One Chromium for the whole run, launched on first use. */
	browser(): Promise<Browser>;
}

export interface Benchmark {
	name: string;
	description: string;
	run(context: BenchContext): Promise<Record<string, Figure>>;
}
