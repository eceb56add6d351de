// Distinct-count estimate in fixed memory (HyperLogLog, 2^14 registers, about 0.8% error), for text
// columns with more distinct values than the profile is willing to keep in a dictionary.

const P = 14;
const M = 1 << P;
const ALPHA = 0.7213 / (1 + 1.079 / M);

export class HyperLogLog {
	private readonly registers = new Uint8Array(M);

	/** Adds a well-mixed 32-bit hash. */
	add(hash: number): void {
		const index = hash >>> (32 - P);
		// Leading zeros of the remaining bits, plus one; the guard bit caps the rank at 32 − P + 1.
		const rank = Math.clz32((hash << P) | (1 << (P - 1))) + 1;
		if (rank > this.registers[index]!) this.registers[index] = rank;
	}

	estimate(): number {
		let sum = 0;
		let zeros = 0;
		for (let i = 0; i < M; i++) {
			const r = this.registers[i]!;
			sum += 2 ** -r;
			if (r === 0) zeros++;
		}
		const raw = (ALPHA * M * M) / sum;
		// Small ranges: linear counting is far more accurate while many registers are still empty.
		if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
		return Math.round(raw);
	}
}
