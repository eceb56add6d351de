// Quantiles of a column too big to sort cheaply, in memory that does not grow with it: a KLL sketch
// (Karnin, Lang & Liberty, 2016). Values land in level 0; a full level is sorted and every other value
// (starting at a random offset) moves up a level with twice the weight. Two sketches merge by pooling
// their levels and compacting again, so a column read in parts (row groups, workers) gives one sketch.
// The random offsets come from a seeded generator: the same values in the same order give the same
// sketch, and so the same quantiles, on every run.

/** Levels shrink geometrically below the top one by this factor (the paper's c). */
const SHRINK = 2 / 3;
/** No level holds fewer than this many values, so small levels still compact in useful steps. */
const MIN_LEVEL = 8;

/**
 * Sorts values[from, to) in place (no NaN). The engine's typed-array sort costs about 10 µs per call even
 * for a hundred values (measured in Node 20), and a sketch sorts thousands of small levels per column.
 */
function sortRange(values: Float64Array, from: number, to: number): void {
	while (to - from > 24) {
		const mid = (from + to) >>> 1;
		// Median of three as the pivot keeps sorted and reversed runs (promoted levels) fast.
		let a = values[from]!;
		let b = values[mid]!;
		let c = values[to - 1]!;
		if (a > b) [a, b] = [b, a];
		if (b > c) [b, c] = [c, b];
		if (a > b) [a, b] = [b, a];
		const pivot = b;
		let i = from;
		let j = to - 1;
		while (i <= j) {
			while (values[i]! < pivot) i++;
			while (values[j]! > pivot) j--;
			if (i <= j) {
				const t = values[i]!;
				values[i++] = values[j]!;
				values[j--] = t;
			}
		}
		// Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
		if (j + 1 - from < to - i) {
			sortRange(values, from, j + 1);
			from = i;
		} else {
			sortRange(values, i, to);
			to = j + 1;
		}
	}
	for (let i = from + 1; i < to; i++) {
		const x = values[i]!;
		let j = i - 1;
		while (j >= from && values[j]! > x) {
			values[j + 1] = values[j]!;
			j--;
		}
		values[j + 1] = x;
	}
}

/** The default accuracy: about ±0.25% of the rows in rank (see `rankErrorBound`). */
export const DEFAULT_K = 1024;

/**
 * The rank error the sketch keeps to, as a fraction of the values seen: a quantile for p lies between the
 * exact quantiles for p − bound and p + bound. This is the bound the tests check on seeded random data
 * (KLL's error is about 1.7 / k with high probability; 2.5 / k leaves room for the simple compactor here).
 */
export function rankErrorBound(k: number): number {
	return 2.5 / k;
}

/** What a sketch is, as plain data: it crosses worker boundaries and comes back with `KllSketch.from`. */
export interface KllState {
	k: number;
	count: number;
	min: number;
	max: number;
	/** The generator's state, so a sketch rebuilt from its state goes on exactly as the original would. */
	random: number;
	levels: Float64Array[];
}

export class KllSketch {
	readonly k: number;
	private levels: Float64Array[];
	/** How many values each level holds (the arrays are the levels' capacity). */
	private sizes: number[];
	private seen = 0;
	/** How many values the levels hold, and how many they may hold before a compaction (kept in step). */
	private held = 0;
	private room = 0;
	private low = Infinity;
	private high = -Infinity;
	private random: number;

	constructor(k = DEFAULT_K, seed = 1) {
		if (!Number.isInteger(k) || k < MIN_LEVEL)
			throw new RangeError(`A KLL sketch needs a whole k of at least ${MIN_LEVEL}, got ${k}.`);
		this.k = k;
		this.levels = [new Float64Array(k)];
		this.sizes = [0];
		// Any seed, zero included, gives a non-zero xorshift state.
		this.random = (seed ^ 0x9e3779b9) >>> 0 || 1;
		this.room = this.totalCapacity();
	}

	static from(state: KllState): KllSketch {
		const sketch = new KllSketch(state.k);
		sketch.seen = state.count;
		sketch.low = state.min;
		sketch.high = state.max;
		sketch.random = state.random;
		state.levels.forEach((items, h) => sketch.append(h, items, items.length));
		sketch.compress();
		return sketch;
	}

	state(): KllState {
		return {
			k: this.k,
			count: this.seen,
			min: this.low,
			max: this.high,
			random: this.random,
			levels: this.levels.map((items, h) => items.slice(0, this.sizes[h]))
		};
	}

	/** How many values the sketch has seen. */
	get count(): number {
		return this.seen;
	}

	/** How many values it keeps: its memory, which grows only with log(count). */
	get retained(): number {
		return this.held;
	}

	/** Adds one value; NaN (missing) is left out. */
	add(x: number): void {
		if (x !== x) return;
		if (x < this.low) this.low = x;
		if (x > this.high) this.high = x;
		this.seen++;
		if (this.sizes[0]! >= this.levels[0]!.length) this.grow(0, this.sizes[0]! + 1);
		this.levels[0]![this.sizes[0]!++] = x;
		if (++this.held > this.room) this.compress();
	}

