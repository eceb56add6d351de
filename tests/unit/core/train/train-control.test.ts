import { describe, expect, it } from 'vitest';
import { TrainControl } from '../../../../src/lib/core/train/train-control.ts';

const settled = async (promise: Promise<unknown>) => {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setTimeout(resolve, 5));
	return done;
};

describe('TrainControl', () => {
	it('lets the loop through while running, holds it while paused, releases it on resume', async () => {
		const control = new TrainControl();
		expect(control.state).toBe('running');
		expect(await settled(control.whilePaused())).toBe(true);
		control.pause();
		expect(control.state).toBe('paused');
		const waiting = control.whilePaused();
		expect(await settled(waiting)).toBe(false);
		control.resume();
		expect(control.state).toBe('running');
		expect(await settled(waiting)).toBe(true);
	});

	it('releases a paused loop on stop, and stays stopped', async () => {
		const control = new TrainControl();
		control.pause();
		const waiting = control.whilePaused();
		control.stop();
		expect(await settled(waiting)).toBe(true);
		expect(control.stopped).toBe(true);
		control.resume();
		control.pause();
		expect(control.state).toBe('stopped');
	});

	it('counts the time spent paused, the pause under way included', async () => {
		const control = new TrainControl();
		expect(control.pausedMs).toBe(0);
		control.pause();
		await new Promise((resolve) => setTimeout(resolve, 40));
		const during = control.pausedMs;
		expect(during).toBeGreaterThanOrEqual(35);
		control.resume();
		const after = control.pausedMs;
		await new Promise((resolve) => setTimeout(resolve, 30));
		// Running again: the count stands still.
		expect(control.pausedMs).toBe(after);
		control.pause();
		await new Promise((resolve) => setTimeout(resolve, 20));
		control.stop();
		expect(control.pausedMs).toBeGreaterThanOrEqual(after + 15);
	});

	it('tells its listeners each change of state until they stop listening', () => {
		const control = new TrainControl();
		const heard: string[] = [];
		const stopListening = control.subscribe((state) => heard.push(state));
		control.pause();
		control.pause();
		control.resume();
		stopListening();
		control.stop();
		expect(heard).toEqual(['paused', 'running']);
	});
});
