// The hostile-input cases for the CLI (issue 14), each made from a small model `benchtop train` wrote:
// damaged weights, lying manifests, hostile paths, deep JSON, zip bombs, terminal escapes, reserved names.
// Every case names the command line, the exact message (or its pattern) and the exit code; refused cases
// must write nothing. Fixtures are generated here (zip bombs in seconds, see zip-bombs.ts), never checked in.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deflatedZeros, writeZip, type ZipEntrySource } from './zip-bombs.ts';

export interface HostileCase {
	name: string;
	/** Issue 14's item. */
	item: number;
	args: string[];
	/** Refused: the one stderr line. Accepted: undefined (exit 0, checked by `accepted`). */
	message?: string | RegExp;
	/** A path the command must not create (its --out or --report). */
	mustNotWrite?: string;
	/** For cases that are accepted: checks on stdout. */
	accepted?: (out: string[]) => void;
	/** Zip bombs: the CLI's peak RSS is measured for these. */
	bomb?: boolean;
}

type Json = Record<string, unknown>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A copy of the model folder, edited; `weights` edits the bytes (the recorded hash follows unless told). */
function variant(
	work: string,
	model: string,
	name: string,
	edit: {
		record?: (json: Json) => void;
		modelJson?: (json: Json) => void;
		weights?: (bytes: Buffer) => Buffer<ArrayBufferLike>;
		keepHash?: boolean;
		rawRecord?: string;
	}
): string {
	const dir = join(work, name);
	cpSync(model, dir, { recursive: true });
	let weights: Buffer = readFileSync(join(dir, 'weights.bin'));
	if (edit.weights) {
		weights = edit.weights(Buffer.from(weights));
		writeFileSync(join(dir, 'weights.bin'), weights);
	}
	if (edit.modelJson) {
		const json = readJson(join(dir, 'model.json'));
		edit.modelJson(json);
		writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
	}
	const record = readJson(join(dir, 'benchtop.json'));
	if (edit.weights && !edit.keepHash) record.weightsSha256 = sha256(weights);
	edit.record?.(record);
	writeFileSync(join(dir, 'benchtop.json'), edit.rawRecord ?? JSON.stringify(record));
	return dir;
}

const layers = (json: Json) =>
	(json.modelTopology as { config: { layers: { class_name: string; config: Json }[] } }).config.layers;
