// Workspace backup and restore on fake-indexeddb: a workspace (data set with its Arrow bytes, a run with
// weights, a model version with an alias and optimizer state) written as a stream and added to an empty
// workspace under new ids, equal in content; added again to the same workspace without overwriting; one
// model with what it came from; and every refusal, each with its message, none of which writes anything.
import * as aq from 'arquero';
import { IDBFactory } from 'fake-indexeddb';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, MANIFEST_FILE } from '../../../../src/lib/core/backup/backup-format.ts';
import { backupFile, readBackup } from '../../../../src/lib/core/backup/read-backup.ts';
import { remapIds } from '../../../../src/lib/core/backup/restore-backup.ts';
import { exportWorkspace, importBackup } from '../../../../src/lib/core/backup/workspace-backup.ts';
import { writeBackup, type BackupSource } from '../../../../src/lib/core/backup/write-backup.ts';
import { decodeRecord, encodeRecord } from '../../../../src/lib/core/backup/record-codec.ts';
import { tableFromArrowIPC, tableToArrowIPC } from '../../../../src/lib/core/data/arrow-ipc.ts';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';
import { sha256Hex } from '../../../../src/lib/core/registry/content-hash.ts';
import {
	listDatasets,
	loadDatasetArrow,
	saveDatasetVersion
} from '../../../../src/lib/core/registry/datasets.ts';
import { DB_VERSION, openStudioDb, type StudioDb } from '../../../../src/lib/core/registry/db.ts';
import { moveAlias } from '../../../../src/lib/core/registry/model-aliases.ts';
import {
	listModels,
	listModelVersions,
	loadModelVersionArtifact,
	saveModelVersion
} from '../../../../src/lib/core/registry/model-versions.ts';
import { saveRecipeDraft, getRecipeDraft } from '../../../../src/lib/core/registry/recipes.ts';
import { getRun, listRuns, loadRunArtifact, saveRun } from '../../../../src/lib/core/registry/runs.ts';
import { fakeLayers, fakeRun } from '../registry/model-fixtures.ts';

const open = () => openStudioDb({ factory: new IDBFactory() });

async function workspace(): Promise<{ db: StudioDb; datasetId: string; modelId: string }> {
	const db = await open();
	const table = aq.table({ x: Float64Array.from([1, 2, 3, 4]), colour: ['red', 'blue', 'red', 'green'] });
	const schema = [
		{ name: 'x', type: 'number' as const },
		{ name: 'colour', type: 'category' as const }
	];
	const { record: dataset } = await saveDatasetVersion(db, {
		name: 'paint.csv',
		source: { kind: 'file', fileName: 'paint.csv' },
		rows: 4,
		schema,
		arrow: tableToArrowIPC(table, schema)
	});
	await saveRecipeDraft(db, {
		datasetId: dataset.id,
		recipe: { version: 1, steps: [] },
		split: null,
		target: 'colour'
	});
	const { id: _id, artifactId: _a, ...run } = fakeRun(dataset.id, '2026-01-01T00:00:00Z');
	const saved = await saveRun(db, { ...run, datasetHash: dataset.hash }, fakeLayers([1, 2, 3]));
	const version = await saveModelVersion(db, {
		modelName: 'painter',
		run: saved,
		artifact: fakeLayers([1, 2, 3]),
		gate: { pass: true, reasons: ['ok'] },
		optimizer: {
			name: 'Adam',
			iterations: 3,
			variables: [{ name: 'm', shape: [3], values: Float32Array.from([0.5, 0.25, 0.125]) }]
		},
		datasetName: 'paint.csv'
	});
	await moveAlias(db, {
		modelId: version.modelId,
		alias: 'champion',
		versionId: version.id,
		reason: 'first'
	});
	return { db, datasetId: dataset.id, modelId: version.modelId };
}

async function backupBytes(db: StudioDb, modelId?: string): Promise<{ bytes: Uint8Array; chunks: number }> {
	const chunks: Uint8Array[] = [];
	const { bytes } = await exportWorkspace(db, (chunk) => void chunks.push(chunk.slice()), {
		createdBy: 'test',
		...(modelId ? { modelId } : {})
	});
	const out = new Uint8Array(bytes);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	expect(at).toBe(bytes);
	return { bytes: out, chunks: chunks.length };
}

