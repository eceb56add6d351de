// Aliases name the version to use: `champion`, `challenger`, or the person's own. Promoting to champion
// needs the version's validation gate to pass, or a written reason to override it. Every move is kept in
// a history (time, from, to, reason). Moves are serialised across tabs with a Web Lock around the
// read-check-write transaction, and announced to every other tab (model-events.ts) once committed.
import { BenchtopError } from '../errors.ts';
import type { StudioDb } from './db.ts';
import { CHAMPION } from './model-records.ts';
import type { AliasEventRecord, GateVerdict, ModelRecord } from './model-records.ts';
import { announceModelChange } from './model-events.ts';
import { newRecordId } from './record-id.ts';
import { toStorageError } from './storage-errors.ts';
import { inWriteTransaction, type WriteTransaction } from './write-transaction.ts';

const ALIAS_PATTERN = /^[a-z][a-z0-9_-]{0,39}$/;

/** An alias as stored: trimmed and lower-case; refused unless letters, digits, - and _ (40 at most). */
export function checkAliasName(alias: string): string {
	const name = alias.trim().toLowerCase();
	if (!ALIAS_PATTERN.test(name)) {
		throw new BenchtopError(
			'bad-input',
			`“${alias}” cannot be an alias: use a letter first, then letters, digits, - or _ (40 at most).`
		);
	}
	return name;
}

export interface AliasMove {
	modelId: string;
	alias: string;
	/** The version the alias will point at; null removes the alias. */
	versionId: string | null;
	/** Why, in words. Required to make a version champion when its gate did not pass. */
	reason?: string;
	/**
	 * The gate's verdict on the version now (the champion rule compares with today's champion); when
	 * omitted, the verdict stored with the version at save is used.
	 */
	gate?: GateVerdict | null;
}

/** The lock that serialises alias moves of one model across tabs and workers. */
export function aliasLockName(modelId: string): string {
	return `benchtop:model-aliases:${modelId}`;
}

type LockManagerLike = {
	request<T>(name: string, callback: () => Promise<T>): Promise<T>;
};

/** Runs `body` holding the named Web Lock where the platform has Web Locks; directly where it has none. */
export async function withLock<T>(name: string, body: () => Promise<T>): Promise<T> {
	const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
	if (!locks) return body();
	return locks.request(name, body);
}

/** Moves (sets, or with `versionId: null` removes) an alias; returns the event kept in the history. */
export async function moveAlias(db: StudioDb, move: AliasMove): Promise<AliasEventRecord> {
	return recordMove(db, move, 'set');
}

/**
 * Moves an alias back to the version it pointed at before its current one (previousTarget). The
 * earlier version held the alias once, so no gate is asked again; the reason is kept.
 */
export async function rollbackAlias(
	db: StudioDb,
	move: { modelId: string; alias: string; reason?: string }
): Promise<AliasEventRecord> {
	const alias = checkAliasName(move.alias);
	return withLock(aliasLockName(move.modelId), async () => {
		const event = await inWriteTransaction(db, ['models', 'modelVersions', 'aliasEvents'], async (tx) => {
			const model = await requireModel(await tx.objectStore('models').get(move.modelId));
			const current = model.aliases[alias] ?? null;
			const events = await tx.objectStore('aliasEvents').index('by-model').getAll(move.modelId);
			const target = previousTarget(events.filter((e) => e.alias === alias));
			if (target === null) {
				throw new BenchtopError('bad-input', `“${alias}” has no earlier version to roll back to.`);
			}
			if (!(await tx.objectStore('modelVersions').get(target))) {
				throw new BenchtopError(
					'not-found',
					`The version “${alias}” pointed at before was deleted: choose a version to move it to.`
				);
			}
			return write(
				tx,
				model,
				alias,
				current,
				target,
				'rollback',
				move.reason?.trim() || 'Rolled back.',
				false
			);
		});
		announceModelChange({ kind: 'alias', modelId: move.modelId, alias });
		return event;
	});
}

/** A model's alias moves, newest first. */
export async function aliasHistory(db: StudioDb, modelId: string): Promise<AliasEventRecord[]> {
	try {
		const events = await db.getAllFromIndex('aliasEvents', 'by-model', modelId);
		return events.sort((a, b) => b.seq - a.seq);
	} catch (error) {
		throw toStorageError(error);
	}
}

async function recordMove(db: StudioDb, move: AliasMove, kind: 'set'): Promise<AliasEventRecord> {
	const alias = checkAliasName(move.alias);
	const reason = move.reason?.trim() ?? '';
	return withLock(aliasLockName(move.modelId), async () => {
		const event = await inWriteTransaction(db, ['models', 'modelVersions', 'aliasEvents'], async (tx) => {
			const model = await requireModel(await tx.objectStore('models').get(move.modelId));
			const current = model.aliases[alias] ?? null;
			let override = false;
			if (move.versionId !== null) {
				const version = await tx.objectStore('modelVersions').get(move.versionId);
				if (!version || version.modelId !== model.id) {
					throw new BenchtopError('not-found', `That version of ${model.name} is no longer stored.`);
				}
				if (alias === CHAMPION && current !== move.versionId) {
					const gate = move.gate === undefined ? version.gate : move.gate;
					if (!gate?.pass) {
						if (reason === '') {
							throw new BenchtopError(
								'bad-input',
								`Version ${version.version} did not pass the validation gate` +
									(gate ? ` (${gate.reasons.join(' ')})` : ' (it was never checked)') +
									': write why it should be champion anyway, or pick a version that passes.'
							);
						}
						override = true;
					}
				}
			}
			if (current === move.versionId) {
				throw new BenchtopError('bad-input', `“${alias}” already points at that version.`);
			}
			const eventKind = move.versionId === null ? 'remove' : kind;
			return write(tx, model, alias, current, move.versionId, eventKind, reason, override);
		});
		announceModelChange({ kind: 'alias', modelId: move.modelId, alias });
		return event;
	});
}

type AliasTx = WriteTransaction<['models', 'modelVersions', 'aliasEvents']>;

async function write(
	tx: AliasTx,
	model: ModelRecord,
	alias: string,
	from: string | null,
	to: string | null,
	kind: AliasEventRecord['kind'],
	reason: string,
	override: boolean
): Promise<AliasEventRecord> {
	// A sequence number per model orders moves made within the same millisecond.
	const events = await tx.objectStore('aliasEvents').index('by-model').getAll(model.id);
	const seq = events.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
	const aliases = { ...model.aliases };
	if (to === null) delete aliases[alias];
	else aliases[alias] = to;
	const event: AliasEventRecord = {
		id: newRecordId(),
		modelId: model.id,
		alias,
		from,
		to,
		at: new Date().toISOString(),
		seq,
		kind,
		reason,
		override
	};
	await tx.objectStore('models').put({ ...model, aliases });
	await tx.objectStore('aliasEvents').put(event);
	return event;
}

/**
 * The version an alias held before its current one. The moves are replayed as a stack: a set (or a
 * removal) pushes, a rollback pops, so rolling back twice goes back two versions, not back and forth.
 */
export function previousTarget(
	events: readonly Pick<AliasEventRecord, 'seq' | 'kind' | 'to'>[]
): string | null {
	const held: (string | null)[] = [];
	for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
		if (event.kind === 'rollback') held.pop();
		else held.push(event.to);
	}
	return held.length >= 2 ? (held[held.length - 2] ?? null) : null;
}

function requireModel(model: ModelRecord | undefined): ModelRecord {
	if (!model) throw new BenchtopError('not-found', 'That model is no longer stored.');
	return model;
}
