// Tells every other open tab that a model changed (an alias moved, a version was saved), so each page
// reloads what it shows. BroadcastChannel does not deliver to the sender, so the tab that made the change
// updates itself; where the platform has no BroadcastChannel, nothing is announced.

export const MODEL_EVENTS_CHANNEL = 'benchtop:models';

export type ModelChange =
	| { kind: 'alias'; modelId: string; alias: string }
	| { kind: 'version'; modelId: string; versionId: string }
	| { kind: 'deleted'; modelId: string };

type ChannelLike = {
	postMessage(message: unknown): void;
	close(): void;
	onmessage: ((event: { data: unknown }) => void) | null;
	/** Node only: lets the process exit while the channel is open. */
	unref?: () => void;
};

/** One channel kept open for posting: closing right after a post may drop the message in some engines. */
let sender: ChannelLike | undefined;

function openChannel(): ChannelLike | undefined {
	const Channel = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
	return Channel ? new Channel(MODEL_EVENTS_CHANNEL) : undefined;
}

/** Posts `change` to the other tabs. */
export function announceModelChange(change: ModelChange): void {
	if (!sender) {
		sender = openChannel();
		sender?.unref?.();
	}
	sender?.postMessage(change);
}

/** Calls `listener` with each change another tab announces; returns a function that stops listening. */
export function onModelChange(listener: (change: ModelChange) => void): () => void {
	const channel = openChannel();
	if (!channel) return () => undefined;
	channel.unref?.();
	channel.onmessage = (event) => {
		if (isModelChange(event.data)) listener(event.data);
	};
	return () => channel.close();
}

function isModelChange(value: unknown): value is ModelChange {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { kind?: unknown }).kind === 'string' &&
		typeof (value as { modelId?: unknown }).modelId === 'string'
	);
}
