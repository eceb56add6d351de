// Sorts a Float64Array in linear time: least-significant-digit radix sort over the numbers' bits,
// four passes of 16 bits, after mapping each double to an unsigned key that sorts the same way.
// For a million values it beats the engine's comparison sort by a wide margin; NaN must be absent.

const DIGITS = 1 << 16;

export function radixSortFloat64(values: Float64Array): Float64Array {
	const n = values.length;
	let a: Uint32Array<ArrayBufferLike> = new Uint32Array(values.buffer, values.byteOffset, n * 2);
	let b: Uint32Array<ArrayBufferLike> = new Uint32Array(n * 2);
	// Negative numbers: flip every bit (larger magnitude sorts first); positive: flip the sign bit.
	for (let i = 0; i < n; i++) {
		const hi = a[2 * i + 1]!;
		if (hi & 0x80000000) {
			a[2 * i + 1] = ~hi;
			a[2 * i] = ~a[2 * i]!;
		} else a[2 * i + 1] = hi | 0x80000000;
	}
	const counts = new Uint32Array(DIGITS * 4);
	for (let i = 0; i < n; i++) {
		const lo = a[2 * i]!;
		const hi = a[2 * i + 1]!;
		counts[lo & 0xffff]!++;
		counts[DIGITS + (lo >>> 16)]!++;
		counts[2 * DIGITS + (hi & 0xffff)]!++;
		counts[3 * DIGITS + (hi >>> 16)]!++;
	}
	for (let pass = 0; pass < 4; pass++) {
		const offset = pass * DIGITS;
		let sum = 0;
		let single = false;
		for (let d = 0; d < DIGITS; d++) {
			const c = counts[offset + d]!;
			if (c === n) single = true;
			counts[offset + d] = sum;
			sum += c;
		}
		// Every key has the same digit here (common in the high bits): the pass would change nothing.
		if (single) continue;
		const word = pass >> 1;
		const shift = (pass & 1) * 16;
		for (let i = 0; i < n; i++) {
			const d = (a[2 * i + word]! >>> shift) & 0xffff;
			const j = counts[offset + d]!++;
			b[2 * j] = a[2 * i]!;
			b[2 * j + 1] = a[2 * i + 1]!;
		}
		const t = a;
		a = b;
		b = t;
	}
	for (let i = 0; i < n; i++) {
		const hi = a[2 * i + 1]!;
		if (hi & 0x80000000) a[2 * i + 1] = hi & 0x7fffffff;
		else {
			a[2 * i + 1] = ~hi;
			a[2 * i] = ~a[2 * i]!;
		}
	}
	return new Float64Array(a.buffer, a.byteOffset, n);
}
