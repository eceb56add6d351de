// What a report is written from: the data set version, the run, its evaluation and the optional extras
// (a profile for missing values and quality findings, charts already drawn as SVG, permutation importance).
import type { TableProfile } from '../data/profile/index.ts';
import type { QualityFinding } from '../data/quality/index.ts';
import type { RunEvaluation } from '../evaluate/run-evaluation.ts';
import type { DatasetRecord } from '../registry/schema.ts';
import type { RunRecord } from '../train/run-record.ts';

/** The parts of a data set version the report prints. */
export type ReportDataset = Pick<DatasetRecord, 'id' | 'name' | 'rows' | 'columns' | 'schema' | 'hash'> &
	Partial<Pick<DatasetRecord, 'createdAt'>>;

export interface ReportChart {
	title: string;
	/** A standalone SVG document, as renderChartSvg gives it. */
	svg: string;
}

/** Permutation importance as the analysis worker gives it (PermutationImportance fits this shape). */
export interface ReportImportance {
	metric: string;
	baseline?: number;
	repeats?: number;
	seed?: number;
	columns: { column: string; mean: number; std: number }[];
}

export interface ReportInput {
	dataset: ReportDataset;
	run: RunRecord;
	/** Metrics with their baseline; without it the report prints the run's stored metrics. */
	evaluation?: RunEvaluation;
	/** For each column's missing and distinct values, and for the quality findings when `quality` is absent. */
	profile?: TableProfile;
	quality?: QualityFinding[];
	charts?: ReportChart[];
	importance?: ReportImportance;
	/** ISO 8601; now when left out. */
	generatedAt?: string;
}
