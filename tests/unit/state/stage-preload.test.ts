// The next stage's code, fetched ahead of the click: once per stage, at an idle moment within
// PRELOAD_WITHIN_MS when asked "soon", and asked again after a failed fetch.
import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/navigation', () => ({ preloadCode: vi.fn(async () => undefined) }));
vi.mock('$app/paths', () => ({ resolve: (path: string) => `/studio${path}` }));

const { PRELOAD_WITHIN_MS, createStagePreloader, preloadStage } =
	await import('../../../src/lib/state/stage-preload.ts');
const { preloadCode } = await import('$app/navigation');

describe('createStagePreloader', () => {
	it('fetches a stage once, however often it is asked', () => {
		const preload = vi.fn(async () => undefined);
		const stages = createStagePreloader(preload);
		stages.now('/train');
		stages.now('/train');
		stages.now('/data');
		expect(preload.mock.calls).toEqual([['/train'], ['/data']]);
		expect(stages.asked('/train')).toBe(true);
	});

	it('waits for an idle moment, at most PRELOAD_WITHIN_MS', () => {
		const preload = vi.fn(async () => undefined);
		let scheduled: { run: () => void; within: number } | undefined;
		const stages = createStagePreloader(preload, (run, within) => (scheduled = { run, within }));
		stages.soon('/data');
		expect(preload).not.toHaveBeenCalled();
		expect(scheduled!.within).toBe(PRELOAD_WITHIN_MS);
		scheduled!.run();
		expect(preload).toHaveBeenCalledWith('/data');
	});

	it('asks again after a failed fetch (a dropped connection), not after a good one', async () => {
		const preload = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
		const stages = createStagePreloader(preload);
		stages.now('/train');
		await vi.waitFor(() => expect(stages.asked('/train')).toBe(false));
		stages.now('/train');
		await Promise.resolve();
		stages.now('/train');
		expect(preload).toHaveBeenCalledTimes(2);
	});
});

describe('preloadStage', () => {
	it('preloads the route under the base path', () => {
		preloadStage('/train');
		expect(preloadCode).toHaveBeenCalledWith('/studio/train');
	});
});
