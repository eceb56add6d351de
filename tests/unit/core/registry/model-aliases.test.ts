import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import {
	aliasHistory,
	aliasLockName,
	checkAliasName,
	moveAlias,
	rollbackAlias,
	withLock
} from '../../../../src/lib/core/registry/model-aliases.ts';
import { onModelChange, type ModelChange } from '../../../../src/lib/core/registry/model-events.ts';
import { saveModelVersion } from '../../../../src/lib/core/registry/model-versions.ts';
import { fakeLayers, fakeRun } from './model-fixtures.ts';

async function threeVersions() {
	const db = await openStudioDb({ factory: new IDBFactory() });
	const save = (day: number, pass: boolean) =>
		saveModelVersion(db, {
			modelName: 'm',
			run: fakeRun('d1', `2026-01-0${day}T00:00:00Z`),
			artifact: fakeLayers([day]),
			gate: {
				pass,
				reasons: [pass ? 'test accuracy meets ≥ 0.9.' : 'test accuracy 0.5 does not meet ≥ 0.9.']
			}
		});
	return { db, v1: await save(1, true), v2: await save(2, true), v3: await save(3, false) };
}

describe('model aliases', () => {
	it('promotes, records every move in order and rolls back to the previous version', async () => {
		const { db, v1, v2 } = await threeVersions();
		const modelId = v1.modelId;
		await moveAlias(db, { modelId, alias: 'champion', versionId: v1.id, reason: 'first' });
		await moveAlias(db, { modelId, alias: 'Champion', versionId: v2.id });
		expect((await db.get('models', modelId))!.aliases).toEqual({ champion: v2.id });

		const back = await rollbackAlias(db, { modelId, alias: 'champion', reason: 'v2 regressed' });
		expect(back).toMatchObject({ from: v2.id, to: v1.id, kind: 'rollback', reason: 'v2 regressed' });
		expect((await db.get('models', modelId))!.aliases).toEqual({ champion: v1.id });

		const history = await aliasHistory(db, modelId);
		expect(history.map((e) => [e.seq, e.kind, e.from, e.to])).toEqual([
			[3, 'rollback', v2.id, v1.id],
			[2, 'set', v1.id, v2.id],
			[1, 'set', null, v1.id]
		]);
		// Rolled back to v1, whose own move came from nothing: there is nothing earlier.
		await expect(rollbackAlias(db, { modelId, alias: 'champion' })).rejects.toThrow(/no earlier version/);
		db.close();
	});

	it('refuses a failing version as champion unless a reason is written, and marks the override', async () => {
		const { db, v3 } = await threeVersions();
		const modelId = v3.modelId;
		await expect(moveAlias(db, { modelId, alias: 'champion', versionId: v3.id })).rejects.toThrow(
			/Version 3 did not pass the validation gate \(test accuracy 0.5 does not meet ≥ 0.9.\): write why/
		);
		// A fresh verdict passed by the caller wins over the stored one.
		await expect(
			moveAlias(db, {
				modelId,
				alias: 'champion',
				versionId: v3.id,
				gate: { pass: false, reasons: ['worse than the champion.'] }
			})
		).rejects.toThrow(/worse than the champion/);
		expect(await aliasHistory(db, modelId)).toEqual([]);
		const event = await moveAlias(db, {
			modelId,
			alias: 'champion',
			versionId: v3.id,
			reason: 'only one trained on the new data'
		});
		expect(event).toMatchObject({ override: true, reason: 'only one trained on the new data', from: null });
		// Challenger and custom aliases need no gate.
		const custom = await moveAlias(db, { modelId, alias: 'canary', versionId: v3.id });
		expect(custom.override).toBe(false);
		db.close();
	});

	it('serialises two moves made at once: one history, both moves in it, the last one wins', async () => {
		const { db, v1, v2 } = await threeVersions();
		const modelId = v1.modelId;
		const [a, b] = await Promise.all([
			moveAlias(db, { modelId, alias: 'champion', versionId: v1.id }),
			moveAlias(db, { modelId, alias: 'champion', versionId: v2.id })
		]);
		// The second move saw the first one's result as its `from`.
		expect(b.from).toBe(a.to);
		expect((await db.get('models', modelId))!.aliases.champion).toBe(b.to);
		expect((await aliasHistory(db, modelId)).map((e) => e.seq)).toEqual([2, 1]);
		db.close();
	});

	it('checks alias names and refuses a move to where the alias already points', async () => {
		expect(checkAliasName(' Staging_2 ')).toBe('staging_2');
		expect(() => checkAliasName('2x')).toThrow(/cannot be an alias/);
		expect(() => checkAliasName('a b')).toThrow(/cannot be an alias/);
		const { db, v1 } = await threeVersions();
		await moveAlias(db, { modelId: v1.modelId, alias: 'challenger', versionId: v1.id });
		await expect(
			moveAlias(db, { modelId: v1.modelId, alias: 'challenger', versionId: v1.id })
		).rejects.toThrow(/already points at that version/);
		await expect(moveAlias(db, { modelId: 'nope', alias: 'x', versionId: v1.id })).rejects.toMatchObject({
			code: 'not-found'
		});
		db.close();
	});

	it('announces a move to other listeners on the channel', async () => {
		const { db, v1 } = await threeVersions();
		const heard: ModelChange[] = [];
		const stop = onModelChange((change) => heard.push(change));
		await moveAlias(db, { modelId: v1.modelId, alias: 'champion', versionId: v1.id });
		await new Promise((resolve) => setTimeout(resolve, 50));
		stop();
		expect(heard).toContainEqual({ kind: 'alias', modelId: v1.modelId, alias: 'champion' });
		db.close();
	});

	it('runs a locked body one at a time under one lock name', async () => {
		const order: string[] = [];
		const slow = (tag: string) =>
			withLock(aliasLockName('m'), async () => {
				order.push(`${tag} start`);
				await new Promise((resolve) => setTimeout(resolve, 10));
				order.push(`${tag} end`);
			});
		await Promise.all([slow('a'), slow('b')]);
		// With Web Locks (browsers) the bodies never interleave; Node has no navigator.locks before v22.
		if ((globalThis as { navigator?: { locks?: unknown } }).navigator?.locks) {
			expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
		} else {
			expect(order.sort()).toEqual(['a end', 'a start', 'b end', 'b start']);
		}
	});
});
