// The one module that opens Benchtop's IndexedDB database: its name and version, the cumulative
// migrations, and how a connection steps aside when another tab needs a newer schema.

import { unwrap, wrap } from 'idb';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { BenchtopError } from '../errors.ts';
import { ensureIdbClassesFor, globalFactory } from './idb-factory.ts';
import type { ModelVersionRecord } from './model-records.ts';
import type { BenchtopSchema } from './schema.ts';
import { summariseVersion } from './version-summary.ts';

export const DB_NAME = 'benchtop';
/** Raise by one with every schema change, and add an `if (oldVersion < N)` step to `upgradeSchema`. */
export const DB_VERSION = 4;

export type StudioDb = IDBPDatabase<BenchtopSchema>;
export type UpgradeTransaction = IDBPTransaction<
	BenchtopSchema,
	StoreNames<BenchtopSchema>[],
	'versionchange'
>;

export interface OpenStudioDbOptions {
	/** Defaults to `globalThis.indexedDB`; tests and the in-memory fallback pass fake-indexeddb's. */
	factory?: IDBFactory;
	name?: string;
	/** Another tab asked for a newer schema (or deleted the database): our connection is already closed. */
	onStale?: () => void;
	/** Our open waits for an older connection in another tab to close. */
	onBlocked?: () => void;
	/** The browser closed the connection itself, e.g. because the user cleared site data. */
	onTerminated?: () => void;
}

const UNAVAILABLE_MESSAGE = 'Benchtop could not open its storage in this browser.';

/**
 * Brings a database at `oldVersion` up to `DB_VERSION`. Steps are cumulative so that a database several
 * versions behind runs every step it missed, in order; a step never edits what an earlier one created
 * except through a later step.
 */
export function upgradeSchema(
	db: StudioDb,
	oldVersion: number,
	_newVersion: number | null,
	tx: UpgradeTransaction
): void {
	if (oldVersion < 1) {
		const datasets = db.createObjectStore('datasets', { keyPath: 'id' });
		// Unique: a data set version is identified by its bytes, so the same bytes are stored once.
		datasets.createIndex('by-hash', 'hash', { unique: true });
		datasets.createIndex('by-created', 'createdAt');
		db.createObjectStore('blobs', { keyPath: 'id' });
		db.createObjectStore('recipes', { keyPath: 'id' });
		db.createObjectStore('experiments', { keyPath: 'id' });
		db.createObjectStore('runs', { keyPath: 'id' });
		db.createObjectStore('models', { keyPath: 'id' });
		db.createObjectStore('artifacts', { keyPath: 'id' });
		db.createObjectStore('settings');
	}
	if (oldVersion < 2) {
		// Version 2: the Train page lists the runs of one experiment.
		tx.objectStore('runs').createIndex('by-experiment', 'experimentId');
	}
	if (oldVersion < 3) {
		// Version 3: the model registry. `models` existed since 1 but nothing wrote to it, so indexing it
		// now reads no old records; every earlier store is left as it was.
		tx.objectStore('models').createIndex('by-name', 'name', { unique: true });
		const versions = db.createObjectStore('modelVersions', { keyPath: 'id' });
		versions.createIndex('by-model', 'modelId');
		versions.createIndex('by-run', 'lineage.runId');
		versions.createIndex('by-dataset', 'lineage.datasetId');
		db.createObjectStore('versionArtifacts', { keyPath: 'id' });
		db.createObjectStore('aliasEvents', { keyPath: 'id' }).createIndex('by-model', 'modelId');
	}
	if (oldVersion < 4) {
		// Version 4: a small summary of each version for the Models list (version-summary.ts), written
		// from every version already stored, inside this upgrade: the upgrade commits with all of them or
		// none, so no tab ever sees a version without its summary.
		db.createObjectStore('versionSummaries', { keyPath: 'id' }).createIndex('by-model', 'modelId');
		summariseStoredVersions(tx);
	}
}

/**
 * Walks `modelVersions` with a cursor inside the upgrade transaction and writes each one's summary. Plain
 * IndexedDB requests chained from their own success events keep the upgrade transaction open until the
 * last is written (a promise in between could let it commit early).
 */
function summariseStoredVersions(tx: UpgradeTransaction): void {
	const raw = unwrap(tx) as IDBTransaction;
	const summaries = raw.objectStore('versionSummaries');
	const cursor = raw.objectStore('modelVersions').openCursor();
	cursor.onsuccess = () => {
		const at = cursor.result;
		if (!at) return;
		try {
			summaries.put(summariseVersion(at.value as ModelVersionRecord));
		} catch {
			// A record the registry never wrote (hand-made, damaged): it stays readable by id but is not
			// listed, rather than failing the upgrade and leaving Benchtop without its storage.
		}
		at.continue();
	};
}

/**
 * Opens (and if needed creates or migrates) the database. idb's `openDB` always uses the global
 * `indexedDB`, so this opens through the given factory and wraps the result with idb.
 */
export async function openStudioDb(options: OpenStudioDbOptions = {}): Promise<StudioDb> {
	const factory = options.factory ?? globalFactory();
	if (!factory) throw new BenchtopError('storage-unavailable', UNAVAILABLE_MESSAGE, 'No IndexedDB here.');
	await ensureIdbClassesFor(factory);

	let request: IDBOpenDBRequest;
	try {
		request = factory.open(options.name ?? DB_NAME, DB_VERSION);
	} catch (error) {
		// Some browsers throw right away in private mode or when storage is blocked (SecurityError).
		throw new BenchtopError('storage-unavailable', UNAVAILABLE_MESSAGE, describe(error));
	}
	request.addEventListener('upgradeneeded', (event) => {
		const transaction = request.transaction;
		if (!transaction) return;
		upgradeSchema(
			wrap(request.result) as unknown as StudioDb,
			event.oldVersion,
			event.newVersion,
			wrap(transaction) as unknown as UpgradeTransaction
		);
	});
	request.addEventListener('blocked', () => options.onBlocked?.());

	let db: StudioDb;
	try {
		db = (await wrap(request)) as unknown as StudioDb;
	} catch (error) {
		if (isNamed(error, 'VersionError')) {
			throw new BenchtopError(
				'newer-version',
				'A newer version of Benchtop is open in another tab. Reload this tab to use it.',
				describe(error)
			);
		}
		throw new BenchtopError('storage-unavailable', UNAVAILABLE_MESSAGE, describe(error));
	}
	if (unwrap(db) === undefined) {
		// idb did not recognise the connection (its classes were fixed before ours were installed).
		(db as unknown as IDBDatabase).close();
		throw new BenchtopError('storage-unavailable', UNAVAILABLE_MESSAGE, 'idb could not wrap the connection.');
	}

	db.addEventListener('versionchange', () => {
		// Closing at once lets the other tab's upgrade go ahead; this tab's code knows only the old schema.
		db.close();
		options.onStale?.();
	});
	db.addEventListener('close', () => options.onTerminated?.());
	return db;
}

function isNamed(error: unknown, name: string): boolean {
	return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

function describe(error: unknown): string {
	if (typeof error === 'object' && error !== null && 'name' in error) {
		return `${String(error.name)}: ${String((error as { message?: unknown }).message ?? '')}`;
	}
	return String(error);
}
