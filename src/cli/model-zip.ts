// A model .zip on disk, read without trusting it: the capped, streamed reader lives in core
// (core/export/capped-zip.ts, shared with the studio's import); this file gives it the file's bytes
// through a descriptor, so only the entries the model needs are ever read from disk.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CappedZip, type ZipBytes } from '../lib/core/export/capped-zip.ts';

export { ZIP_LIMITS } from '../lib/core/export/capped-zip.ts';

function fileBytes(fd: number): ZipBytes {
	return {
		size: fstatSync(fd).size,
		read(offset, length) {
			const buffer = Buffer.alloc(length);
			const read = readSync(fd, buffer, 0, length, offset);
			return read === length ? buffer : buffer.subarray(0, read);
		}
	};
}

export class ModelZip extends CappedZip {
	private constructor(
		path: string,
		private readonly fd: number
	) {
		super(fileBytes(fd), path);
	}

	static open(path: string): ModelZip {
		const fd = openSync(path, 'r');
		try {
			return new ModelZip(path, fd);
		} catch (error) {
			closeSync(fd);
			throw error;
		}
	}

	close(): void {
		closeSync(this.fd);
	}
}