const specs = (json: Json) =>
	(
		json.weightsManifest as { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[]
	)[0]!;

function zipOf(dir: string, extra: ZipEntrySource[] = [], replace: Record<string, ZipEntrySource> = {}) {
	const entries: ZipEntrySource[] = readdirSync(dir).map(
		(file) => replace[file] ?? { name: `my-model/${file}`, data: readFileSync(join(dir, file)) }
	);
	return [...entries, ...extra];
}

/**
 * The cases, with their fixtures written under `work`. `iris` is a small classifier folder, `regression`
 * a small regression model folder (both from `benchtop train --out`), `irisCsv` and `regressionCsv` files
 * they can evaluate.
 */
export async function hostileCases(
	work: string,
	models: { iris: string; irisCsv: string; regression: string; regressionCsv: string }
): Promise<HostileCase[]> {
	mkdirSync(work, { recursive: true });
	const { iris, irisCsv } = models;
	const weightsSize = readFileSync(join(iris, 'weights.bin')).length;
	const n = (x: number) => x.toLocaleString('en');
	const out = (name: string) => join(work, `${name}-never.csv`);
	const predict = (name: string, model: string, message: string | RegExp, item: number): HostileCase => ({
		name,
		item,
		args: ['predict', model, irisCsv, '--out', out(name)],
		message,
		mustNotWrite: out(name)
	});
	const cases: HostileCase[] = [];

	// Item 2 and 12: damaged weights and manifests.
	cases.push(
		predict(
			'weights.bin with 5,000 extra bytes',
			variant(work, iris, 'extra-bytes', { weights: (b) => Buffer.concat([b, Buffer.alloc(5000, 7)]) }),
			`benchtop: weights.bin is ${n(weightsSize + 5000)} bytes; model.json's weights manifest needs ${n(weightsSize)} bytes of weights in all, so weights.bin may hold at most ${n(weightsSize)} bytes: it is not read`,
			2
		),
		predict(
			'truncated weights.bin',
			variant(work, iris, 'truncated', { weights: (b) => b.subarray(0, 1000) }),
			`benchtop: weights.bin is 1,000 bytes; model.json's weights manifest needs exactly ${n(weightsSize)} bytes (${n(weightsSize / 4)} float32 numbers): the file is truncated or not this model's`,
			12
		),
		predict(
			'empty weights.bin',
			variant(work, iris, 'empty-weights', { weights: () => Buffer.alloc(0) }),
			`benchtop: weights.bin is empty; model.json's weights manifest needs ${n(weightsSize)} bytes (${n(weightsSize / 4)} float32 numbers)`,
			12
		),
		predict(
			'weights.bin changed after writing (recorded hash)',
			variant(work, iris, 'changed', {
				weights: (b) => {
					b.writeFloatLE(0.5, 0);
					return b;
				},
				keepHash: true
			}),
			/^benchtop: weights\.bin has SHA-256 [0-9a-f]{12}…, but benchtop\.json records weightsSha256 [0-9a-f]{12}…: the weights were changed or belong to another model$/,
			2
		),
		predict(
			'NaN in the weights',
			variant(work, iris, 'nan-weights', {
				weights: (b) => {
					b.writeFloatLE(NaN, 4 * 100);
					return b;
				}
			}),
			"benchtop: weights.bin holds 1 number that is not finite (NaN or ±Infinity), the first in “dense_1/kernel”: a trained model's weights are all finite",
			2
		),
		predict(
			'a weight of shape [1e9, 1e9]',
			variant(work, iris, 'huge-shape', { modelJson: (j) => void (specs(j).weights[0]!.shape = [1e9, 1e9]) }),
			'benchtop: model.json weightsManifest weight “dense_1/kernel” has shape [1000000000,1000000000]; its layer needs [4,64]',
			12
		),
		predict(
			'units of 1e9',
			variant(work, iris, 'huge-units', { modelJson: (j) => void (layers(j)[0]!.config.units = 1e9) }),
			'benchtop: model.json: layer 1 (dense_1) config.units is 1000000000; expected a whole number from 1 to 4,096',
			12
		),
		predict(
			'a huge input shape',
			variant(work, iris, 'huge-input', {
				modelJson: (j) => void (layers(j)[0]!.config.batch_input_shape = [null, 1e9])
			}),
			'benchtop: model.json: layer 1 (dense_1) config.batch_input_shape is [null,1000000000]; expected [null, 4], one input per feature benchtop.json lists',
			12
		),
		predict(
			'a negative input shape',
			variant(work, iris, 'negative-input', {
				modelJson: (j) => void (layers(j)[0]!.config.batch_input_shape = [null, -5])
			}),
			'benchtop: model.json: layer 1 (dense_1) config.batch_input_shape is [null,-5]; expected [null, 4], one input per feature benchtop.json lists',
			12
		),
		predict(
			'a non-float weights file (int32)',
			variant(work, iris, 'int32', {
				modelJson: (j) => specs(j).weights.forEach((w) => (w.dtype = 'int32'))
			}),
			'benchtop: model.json weightsManifest weight “dense_1/kernel” has dtype "int32"; Benchtop weights are float32 (this file is not a Benchtop model\'s)',
			12
		),
		predict(
			'a Lambda layer',
			variant(work, iris, 'lambda', {
				modelJson: (j) => void (layers(j)[1]!.class_name = 'Lambda')
			}),
			/^benchtop: model\.json: layer 2 \(dropout_1\) is a "Lambda" layer; Benchtop models are made only of Dense, Dropout, Conv2D, MaxPooling2D, Flatten, BatchNormalization, Reshape layers, so this file did not come from Benchtop$/,
			12
		),
		predict(
			'features: []',
			variant(work, iris, 'no-features', { record: (r) => void (r.features = []) }),
			'benchtop: benchtop.json: “features” is empty; a model needs at least one input column',
			12
		),
		predict(
			'"version": "1" (text)',
			variant(work, iris, 'version-text', { record: (r) => void (r.version = '1') }),
			'benchtop: benchtop.json: “version” is "1" (text); expected a whole number from 1 (this benchtop writes version 1)',
			12
		),
		predict(
			'"version": -7',
			variant(work, iris, 'version-negative', { record: (r) => void (r.version = -7) }),
			'benchtop: benchtop.json: “version” is -7; expected a whole number from 1 (this benchtop writes version 1)',
			12
		),
		predict(
			'"version": 2 (newer)',
			variant(work, iris, 'version-newer', { record: (r) => void (r.version = 2) }),
			'benchtop: benchtop.json: format version 2; this benchtop reads version 1: update benchtop to read it',
			12
		),
		predict(
			'classes not a list',
			variant(work, iris, 'classes-text', { record: (r) => void (r.classes = 'setosa') }),
			'benchtop: benchtop.json: “classes” must be a list of the class labels',
			12
		)
	);

	// Item 6: weights paths outside the model.
	const secret = join(work, 'secret.bin');
	writeFileSync(secret, readFileSync(join(iris, 'weights.bin')));
	for (const [label, path] of [
		['a ../ path', '../secret.bin'],
		['an absolute path', secret]
	] as const)
		cases.push(
			predict(
				`weights path: ${label}`,
				variant(work, iris, `path-${label.length}`, { modelJson: (j) => void (specs(j).paths = [path]) }),
				`benchtop: model.json weightsManifest paths lists ${JSON.stringify(path)}; only plain file names inside the model folder or .zip are allowed (no folders, “..” or absolute paths)`,
				6
			)
		);

	const linked = variant(work, iris, 'symlinked-weights', {});
	rmSync(join(linked, 'weights.bin'));
	symlinkSync(secret, join(linked, 'weights.bin'));
	cases.push(
		predict(
			'weights.bin a symbolic link to a file outside the model',
			linked,
			`benchtop: weights.bin in ${linked} is a symbolic link; a model's files must be plain files inside its folder`,
			6
		)
	);

	// Item 7: deeply nested JSON, in a model file and in a data file.
	const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
	cases.push(
		predict(
			'benchtop.json nested 100,000 levels',
			variant(work, iris, 'deep-record', { rawRecord: deep }),
			'benchtop: benchtop.json nests arrays or objects more than 1,000 levels deep; no table or model needs that, so it is not read.',
			7
		)
	);
	const deepData = join(work, 'deep.json');
	writeFileSync(deepData, `[{"a": ${deep}}]`);
	cases.push({
		name: 'a data file nested 100,000 levels',
		item: 7,
		args: ['profile', deepData],
		message:
			'benchtop: The JSON nests arrays or objects more than 1,000 levels deep; no table or model needs that, so it is not read.'
	});

	// Item 5: zip bombs (refused after a few kilobytes, or never inflated), and a sound zip next to junk.
	const bomb3 = await deflatedZeros(3072);
	const bomb15 = await deflatedZeros(1536);
	const zip = (name: string, entries: ZipEntrySource[]) => {
		const path = join(work, `${name}.zip`);
		writeZip(path, entries);
		return path;
	};
	const bombWeights = zip(
		'bomb-weights',
		zipOf(iris, [], {
			'weights.bin': { name: 'my-model/weights.bin', data: bomb15.data, deflated: bomb15 }
		})
	);
	const lyingWeights = zip(
		'bomb-lying-directory',
		zipOf(iris, [], {
			'weights.bin': {
				name: 'my-model/weights.bin',
				data: bomb3.data,
				deflated: bomb3,
				claimedSize: weightsSize
			}
		})
	);
	const bombRecord = zip('bomb-record', [
		{ name: 'benchtop.json', data: bomb3.data, deflated: bomb3 },
		{ name: 'model.json', data: readFileSync(join(iris, 'model.json')) }
	]);
	const manyEntries = zip(
		'many-entries',
		Array.from({ length: 5000 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') }))
	);
	const junkBeside = zip(
		'sound-model-beside-junk',
		zipOf(iris, [{ name: 'my-model/junk.bin', data: bomb3.data, deflated: bomb3 }])
	);
	const bomb30 = await deflatedZeros(30);
	const bombModelJson = zip(
		'bomb-model-json',
		zipOf(iris, [], {
			'model.json': { name: 'my-model/model.json', data: bomb30.data, deflated: bomb30 }
		})
	);
	cases.push(
		{
			...predict(
				'zip: weights.bin of 1.5 GiB of zeros',
				bombWeights,
				`benchtop: ${bombWeights}: my-model/weights.bin in the .zip declares ${n(bomb15.size)} bytes; model.json's weights manifest needs ${n(weightsSize)} bytes of weights in all, so weights.bin may hold at most ${n(weightsSize)} bytes: it is not read`,
				5
			),
			bomb: true
		},
		{
			...predict(
				'zip: 3 GiB weights.bin whose directory claims the right size',
				lyingWeights,
				`benchtop: ${lyingWeights}: my-model/weights.bin in the .zip inflates past ${n(weightsSize)} bytes; model.json's weights manifest needs ${n(weightsSize)} bytes of weights in all, so weights.bin may hold at most ${n(weightsSize)} bytes: it is not read`,
				5
			),
			bomb: true
		},
		{
			...predict(
				'zip: benchtop.json of 3 GiB of zeros',
				bombRecord,
				`benchtop: ${bombRecord}: benchtop.json in the .zip declares ${n(bomb3.size)} bytes; a benchtop.json may hold at most ${n(32 * 1024 * 1024)} bytes: it is not read`,
				5
			),
			bomb: true
		},
		{
			...predict(
				'zip: 5,000 entries',
				manyEntries,
				`benchtop: ${manyEntries} holds 5,000 entries; a model .zip has at most 1,000 (a model is three files)`,
				5
			),
			bomb: true
		},
		{
			name: 'zip: a sound model beside a 3 GiB junk entry (only the model is read)',
			item: 5,
			args: ['evaluate', junkBeside, irisCsv, '--json'],
			accepted: (lines) => {
				const result = JSON.parse(lines.join('\n')) as { rows: { evaluated: number } };
				if (result.rows.evaluated !== 150) throw new Error(`evaluated ${result.rows.evaluated} rows`);
			},
			bomb: true
		}
	);
	cases.push({
		...predict(
			'zip: model.json of 30 MiB of zeros (under the size cap, past the ratio cap)',
			bombModelJson,
			`benchtop: ${bombModelJson}: my-model/model.json in the .zip would inflate ${n(bomb30.data.length)} bytes to ${n(bomb30.size)}, a ratio of ${n(Math.round(bomb30.size / bomb30.data.length))}:1, past the 200:1 any model file has: it looks like a zip bomb and is not read`,
			5
		),
		bomb: true
	});

	// Item 3: a model whose outputs overflow float32 answers with error entries, not blanks.
	const overflow = variant(work, models.regression, 'overflow', {
		weights: (b) => {
			for (let i = 0; i < b.length; i += 4) b.writeFloatLE(3e38, i);
			return b;
		}
	});
	cases.push({
		name: 'predictions that overflow fill the error column',
		item: 3,
		args: ['predict', overflow, models.regressionCsv],
		accepted: (lines) => {
			// Huge weights overflow float32 for most rows, not all (inputs of either sign): every row is a
			// finite number with an empty error, or an empty value with the error; and both kinds occur.
			const rows = lines.join('\n').split('\n').slice(1);
			const error =
				'the model gave no finite prediction for this row (NaN or ±Infinity: its output overflowed)';
			let overflowed = 0;
			for (const row of rows) {
				const [value, why] = row.split(/,(.*)/s) as [string, string];
				if (value === '' && why === error) overflowed++;
				else if (!(Number.isFinite(Number(value)) && value !== '' && why === ''))
					throw new Error(`row neither predicted nor given an error: ${row}`);
			}
			if (overflowed === 0 || overflowed === rows.length)
				throw new Error(`${overflowed} of ${rows.length} rows overflowed; expected some, not all`);
		}
	});

	// Item 4: regression targets a float32 network cannot learn are refused before training, rows named.
	const huge = join(work, 'huge-target.csv');
	writeFileSync(
		huge,
		`x,y\n${Array.from({ length: 40 }, (_, i) => `${i},${((i % 7) - 3) * 1e307}`).join('\n')}\n`
	);
	const infinite = join(work, 'infinite-target.csv');
	writeFileSync(
		infinite,
		`x,y\n${Array.from({ length: 40 }, (_, i) => `${i},${i === 3 || i === 9 ? 'Infinity' : i * 2.5}`).join('\n')}\n`
	);
	cases.push(
		{
			name: 'a target of ±1e307',
			item: 4,
			args: ['train', huge, '--target', 'y', '--task', 'regression', '--out', join(work, 'never-huge')],
			message:
				'benchtop: y has 34 values a model cannot learn (Infinity, NaN, or beyond ±3.4e38, the float32 range networks train in): rows 1, 2, 3, 5, 6 and 29 more of the data. Fix or filter out those rows before training.',
			mustNotWrite: join(work, 'never-huge')
		},
		{
			name: 'a target with Infinity',
			item: 4,
			args: ['train', infinite, '--target', 'y', '--out', join(work, 'never-infinite')],
			message:
				'benchtop: y has 2 values a model cannot learn (Infinity, NaN, or beyond ±3.4e38, the float32 range networks train in): rows 4 and 10 of the data. Fix or filter out those rows before training.',
			mustNotWrite: join(work, 'never-infinite')
		}
	);

	// Item 10: terminal escapes in a file's header, in profile's table and in --target's error.
	const escapes = join(work, 'escapes.csv');
	writeFileSync(escapes, 'a\u001b]0;PWNED\u0007,b\u001b[2J\n1,2\n3,4\n');
	cases.push(
		{
			name: 'profile of a header with ESC sequences',
			item: 10,
			args: ['profile', escapes],
			accepted: (lines) => {
				const text = lines.join('\n');
				if (text.includes('\u001b') || text.includes('\u0007'))
					throw new Error('a raw control character was printed');
				if (!text.includes('a\\u001b]0;PWNED\\u0007')) throw new Error('the escaped name is not shown');
			}
		},
		{
			name: '--target naming a column with ESC sequences',
			item: 10,
			args: ['train', escapes, '--target', 'x\u001b[2J', '--out', join(work, 'never-model')],
			message:
				'benchtop: --target x\\u001b[2J: escapes.csv has no column “x\\u001b[2J” (its columns: a\\u001b]0;PWNED\\u0007, b\\u001b[2J)',
			mustNotWrite: join(work, 'never-model')
		}
	);

	// Item 13: a derive step named __proto__.
	const recipe = join(work, 'proto-recipe.json');
	writeFileSync(
		recipe,
		JSON.stringify({
			version: 1,
			steps: [{ op: 'derive', params: { name: '__proto__', formula: 'sepal_length * 2' } }]
		})
	);
	cases.push({
		name: 'derive step named __proto__',
		item: 13,
		args: ['train', irisCsv, '--target', 'species', '--recipe', recipe, '--out', join(work, 'never-proto')],
		message: `benchtop: ${recipe}: Step 1 (Add a computed column): name: “__proto__” is a reserved name a table cannot store as a column; give the new column another name.`,
		mustNotWrite: join(work, 'never-proto')
	});
	return cases;
}