	/** Adds every present value of an array, in order. */
	addAll(values: ArrayLike<number>): void {
		// The same steps as add() one by one, with the level-0 array and the counters held in locals.
		let level = this.levels[0]!;
		let size = this.sizes[0]!;
		let low = this.low;
		let high = this.high;
		for (let i = 0; i < values.length; i++) {
			const x = values[i]!;
			if (x !== x) continue;
			if (x < low) low = x;
			if (x > high) high = x;
			if (size >= level.length) {
				this.sizes[0] = size;
				this.grow(0, size + 1);
				level = this.levels[0]!;
			}
			level[size++] = x;
			this.seen++;
			if (++this.held > this.room) {
				this.sizes[0] = size;
				this.compress();
				level = this.levels[0]!;
				size = this.sizes[0]!;
			}
		}
		this.sizes[0] = size;
		this.low = low;
		this.high = high;
	}

	/** Takes in another sketch's values; the other is left as it was. Both must have the same k. */
	merge(other: KllSketch): void {
		if (other.k !== this.k)
			throw new RangeError(`Only sketches of the same k merge (this ${this.k}, the other ${other.k}).`);
		this.seen += other.seen;
		if (other.low < this.low) this.low = other.low;
		if (other.high > this.high) this.high = other.high;
		other.levels.forEach((items, h) => this.append(h, items, other.sizes[h]!));
		this.compress();
	}

	/** The smallest and largest values seen (exact, not estimated); NaN when none. */
	get min(): number {
		return this.seen === 0 ? NaN : this.low;
	}

	get max(): number {
		return this.seen === 0 ? NaN : this.high;
	}

	/**
	 * The value at fraction `p` of the way through the sorted values (0 the smallest, 1 the largest), within
	 * `rankErrorBound(k)` in rank; NaN when the sketch is empty. Ends are exact.
	 */
	quantile(p: number): number {
		return this.quantiles([p])[0]!;
	}

	/** Several quantiles from one sort of the retained values. */
	quantiles(ps: readonly number[]): number[] {
		if (this.seen === 0) return ps.map(() => NaN);
		const { values, weights } = this.weighted();
		const total = this.seen;
		return ps.map((p) => {
			if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile is between 0 and 1, got ${p}.`);
			if (p === 0) return this.low;
			if (p === 1) return this.high;
			// The value whose weighted rank (counting from 0, as in type-7 quantiles) covers p·(n − 1).
			const target = p * (total - 1);
			let below = 0;
			for (let i = 0; i < values.length; i++) {
				below += weights[i]!;
				if (below > target) return values[i]!;
			}
			return this.high;
		});
	}

	/** The retained values in order, each with its weight (2^level). */
	private weighted(): { values: Float64Array; weights: Float64Array } {
		const order: [number, number][] = [];
		this.levels.forEach((items, h) => {
			for (let i = 0; i < this.sizes[h]!; i++) order.push([items[i]!, 2 ** h]);
		});
		order.sort((a, b) => a[0] - b[0]);
		return {
			values: Float64Array.from(order, (o) => o[0]),
			weights: Float64Array.from(order, (o) => o[1])
		};
	}

	/** Level h's capacity: k at the top level, shrinking by SHRINK each level down. */
	private capacity(h: number): number {
		const depth = this.levels.length - 1 - h;
		return Math.max(MIN_LEVEL, Math.ceil(this.k * SHRINK ** depth));
	}

	private totalCapacity(): number {
		let total = 0;
		for (let h = 0; h < this.levels.length; h++) total += this.capacity(h);
		return total;
	}

	private grow(h: number, needed: number): void {
		const items = this.levels[h]!;
		if (needed <= items.length) return;
		const grown = new Float64Array(Math.max(needed, items.length * 2));
		grown.set(items.subarray(0, this.sizes[h]));
		this.levels[h] = grown;
	}

	private addLevel(): void {
		this.levels.push(new Float64Array(MIN_LEVEL));
		this.sizes.push(0);
		this.room = this.totalCapacity();
	}

	private append(h: number, items: Float64Array, count: number): void {
		while (this.levels.length <= h) this.addLevel();
		this.grow(h, this.sizes[h]! + count);
		this.levels[h]!.set(items.subarray(0, count), this.sizes[h]);
		this.sizes[h]! += count;
		this.held += count;
	}

	/**
	 * Compacts the lowest full level until the sketch fits its total capacity. While it holds more than
	 * the capacities add up to, some level is at or over its own, so there always is one to compact.
	 */
	private compress(): void {
		while (this.held > this.room) {
			let h = 0;
			while (this.sizes[h]! < this.capacity(h)) h++;
			this.compact(h);
		}
	}

	private nextBit(): number {
		let x = this.random;
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		this.random = x >>> 0;
		return this.random & 1;
	}

	/** Sorts level h and moves every other value of it up one level; an odd one out stays. */
	private compact(h: number): void {
		if (h + 1 === this.levels.length) this.addLevel();
		const size = this.sizes[h]!;
		const items = this.levels[h]!;
		sortRange(items, 0, size);
		const pairs = size >> 1;
		// The odd value out is kept at this level, the rest pair up.
		const start = size - 2 * pairs;
		const offset = this.nextBit();
		const promoted = new Float64Array(pairs);
		for (let i = 0; i < pairs; i++) promoted[i] = items[start + 2 * i + offset]!;
		this.sizes[h] = start;
		this.held -= size - start;
		this.append(h + 1, promoted, pairs);
	}
}
