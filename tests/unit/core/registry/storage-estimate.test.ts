import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateStorage, requestPersistence } from '../../../../src/lib/core/registry/storage-estimate.ts';

describe('storage estimate and persistence', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('returns undefined where there is no navigator.storage', async () => {
		vi.stubGlobal('navigator', undefined);
		expect(await estimateStorage()).toBeUndefined();
		expect(await requestPersistence()).toBeUndefined();
		vi.stubGlobal('navigator', {});
		expect(await estimateStorage()).toBeUndefined();
		expect(await requestPersistence()).toBeUndefined();
	});

	it('reads usage and quota from navigator.storage.estimate', async () => {
		vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1234, quota: 5_000_000 }) } });
		expect(await estimateStorage()).toEqual({ usage: 1234, quota: 5_000_000 });
		vi.stubGlobal('navigator', { storage: { estimate: async () => ({}) } });
		expect(await estimateStorage()).toBeUndefined();
	});

	it('asks for persistence only when it is not already granted', async () => {
		const persist = vi.fn(async () => false);
		vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
		expect(await requestPersistence()).toBe(true);
		expect(persist).not.toHaveBeenCalled();

		vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
		expect(await requestPersistence()).toBe(false);
		expect(persist).toHaveBeenCalledOnce();

		vi.stubGlobal('navigator', {
			storage: {
				persist: async () => {
					throw new Error('denied');
				}
			}
		});
		expect(await requestPersistence()).toBeUndefined();
	});
});
