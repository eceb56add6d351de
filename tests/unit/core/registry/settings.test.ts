import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openStudioDb } from '../../../../src/lib/core/registry/db.ts';
import { getSetting, setSetting } from '../../../../src/lib/core/registry/settings.ts';

describe('settings', () => {
	it('returns undefined for a key never set, and the last value set otherwise', async () => {
		const db = await openStudioDb({ factory: new IDBFactory() });
		expect(await getSetting(db, 'backend')).toBeUndefined();

		await setSetting(db, 'backend', 'webgpu');
		await setSetting(db, 'hints', { dismissed: ['split'], count: 2 });
		await setSetting(db, 'backend', 'wasm');

		expect(await getSetting<string>(db, 'backend')).toBe('wasm');
		expect(await getSetting<{ dismissed: string[]; count: number }>(db, 'hints')).toEqual({
			dismissed: ['split'],
			count: 2
		});
		expect(await db.count('settings')).toBe(2);
		db.close();
	});
});
