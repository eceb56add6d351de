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
});
