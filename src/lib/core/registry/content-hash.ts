// SHA-256 of a data set's bytes, as lower-case hex. Web Crypto only exists in secure contexts, and a
// studio served over plain http on a LAN still has to save data sets, so a portable version backs it up.

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
	0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
	0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
	0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2
]);

/** SHA-256 hex of `bytes`, with Web Crypto when the context allows it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
	if (!subtle) return sha256HexPortable(bytes);
	// digest() wants an ArrayBuffer-backed view; a view on a SharedArrayBuffer is copied first.
	const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
	return toHex(new Uint8Array(await subtle.digest('SHA-256', input)));
}

/** FIPS 180-4 SHA-256 in plain TypeScript: slower than Web Crypto, same answer. */
export function sha256HexPortable(bytes: Uint8Array): string {
	return new Sha256().update(bytes).hex();
}

/**
 * SHA-256 fed piece by piece, for bytes that never sit in memory whole (a backup's entries as they are
 * inflated). Web Crypto has no incremental digest.
 */
export class Sha256 {
	private readonly h = new Uint32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	private readonly w = new Uint32Array(64);
	private readonly block = new Uint8Array(64);
	private held = 0;
	private length = 0;

	update(bytes: Uint8Array): this {
		this.length += bytes.length;
		let at = 0;
		if (this.held > 0) {
			const take = Math.min(64 - this.held, bytes.length);
			this.block.set(bytes.subarray(0, take), this.held);
			this.held += take;
			at = take;
			if (this.held < 64) return this;
			compress(this.h, this.w, this.block, 0);
			this.held = 0;
		}
		for (; at + 64 <= bytes.length; at += 64) compress(this.h, this.w, bytes, at);
		this.block.set(bytes.subarray(at), 0);
		this.held = bytes.length - at;
		return this;
	}

	/** The digest as lower-case hex; the hash takes no more bytes after this. */
	hex(): string {
		// The tail: held bytes, 0x80, zeros, then the bit length as a 64-bit big-endian number.
		const rest = this.held;
		const tail = new Uint8Array(rest < 56 ? 64 : 128);
		tail.set(this.block.subarray(0, rest));
		tail[rest] = 0x80;
		const view = new DataView(tail.buffer);
		const bitLength = this.length * 8;
		view.setUint32(tail.length - 8, Math.floor(bitLength / 0x100000000));
		view.setUint32(tail.length - 4, bitLength >>> 0);
		for (let offset = 0; offset < tail.length; offset += 64) compress(this.h, this.w, tail, offset);
		const digest = new Uint8Array(32);
		const out = new DataView(digest.buffer);
		for (let i = 0; i < 8; i++) out.setUint32(i * 4, this.h[i]!);
		return toHex(digest);
	}
}

function compress(h: Uint32Array, w: Uint32Array, data: Uint8Array, offset: number): void {
	for (let i = 0; i < 16; i++) {
		const j = offset + i * 4;
		w[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
	}
	for (let i = 16; i < 64; i++) {
		const a = w[i - 15]!;
		const b = w[i - 2]!;
		const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
		const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
		w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
	}
	let a = h[0]!;
	let b = h[1]!;
	let c = h[2]!;
	let d = h[3]!;
	let e = h[4]!;
	let f = h[5]!;
	let g = h[6]!;
	let hh = h[7]!;
	for (let i = 0; i < 64; i++) {
		const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
		const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		hh = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	h[0] = h[0]! + a;
	h[1] = h[1]! + b;
	h[2] = h[2]! + c;
	h[3] = h[3]! + d;
	h[4] = h[4]! + e;
	h[5] = h[5]! + f;
	h[6] = h[6]! + g;
	h[7] = h[7]! + hh;
}

function rotr(x: number, n: number): number {
	return (x >>> n) | (x << (32 - n));
}

function toHex(bytes: Uint8Array): string {
	let hex = '';
	for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
	return hex;
}
