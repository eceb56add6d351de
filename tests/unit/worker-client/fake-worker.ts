// A stand-in for a module worker: the API is exposed with comlink on the far end of a MessageChannel,
// and the test can crash it the way a real worker crashes (an `error` event on the Worker object).
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { expose } from 'comlink';
import type { WorkerLike } from '../../../src/lib/worker-client/worker-client.ts';

export interface FakeWorker extends WorkerLike {
	terminated: boolean;
	crash(message: string): void;
	/** What a real worker does when a message it sent cannot be deserialized. */
	messageError(): void;
}

export function createFakeWorker(api: object): FakeWorker {
	const { port1, port2 } = new MessageChannel();
	expose(api, port2 as unknown as Parameters<typeof expose>[1]);
	const page = port1 as MessagePort & FakeWorker;
	page.terminated = false;
	page.terminate = () => {
		page.terminated = true;
		port1.close();
		port2.close();
	};
	page.crash = (message: string) => {
		const event = new Event('error');
		Object.assign(event, { message });
		page.dispatchEvent(event);
	};
	page.messageError = () => page.dispatchEvent(new Event('messageerror'));
	return page;
}
