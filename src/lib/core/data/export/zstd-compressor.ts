// The ZSTD compressor Parquet pages are written with: libzstd compiled to WebAssembly
// (@bokuweb/zstd-wasm). hyparquet-writer calls compressors synchronously, so the WebAssembly module is
// started once, here, before any page is written; every later call reuses it.
import { compress, init } from '@bokuweb/zstd-wasm';

/** zstd's own default: about as fast to write as Snappy on tables, and a third smaller. */
export const ZSTD_LEVEL = 3;

export type PageCompressor = (input: Uint8Array) => Uint8Array;

let ready: Promise<PageCompressor> | undefined;

/** The ZSTD page compressor, once its WebAssembly module has started (the first call starts it). */
export function loadZstdCompressor(): Promise<PageCompressor> {
	ready ??= init().then(
		() => (input: Uint8Array) => compress(input, ZSTD_LEVEL),
		(error: unknown) => {
			// A failed start is not remembered: the next export tries again.
			ready = undefined;
			throw error;
		}
	);
	return ready;
}