describe('backup and restore of a workspace', () => {
	it('writes a stream of chunks that restores, under new ids, the same data set, runs and model', async () => {
		const { db, datasetId, modelId } = await workspace();
		const { bytes, chunks } = await backupBytes(db);
		expect(chunks).toBeGreaterThan(5);
		const entries = Object.keys(unzipSync(bytes));
		expect(entries[entries.length - 1]).toBe(MANIFEST_FILE);
		expect(entries.filter((e) => e.endsWith('.arrow'))).toHaveLength(1);

		const target = await open();
		const result = await importBackup(target, bytes, 'workspace.benchtop.zip');
		expect(result.reusedDatasets).toBe(0);
		expect(result.added).toMatchObject({
			datasets: 1,
			blobs: 1,
			runs: 1,
			artifacts: 1,
			models: 1,
			modelVersions: 1,
			versionArtifacts: 1,
			aliasEvents: 1,
			recipes: 1
		});

		const [dataset] = await listDatasets(target);
		expect(dataset!.id).not.toBe(datasetId);
		const arrow = await loadDatasetArrow(target, dataset!.id);
		expect(await sha256Hex(arrow)).toBe(dataset!.hash);
		expect(tableFromArrowIPC(arrow).array('colour')).toEqual(['red', 'blue', 'red', 'green']);
		const [run] = await listRuns(target, dataset!.id);
		expect(run!.datasetId).toBe(dataset!.id);
		const artifact = await loadRunArtifact(target, run!);
		if (artifact.kind !== 'layers') throw new Error('layers expected');
		expect(new Float32Array(await artifact.weightData.arrayBuffer())).toEqual(Float32Array.from([1, 2, 3]));
		const [model] = await listModels(target);
		expect(model!.id).not.toBe(modelId);
		expect(model!.name).toBe('painter');
		const [version] = await listModelVersions(target, model!.id);
		expect(model!.aliases.champion).toBe(version!.id);
		expect(version!.lineage.runId).toBe(run!.id);
		expect(version!.lineage.datasetId).toBe(dataset!.id);
		const loaded = await loadModelVersionArtifact(target, version!);
		expect(loaded.optimizer!.variables[0]!.values).toEqual(Float32Array.from([0.5, 0.25, 0.125]));
		expect((await getRecipeDraft(target, dataset!.id))!.target).toBe('colour');
	});

	it('adds a backup to the workspace it came from without overwriting: the data set is reused, the model renamed', async () => {
		const { db, datasetId } = await workspace();
		const { bytes } = await backupBytes(db);
		const result = await importBackup(db, bytes, 'again.benchtop.zip');
		expect(result.reusedDatasets).toBe(1);
		expect(result.renamedModels).toEqual([['painter', 'painter (imported)']]);
		expect(await listDatasets(db)).toHaveLength(1);
		const runs = await listRuns(db, datasetId);
		expect(runs).toHaveLength(2);
		expect(new Set(runs.map((r) => r.id)).size).toBe(2);
		expect((await listModels(db)).map((m) => m.name).sort()).toEqual(['painter', 'painter (imported)']);
		expect(await listModelVersions(db)).toHaveLength(2);
	});

	it('writes one model with what it came from, and nothing else', async () => {
		const { db, modelId } = await workspace();
		const { record: other } = await saveDatasetVersion(db, {
			name: 'other.csv',
			source: { kind: 'paste' },
			rows: 1,
			schema: [{ name: 'x', type: 'number' }],
			arrow: tableToArrowIPC(aq.table({ x: [9] }), [{ name: 'x', type: 'number' }])
		});
		expect(other.id).toBeTruthy();
		const { bytes } = await backupBytes(db, modelId);
		const manifest = JSON.parse(new TextDecoder().decode(unzipSync(bytes)[MANIFEST_FILE]));
		expect(manifest.scope).toEqual({ kind: 'model', modelId, name: 'painter' });
		expect(manifest.stores).toMatchObject({ datasets: 1, blobs: 1, runs: 1, models: 1, modelVersions: 1 });
		const target = await open();
		await importBackup(target, bytes, 'model.benchtop.zip');
		expect((await listDatasets(target)).map((d) => d.name)).toEqual(['paint.csv']);
	});
});

