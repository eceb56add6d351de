// `benchtop export <model-dir-or-zip> --bundle <dir> [--quantize none|float16|int8] [--single-file]
// [--data <file>] [--zip <file>]`: the model as an edge bundle (core/export/write-bundle.ts: model.js,
// model.bin, handler.js, serve.js, Dockerfile, index.html, README.md…) and/or as a TF.js zip. Prints each
// file's size and every quantisation's weight size; with --data (the file the model was trained on) the
// test split is drawn again from the run record and each quantisation's test metrics and their change
// are measured with the bundle's runtime.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { importTable } from '../lib/core/data/import/index.ts';
import { BenchtopError } from '../lib/core/errors.ts';
import { recreateSplit } from '../lib/core/evaluate/evaluate-split.ts';
import { tfjsModelZip } from '../lib/core/export/tfjs-zip-export.ts';
import { writeInferenceBundle, type VariantReport } from '../lib/core/export/write-bundle.ts';
import type { SplitRecord } from '../lib/core/prep/split/index.ts';
import { takeRows } from '../lib/core/table/take-rows.ts';
import type { RunRecord } from '../lib/core/train/run-record.ts';
import { BENCHTOP_VERSION } from '../lib/core/version.ts';
import type { CommandRunner } from './commands.ts';
import { parseExportOptions } from './export-options.ts';
import { readDataFile, readModel, type ReadModel } from './read-model.ts';

const bytes = (n: number) =>
	n < 1024
		? `${n} B`
		: n < 1024 * 1024
			? `${(n / 1024).toFixed(1)} KB`
			: `${(n / 1024 / 1024).toFixed(2)} MB`;

/** The test split's rows as plain objects (the values the file holds), drawn again from the run record. */
async function testRows(model: ReadModel, file: string): Promise<Record<string, unknown>[]> {
	const input = await importTable(readDataFile(file), { fileName: basename(file) });
	const record = model.run.split as SplitRecord | undefined;
	if (!record)
		throw new BenchtopError(
			'bad-input',
			`${model.bundle.spec.family} model has no split record to draw its test rows from`
		);
	const split = recreateSplit(input, record);
	return takeRows(input, split.test).table.objects() as Record<string, unknown>[];
}

function variantLines(variants: VariantReport[], measured: boolean): string[] {
	const names = Object.keys(variants[0]?.metrics ?? {});
	const lines = ['quantize  weights     ' + names.map((n) => `${n.padEnd(12)} change      `).join('')];
	for (const v of variants) {
		const cells = names.map((n) => {
			const value = v.metrics![n]!;
			const change = v.change![n]!;
			return `${value.toPrecision(4).padEnd(12)} ${(change >= 0 ? '+' : '') + change.toPrecision(3)}`.padEnd(
				25
			);
		});
		lines.push(`${v.quantize.padEnd(10)}${bytes(v.weightBytes).padEnd(12)}${cells.join('')}`.trimEnd());
	}
	if (measured) lines.push(`  (measured with the bundle's runtime on ${variants[0]!.rows} test rows)`);
	else lines.push("  give --data <the file the model was trained on> to measure each variant's test metrics");
	return lines;
}

export const exportCommand: CommandRunner = {
	async run(args, io) {
		const options = parseExportOptions(args);
		const model = await readModel(options.model);
		if (options.zip !== undefined) {
			// The run record as benchtop.json holds it, with the parts the reader moved into the bundle.
			const { task, targets, classes, features, spec, fitted, artifact } = model.bundle;
			const run = { createdAt: Date.now(), ...model.run, task, targets, classes, features, spec, fitted };
			const zip = await tfjsModelZip(run as unknown as RunRecord, artifact, {
				generatedBy: `Benchtop ${BENCHTOP_VERSION}`
			});
			writeFileSync(resolve(options.zip), zip);
			io.out(`wrote ${resolve(options.zip)} (TF.js Layers model + benchtop.json, ${bytes(zip.byteLength)})`);
		}
		if (options.bundle === undefined) return 0;
		const rows = options.data === undefined ? undefined : await testRows(model, options.data);
		const written = await writeInferenceBundle(model.bundle, {
			quantize: options.quantize,
			singleFile: options.singleFile,
			name: `${String(model.run.name ?? basename(resolve(options.model)))}`,
			generatedBy: `Benchtop ${BENCHTOP_VERSION}`,
			...(rows ? { testRows: rows } : {})
		});
		const folder = resolve(options.bundle);
		mkdirSync(folder, { recursive: true });
		for (const file of written.files) writeFileSync(join(folder, file.name), file.bytes);
		io.out(
			`wrote ${folder}: ${written.files.length} files, ${bytes(written.sizes.total)} (${options.quantize === 'none' ? 'float32' : options.quantize} weights${options.singleFile ? ', inlined in model.js' : ''})`
		);
		io.out(`  ${written.files.map((f) => `${f.name} ${bytes(f.bytes.byteLength)}`).join(', ')}`);
		io.out(
			`  runtime ${bytes(written.sizes.runtimeGzip)} gzipped, no dependencies; try: node ${join(folder, 'serve.js')} --port 8080`
		);
		for (const line of variantLines(written.variants, rows !== undefined)) io.out(line);
		return 0;
	}
};
