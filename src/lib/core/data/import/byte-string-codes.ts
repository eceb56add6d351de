// The codes of distinct byte strings, found by their bytes: an open-addressing hash table over one growing
// arena that keeps each distinct byte string once. It lets a text column's values be matched to their
// codes straight from a Parquet page, making a JS string only for a byte string not seen before.

/** FNV-1a over bytes [offset, offset + length). */
function hashOf(bytes: Uint8Array, offset: number, length: number): number {
	let hash = 0x811c9dc5;
	for (let i = offset; i < offset + length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
	return hash >>> 0;
}

export class ByteStringCodes {
	/** Entry index + 1 per slot (0: empty); the slot count is a power of two, at most half full. */
	private slots = new Int32Array(1 << 12);
	private arena = new Uint8Array(1 << 16);
	private used = 0;
	private readonly starts: number[] = [];
	private readonly lengths: number[] = [];
	private readonly hashes: number[] = [];
	private readonly codes: number[] = [];
	/** Where the last missed lookup would go: add() files its code there. */
	private pending: { hash: number; slot: number; bytes: Uint8Array; offset: number; length: number } = {
		hash: 0,
		slot: 0,
		bytes: new Uint8Array(0),
		offset: 0,
		length: 0
	};

	/** How many distinct byte strings are known. */
	get size(): number {
		return this.codes.length;
	}

	/** The code of bytes [offset, offset + length), or -1 when they were not seen (then call add). */
	find(bytes: Uint8Array, offset: number, length: number): number {
		const hash = hashOf(bytes, offset, length);
		const mask = this.slots.length - 1;
		let slot = hash & mask;
		for (;;) {
			const entry = this.slots[slot]! - 1;
			if (entry < 0) break;
			if (this.hashes[entry] === hash && this.equal(entry, bytes, offset, length)) return this.codes[entry]!;
			slot = (slot + 1) & mask;
		}
		this.pending = { hash, slot, bytes, offset, length };
		return -1;
	}

	/** Files `code` for the bytes the last find() missed. */
	add(code: number): void {
		const { hash, slot, bytes, offset, length } = this.pending;
		if (this.used + length > this.arena.length) {
			const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
			grown.set(this.arena.subarray(0, this.used));
			this.arena = grown;
		}
		this.arena.set(bytes.subarray(offset, offset + length), this.used);
		this.starts.push(this.used);
		this.lengths.push(length);
		this.hashes.push(hash);
		this.codes.push(code);
		this.used += length;
		this.slots[slot] = this.codes.length;
		if (this.codes.length * 2 > this.slots.length) this.grow();
	}

	private equal(entry: number, bytes: Uint8Array, offset: number, length: number): boolean {
		if (this.lengths[entry] !== length) return false;
		const start = this.starts[entry]!;
		for (let i = 0; i < length; i++) if (this.arena[start + i] !== bytes[offset + i]) return false;
		return true;
	}

	private grow(): void {
		const slots = new Int32Array(this.slots.length * 2);
		const mask = slots.length - 1;
		for (let entry = 0; entry < this.codes.length; entry++) {
			let slot = this.hashes[entry]! & mask;
			while (slots[slot] !== 0) slot = (slot + 1) & mask;
			slots[slot] = entry + 1;
		}
		this.slots = slots;
	}
}
