// The bundle's other doors and files: serve.js over HTTP on 127.0.0.1 (answers equal model.js's, health,
// metadata, JSON errors, the body cap), the single-file variant without model.bin, a damaged model.bin
// refused by name, per-row errors, typings and the demo page's escaping, and the quantised variants'
// measured metrics.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runtimePlan } from '../../../src/lib/core/export/runtime-plan.ts';
import { writeInferenceBundle } from '../../../src/lib/core/export/write-bundle.ts';
import { createModel } from '../../../src/lib/runtime/predict.ts';
import {
	bundleFolder,
	CASES,
	nodeJson,
	startServer,
	trainCase,
	type TrainedCase
} from './bundle-fixtures.ts';

let iris: TrainedCase;
beforeAll(async () => {
	iris = await trainCase(CASES.find((c) => c.name === 'iris-mlp')!);
}, 120_000);

const PREDICT = `import { readFileSync } from 'node:fs';
import { predict } from './model.js';
try { console.log(JSON.stringify(await predict(JSON.parse(readFileSync('./rows.json', 'utf8'))))); }
catch (error) { console.log(JSON.stringify({ thrown: error.message })); }`;

describe('serve.js', () => {
	it(
		'serves predictions, health and metadata on 127.0.0.1, with JSON errors and a body cap',
		{ timeout: 60_000 },
		async () => {
			const folder = await bundleFolder(iris.bundle);
			writeFileSync(join(folder, 'rows.json'), JSON.stringify(iris.rows));
			const direct = nodeJson(folder, PREDICT);
			const server = await startServer(folder, ['--max-body', '20000']);
			try {
				const post = (body: string) =>
					fetch(`${server.url}/predict`, {
						method: 'POST',
						body,
						headers: { 'content-type': 'application/json' }
					});
				const ok = await post(JSON.stringify(iris.rows));
				expect(ok.status).toBe(200);
				expect((await ok.json()).predictions).toEqual(direct);
				expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true });
				const metadata = await (await fetch(`${server.url}/metadata`)).json();
				expect(metadata.classes).toEqual(iris.bundle.classes);
				expect(metadata.inputs.map((c: { name: string }) => c.name)).toContain('petal_width');
				const bad = await post('{"rows": 3}');
				expect(bad.status).toBe(400);
				expect((await bad.json()).error).toMatch(/array of row objects/);
				const big = await post(JSON.stringify(Array.from({ length: 500 }, () => iris.rows[0])));
				expect(big.status).toBe(413);
				expect((await (await fetch(`${server.url}/nope`)).json()).error).toMatch(/no route/);
				expect((await fetch(`${server.url}/predict`)).status).toBe(405);
				const mixed = await post(JSON.stringify([{ ...iris.rows[0], sepal_width: 'wide' }, iris.rows[1]]));
				const [first, second] = (await mixed.json()).predictions;
				expect(first).toEqual({ error: 'sepal_width: “wide” is not a number' });
				expect(second).toEqual((direct as unknown[])[1]);
			} finally {
				server.stop();
			}
		}
	);

	it('refuses to start on a damaged model.bin, saying so', { timeout: 30_000 }, async () => {
		const folder = await bundleFolder(iris.bundle);
		const bin = readFileSync(join(folder, 'model.bin'));
		bin[5] = bin[5]! ^ 0xff;
		writeFileSync(join(folder, 'model.bin'), bin);
		await expect(startServer(folder)).rejects.toThrow(/model\.bin does not match this model/);
	});
});

