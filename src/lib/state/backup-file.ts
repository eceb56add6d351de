// Where a backup's bytes go in the browser: straight to a file the person picks (File System Access, where
// the browser has it), so a workspace larger than memory never sits in memory; elsewhere into a Blob
// built from the chunks (browsers page large Blobs to disk) and downloaded.
import type { BackupSink } from '$lib/core/backup/index.ts';

interface SaveFilePicker {
	showSaveFilePicker?: (options: {
		suggestedName: string;
		types: { description: string; accept: Record<string, string[]> }[];
	}) => Promise<{ createWritable(): Promise<WritableStreamLike> }>;
}
interface WritableStreamLike {
	write(chunk: Uint8Array): Promise<void>;
	close(): Promise<void>;
	abort(): Promise<void>;
}

/**
 * Runs `write` with a sink to the chosen file (or a Blob), then finishes the file or downloads the Blob.
 * Returns false when the person cancelled the file picker.
 */
export async function saveBackup(
	fileName: string,
	write: (sink: BackupSink) => Promise<unknown>
): Promise<boolean> {
	const picker = (globalThis as SaveFilePicker).showSaveFilePicker;
	if (picker) {
		let handle;
		try {
			handle = await picker({
				suggestedName: fileName,
				types: [{ description: 'Benchtop backup', accept: { 'application/zip': ['.zip'] } }]
			});
		} catch (error) {
			if ((error as { name?: string }).name === 'AbortError') return false;
			throw error;
		}
		const stream = await handle.createWritable();
		try {
			await write((chunk) => stream.write(chunk));
			await stream.close();
		} catch (error) {
			await stream.abort().catch(() => undefined);
			throw error;
		}
		return true;
	}
	const parts: BlobPart[] = [];
	await write((chunk) => void parts.push(chunk.slice()));
	const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
	try {
		const link = document.createElement('a');
		link.href = url;
		link.download = fileName;
		document.body.append(link);
		link.click();
		link.remove();
	} finally {
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	}
	return true;
}
