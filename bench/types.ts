// What a benchmark is and what it reports.
import type { Browser } from 'playwright';

export interface Figure {
	value: number;
	unit: string;
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
