// How many distinct numbers a column holds, in bounded memory: counted exactly in an open-addressing set
// of the values up to MAX_EXACT_DISTINCT, then estimated with HyperLogLog (every value seen so far is
// added to it first), the same bound and sketch as text columns. For columns too big to sort.
import { MAX_EXACT_DISTINCT } from './column-data.ts';
import { hashNumber } from './hash.ts';
import { HyperLogLog } from './hyperloglog.ts';

/** Twice the most values the exact set holds, as a power of two: probes stay short. */
const SLOTS = 1 << Math.ceil(Math.log2(2 * MAX_EXACT_DISTINCT));

export class DistinctNumbers {
	private keys: Float64Array | null = new Float64Array(SLOTS);
	private used: Uint8Array | null = new Uint8Array(SLOTS);
	private size = 0;
	private sketch: HyperLogLog | null = null;

	/** Adds one present value (not NaN). */
	add(x: number): void {
		const hash = hashNumber(x);
		if (this.sketch) {
			this.sketch.add(hash);
			return;
		}
		const keys = this.keys!;
		const used = this.used!;
		const value = x === 0 ? 0 : x;
		let slot = hash & (SLOTS - 1);
		while (used[slot]) {
			if (keys[slot] === value) return;
			slot = (slot + 1) & (SLOTS - 1);
		}
		if (this.size === MAX_EXACT_DISTINCT) {
			this.overflow();
			this.sketch!.add(hash);
			return;
		}
		used[slot] = 1;
		keys[slot] = value;
		this.size++;
	}

	/** Past the bound: the values kept so far go into the sketch, and the set is let go. */
	private overflow(): void {
		const sketch = new HyperLogLog();
		for (let slot = 0; slot < SLOTS; slot++) if (this.used![slot]) sketch.add(hashNumber(this.keys![slot]!));
		this.sketch = sketch;
		this.keys = null;
		this.used = null;
	}

	/** Whether `count` is an estimate. */
	get approximate(): boolean {
		return this.sketch !== null;
	}

	get count(): number {
		// The estimate never says fewer than the values already known distinct.
		return this.sketch ? Math.max(this.sketch.estimate(), MAX_EXACT_DISTINCT) : this.size;
	}
}