describe('bundle files', () => {
	it(
		'single-file: model.js carries the weights, no model.bin, same answers',
		{ timeout: 30_000 },
		async () => {
			const split = await bundleFolder(iris.bundle);
			const single = await bundleFolder(iris.bundle, { singleFile: true });
			for (const folder of [split, single])
				writeFileSync(join(folder, 'rows.json'), JSON.stringify(iris.rows));
			expect(() => readFileSync(join(single, 'model.bin'))).toThrow();
			expect(nodeJson(single, PREDICT)).toEqual(nodeJson(split, PREDICT));
		}
	);

	it('says what is wrong with a missing or truncated model.bin', async () => {
		const folder = await bundleFolder(iris.bundle);
		writeFileSync(join(folder, 'rows.json'), '[]');
		writeFileSync(join(folder, 'model.bin'), readFileSync(join(folder, 'model.bin')).subarray(0, 8));
		expect(nodeJson(folder, PREDICT)).toEqual({
			thrown: expect.stringMatching(/model\.bin is 8 bytes; this model needs \d+/)
		});
		rmSync(join(folder, 'model.bin'));
		expect(nodeJson(folder, PREDICT)).toEqual({ thrown: expect.stringMatching(/ENOENT.*model\.bin/) });
	});

	it('answers a row missing a column the recipe does not fill with an error for that row only', async () => {
		const steps = iris.bundle.fitted.steps.filter((step) => step.op !== 'impute');
		const strict = { ...iris.bundle, fitted: { ...iris.bundle.fitted, steps } };
		const { plan, weights } = await runtimePlan(strict, 'none');
		expect(plan.inputs.filter((c) => c.required).map((c) => c.name)).toEqual([
			'sepal_length',
			'sepal_width',
			'petal_length',
			'petal_width'
		]);
		const { petal_width: _gone, ...partial } = iris.rows[0]!;
		const answers = createModel(plan, weights).predict([
			partial,
			{ ...iris.rows[1], sepal_length: 'NA' },
			iris.rows[2]
		]);
		expect(answers[0]).toEqual({ error: 'petal_width: missing' });
		expect(answers[1]).toEqual({ error: 'sepal_length: missing' });
		expect(answers[2]).toHaveProperty('label', iris.studio.labels![2]);
	});

	it('types the inputs and outputs, and escapes the demo page', async () => {
		const written = await writeInferenceBundle(iris.bundle, {
			quantize: 'none',
			singleFile: false,
			name: '<b>"Iris" & co</b>'
		});
		const file = (name: string) =>
			new TextDecoder().decode(written.files.find((f) => f.name === name)!.bytes);
		expect(written.files.map((f) => f.name).sort()).toEqual(
			[
				'Dockerfile',
				'README.md',
				'benchtop-model.js',
				'handler.js',
				'index.html',
				'model.bin',
				'model.d.ts',
				'model.js',
				'package.json',
				'serve.js'
			].sort()
		);
		expect(file('index.html')).toContain('&lt;b&gt;&quot;Iris&quot; &amp; co&lt;/b&gt;');
		expect(file('index.html')).not.toContain('<b>');
		expect(file('benchtop-model.js')).not.toMatch(/innerHTML|insertAdjacentHTML|outerHTML/);
		expect(file('model.d.ts')).toMatch(/"petal_width"\??: number \| string \| null;/);
		expect(file('model.d.ts')).toContain('export type ClassLabel = "setosa" | "versicolor" | "virginica";');
		expect(file('Dockerfile')).toMatch(/^FROM node:\d+/m);
		expect(file('Dockerfile')).toMatch(/^USER node$/m);
		expect(written.sizes.total).toBe(written.files.reduce((sum, f) => sum + f.bytes.byteLength, 0));
		expect(written.sizes.runtimeGzip).toBeLessThanOrEqual(10 * 1024);
	});

	it('measures each quantisation on the test rows: smaller weights, metrics and their change', async () => {
		const written = await writeInferenceBundle(iris.bundle, {
			quantize: 'int8',
			singleFile: false,
			testRows: iris.rows
		});
		const [none, half, int8] = written.variants;
		expect(written.variants.map((v) => v.quantize)).toEqual(['none', 'float16', 'int8']);
		expect(half!.weightBytes).toBeLessThan(none!.weightBytes);
		expect(int8!.weightBytes).toBeLessThan(half!.weightBytes);
		expect(none!.rows).toBe(iris.rows.length);
		const labels = Array.from(iris.studio.labels!);
		const truth = iris.rows.map((r) => r.species);
		const accuracy = labels.filter((label, i) => label === truth[i]).length / labels.length;
		expect(none!.metrics!.accuracy).toBeCloseTo(accuracy, 12);
		expect(none!.change).toEqual({ accuracy: 0, logLoss: 0 });
		expect(Math.abs(int8!.change!.logLoss!)).toBeGreaterThan(0);
		expect(Math.abs(int8!.change!.logLoss!)).toBeLessThan(0.05);
		expect(written.metadata.quantize).toBe('int8');
	});
});