describe('streaming', () => {
	it('hands each record’s bytes to the sink before the next record is read', async () => {
		const reads: number[] = [];
		let got = 0;
		const payload = new Uint8Array(256 * 1024).map((_, i) => (i * 7919) & 0xff);
		const source: BackupSource = {
			schemaVersion: DB_VERSION,
			stores: ['blobs'],
			keys: async () => Array.from({ length: 20 }, (_, i) => `b${i}`),
			get: async (_store, key) => {
				got++;
				return { id: key, blob: new Blob([payload]) };
			}
		};
		let written = 0;
		const { bytes, manifest } = await writeBackup(
			source,
			(chunk) => {
				reads.push(got);
				written += chunk.byteLength;
			},
			{ scope: { kind: 'workspace' }, createdBy: 'test' }
		);
		expect(written).toBe(bytes);
		expect(bytes).toBeGreaterThan(20 * payload.byteLength);
		expect(manifest.stores).toEqual({ blobs: 20 });
		// Bytes left for the sink while only the first record had been read, and after every later one.
		expect(reads[0]).toBe(1);
		expect(new Set(reads).size).toBe(20);
	});
});

describe('record codec and id remapping', () => {
	it('round-trips Blobs, typed arrays, ArrayBuffers and dates', async () => {
		const record = {
			id: 'r',
			blob: new Blob([new Uint8Array([1, 2])], { type: 'x/y' }),
			f: Float32Array.from([1.5]),
			b: new Uint8Array([7]).buffer,
			d: new Date('2026-01-01T00:00:00Z'),
			nested: [{ i: Int32Array.from([-1]) }]
		};
		const { json, binaries } = await encodeRecord(record, (kind) => `binary/${kind}.bin`);
		const decoded = decodeRecord(
			JSON.parse(json),
			(path) => binaries.find((b) => b.path === path)!.bytes
		) as typeof record;
		expect(new Uint8Array(await decoded.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
		expect(decoded.blob.type).toBe('x/y');
		expect(decoded.f).toEqual(Float32Array.from([1.5]));
		expect(new Uint8Array(decoded.b)).toEqual(new Uint8Array([7]));
		expect(decoded.d.toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(decoded.nested[0]!.i).toEqual(Int32Array.from([-1]));
	});
	it('rewrites old ids wherever they appear, and recipe drafts’ dataset: ids', () => {
		const ids = new Map([['old', 'new']]);
		expect(remapIds({ a: 'old', b: ['old', 'other'], c: { d: 'dataset:old' }, e: 'older' }, ids)).toEqual({
			a: 'new',
			b: ['new', 'other'],
			c: { d: 'dataset:new' },
			e: 'older'
		});
	});
});

// ---- refusals ------------------------------------------------------------------------------------------

/** A small valid backup from a plain source: two runs and one blob. */
async function smallBackup(): Promise<Record<string, Uint8Array>> {
	const records: Record<string, Record<string, unknown>[]> = {
		runs: [
			{ id: 'r1', datasetId: 'd1' },
			{ id: 'r2', datasetId: 'd1' }
		],
		blobs: [{ id: 'b1', blob: new Blob([new Uint8Array([1, 2, 3])]) }]
	};
	const source: BackupSource = {
		schemaVersion: DB_VERSION,
		stores: Object.keys(records),
		keys: async (store) => records[store]!.map((r) => r.id as string),
		get: async (store, key) => records[store]!.find((r) => r.id === key)
	};
	const chunks: Uint8Array[] = [];
	await writeBackup(source, (c) => void chunks.push(c.slice()), {
		scope: { kind: 'workspace' },
		createdBy: 'test'
	});
	const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.length;
	}
	return unzipSync(all);
}

const STORES = ['runs', 'blobs', 'datasets'];
const manifestOf = (files: Record<string, Uint8Array>) =>
	JSON.parse(new TextDecoder().decode(files[MANIFEST_FILE]));
const withManifest = (files: Record<string, Uint8Array>, manifest: unknown) => ({
	...files,
	[MANIFEST_FILE]: strToU8(JSON.stringify(manifest))
});

async function refusal(bytes: Uint8Array): Promise<BenchtopError> {
	const db = await open();
	let error: unknown;
	try {
		await importBackup(db, bytes, 'bad.benchtop.zip');
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(BenchtopError);
	// Nothing was written.
	expect(await listDatasets(db)).toEqual([]);
	expect(await getRun(db, 'r1')).toBeUndefined();
	return error as BenchtopError;
}

/** Patches the central directory's declared sizes of the entry named `name`. */
function patchDirectory(
	zip: Uint8Array,
	name: string,
	sizes: { size?: number; compressed?: number }
): Uint8Array {
	const out = zip.slice();
	const view = new DataView(out.buffer);
	const target = strToU8(name);
	for (let p = 0; p + 46 < out.length; p++) {
		if (view.getUint32(p, true) !== 0x02014b50) continue;
		const length = view.getUint16(p + 28, true);
		const entry = out.subarray(p + 46, p + 46 + length);
		if (entry.length === target.length && entry.every((b, i) => b === target[i])) {
			if (sizes.compressed !== undefined) view.setUint32(p + 20, sizes.compressed, true);
			if (sizes.size !== undefined) view.setUint32(p + 24, sizes.size, true);
		}
	}
	return out;
}

describe('import refuses a bad backup with a specific message and writes nothing', () => {
	it('accepts the small backup untouched (the refusals below are each one change to it)', async () => {
		const checked = await readBackup(zipSync(await smallBackup()), 'ok', STORES, DB_VERSION);
		expect(checked.records.runs!.map((r) => r.id)).toEqual(['r1', 'r2']);
	});
	it('not a backup, wrong format', async () => {
		const files = await smallBackup();
		expect((await refusal(strToU8('hello'))).message).toBe(
			'bad.benchtop.zip: is not a .zip file (too short to hold a zip directory)'
		);
		const { [MANIFEST_FILE]: _m, ...noManifest } = files;
		expect((await refusal(zipSync(noManifest))).message).toMatch(
			/has no manifest\.json: it is not a Benchtop backup/
		);
		expect(
			(await refusal(zipSync(withManifest(files, { ...manifestOf(files), format: 'something-else' }))))
				.message
		).toMatch(/says format "something-else", not "benchtop-backup"/);
	});
	it('a newer backup format or storage schema', async () => {
		const files = await smallBackup();
		const newer = await refusal(zipSync(withManifest(files, { ...manifestOf(files), version: 2 })));
		expect(newer.code).toBe('newer-version');
		expect(newer.message).toMatch(/backup format 2; this Benchtop reads format 1: update Benchtop/);
		const schema = await refusal(
			zipSync(withManifest(files, { ...manifestOf(files), schemaVersion: DB_VERSION + 1 }))
		);
		expect(schema.message).toMatch(
			new RegExp(`storage schema ${DB_VERSION + 1}; this Benchtop has schema ${DB_VERSION}`)
		);
	});
	it('a hash mismatch, a missing or unlisted entry, a store this Benchtop lacks', async () => {
		const files = await smallBackup();
		const changed = { ...files, 'records/runs/1.json': strToU8('{"id":"r2","datasetId":"d9"}') };
		expect((await refusal(zipSync(changed))).message).toMatch(
			/“records\/runs\/1\.json” (does not match its SHA-256|holds \d+ bytes; the manifest says)/
		);
		const sameSize = {
			...files,
			'records/runs/1.json': strToU8(
				new TextDecoder().decode(files['records/runs/1.json']).replace('d1', 'd2')
			)
		};
		expect((await refusal(zipSync(sameSize))).message).toMatch(
			/“records\/runs\/1\.json” does not match its SHA-256 in the manifest/
		);
		const { 'records/runs/0.json': _gone, ...missing } = files;
		expect((await refusal(zipSync(missing))).message).toMatch(
			/lists “records\/runs\/0\.json”, but the archive has no such entry/
		);
		expect((await refusal(zipSync({ ...files, 'records/runs/9.json': strToU8('{}') }))).message).toMatch(
			/the entry “records\/runs\/9\.json” is not in its manifest/
		);
		const manifest = manifestOf(files);
		const alien = { ...files, 'records/wormholes/0.json': strToU8('{"id":"w"}') };
		manifest.entries.push({
			path: 'records/wormholes/0.json',
			bytes: 10,
			sha256: await sha256Hex(strToU8('{"id":"w"}'))
		});
		const unknown = await refusal(zipSync(withManifest(alien, manifest)));
		expect(unknown.message).toMatch(/records of a store “wormholes” this Benchtop does not have/);
	});
	it('paths that climb out', async () => {
		const files = await smallBackup();
		for (const path of ['../evil.json', 'records/../../evil.json', '/etc/passwd', 'C:/evil.json'])
			expect((await refusal(zipSync({ ...files, [path]: strToU8('x') }))).message).toMatch(
				/has a path that climbs out of the folder/
			);
	});
	it('too many entries', async () => {
		// An end-of-directory record claiming more entries than the cap: refused before any entry is read.
		const eocd = new Uint8Array(22);
		const view = new DataView(eocd.buffer);
		view.setUint32(0, 0x06054b50, true);
		view.setUint16(8, 65_500, true);
		view.setUint16(10, 65_500, true);
		expect((await refusal(eocd)).message).toBe(
			`bad.benchtop.zip: holds 65,500 entries, more than the ${BACKUP_LIMITS.entries.toLocaleString('en')} a backup may hold`
		);
	});
	it('an entry over the size cap, entries over the total cap', async () => {
		const zip = zipSync(await smallBackup(), { level: 0 });
		const big = patchDirectory(zip, 'records/runs/0.json', {
			size: BACKUP_LIMITS.entryBytes + 1,
			compressed: BACKUP_LIMITS.entryBytes + 1
		});
		expect((await refusal(big)).message).toMatch(
			/the entry “records\/runs\/0\.json” declares 1,073,741,825 bytes, over the 1,073,741,824-byte cap for one entry/
		);
		let total: Uint8Array = zip;
		for (const name of [
			'records/runs/0.json',
			'records/runs/1.json',
			'records/blobs/0.json',
			'binary/0.bin',
			MANIFEST_FILE
		])
			total = patchDirectory(total, name, {
				size: BACKUP_LIMITS.entryBytes,
				compressed: BACKUP_LIMITS.entryBytes
			});
		expect((await refusal(total)).message).toMatch(
			/its entries declare more than 4,294,967,296 bytes together, over the cap/
		);
	});
	it('a zip bomb, declared or hidden behind a lying directory', async () => {
		const files = await smallBackup();
		const zeros = new Uint8Array(4 * 1024 * 1024);
		const bomb = zipSync({ ...files, 'records/runs/0.json': zeros });
		expect((await refusal(bomb)).message).toMatch(
			/the entry “records\/runs\/0\.json” declares 4,194,304 bytes from [\d,]+, a compression ratio over 200:1: it looks like a zip bomb/
		);
		const hidden = patchDirectory(bomb, 'records/runs/0.json', { size: 100 });
		expect((await refusal(hidden)).message).toMatch(
			/the entry “records\/runs\/0\.json” inflates (past 100 bytes|to [\d,]+ bytes from [\d,]+, a compression ratio over 200:1)/
		);
	});
});

describe('import reads the file by slices', () => {
	it('imports a backup many times larger than any one read, reading the 6 MiB binary once', async () => {
		const payload = new Uint8Array(6 * 1024 * 1024);
		for (let i = 0; i < payload.length; i += 65536) crypto.getRandomValues(payload.subarray(i, i + 65536));
		const records: Record<string, Record<string, unknown>[]> = {
			runs: [{ id: 'r1', datasetId: 'd1', weights: Float32Array.from([0.5, -2]) }],
			blobs: [{ id: 'big', blob: new Blob([payload], { type: 'application/octet-stream' }) }]
		};
		const source: BackupSource = {
			schemaVersion: DB_VERSION,
			stores: Object.keys(records),
			keys: async (store) => records[store]!.map((r) => r.id as string),
			get: async (store, key) => records[store]!.find((r) => r.id === key)
		};
		const chunks: Uint8Array[] = [];
		await writeBackup(source, (c) => void chunks.push(c.slice()), {
			scope: { kind: 'workspace' },
			createdBy: 'test'
		});
		const file = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
		const reads: number[] = [];
		const inner = backupFile(file);
		const watched = {
			...inner,
			read: (offset: number, length: number) => {
				reads.push(length);
				return inner.read(offset, length);
			}
		};
		const db = await open();
		const result = await importBackup(db, watched, 'big.benchtop.zip');
		expect(result.added).toMatchObject({ runs: 1, blobs: 1 });

		// No read asked for more than 320 KiB (256 KiB of entry data, or the zip's 64 KiB tail), and the
		// file was read about once: the stored binary became a slice of it, not a second read.
		expect(file.size).toBeGreaterThan(6 * 1024 * 1024);
		expect(Math.max(...reads)).toBeLessThanOrEqual(320 * 1024);
		const total = reads.reduce((sum, r) => sum + r, 0);
		expect(total).toBeLessThan(file.size * 1.05);
		expect(total).toBeGreaterThan(payload.length);

		const raw = db as unknown as { getAll(store: string): Promise<Record<string, unknown>[]> };
		const [blob] = await raw.getAll('blobs');
		const stored = new Uint8Array(await (blob!.blob as Blob).arrayBuffer());
		expect(await sha256Hex(stored)).toBe(await sha256Hex(payload));
		const [run] = await raw.getAll('runs');
		expect(run!.weights).toEqual(Float32Array.from([0.5, -2]));
	});
});
