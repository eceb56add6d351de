// One column filled straight from the file's UTF-8 bytes, with the same three stages as ColumnBuilder:
// a dictionary while it repeats few values (looked up by its bytes, so a repeated value never becomes a
// new string), then numbers read from the bytes if every value has been one, else one string per row.
import { NumericColumn, type NumericData, type TextOf } from './numeric-column.ts';
import { numericFromCodes, withCode } from './dictionary-codes.ts';
import type { RawColumn } from './raw-table.ts';

/** Past this many distinct values a dictionary stops paying off; it must also fit 16-bit codes. */
export const MAX_DICTIONARY = 4096;
/** Open addressing at most half full: 2 × 4096 slots. */
const SLOTS = 8192;
const FIRST_CAPACITY = 64;

/** A column's values as one part of a file parsed in pieces; plain data, so it crosses to a worker. */
export type ColumnPart =
	| { kind: 'dictionary'; codes: Uint16Array; entries: string[] }
	| { kind: 'numeric'; data: NumericData }
	| { kind: 'text'; values: string[] };

export class ByteColumn {
	length = 0;
	/** Slot → code + 1 (0: empty). Dropped when the column leaves its dictionary. */
	private slots: Int32Array | undefined = new Int32Array(SLOTS);
	private entries: string[] = [];
	/** Each entry's bytes, to compare a new value with without decoding it. */
	private entryBytes: Uint8Array[] = [];
	private codes = new Uint16Array(FIRST_CAPACITY);
	private numeric: NumericColumn | undefined;
	private strings: string[] | undefined;

	constructor(private readonly text: TextOf) {}

	pushBytes(bytes: Uint8Array, start: number, end: number): void {
		const slots = this.slots;
		if (slots === undefined) {
			this.length++;
			if (this.numeric !== undefined) {
				if (!this.numeric.pushBytes(bytes, start, end, this.text))
					this.leaveNumbers(this.text(bytes, start, end));
			} else this.strings!.push(this.text(bytes, start, end));
			return;
		}
		// FNV-1a over the value's bytes.
		let hash = 0x811c9dc5;
		for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
		let slot = hash & (SLOTS - 1);
		const size = end - start;
		for (;;) {
			const held = slots[slot]!;
			if (held === 0) break;
			const entry = this.entryBytes[held - 1]!;
			if (entry.length === size && sameBytes(entry, bytes, start)) {
				this.appendCode(held - 1);
				return;
			}
			slot = (slot + 1) & (SLOTS - 1);
		}
		const value = this.text(bytes, start, end);
		if (this.entries.length === MAX_DICTIONARY) {
			this.leaveDictionary(value);
			return;
		}
		const code = this.entries.length;
		slots[slot] = code + 1;
		this.entries.push(value);
		this.entryBytes.push(bytes.slice(start, end));
		this.appendCode(code);
	}

	/** A value that is not a plain byte range (quotes doubled inside it, text after a closing quote). */
	push(value: string): void {
		const bytes = new TextEncoder().encode(value);
		const slots = this.slots;
		if (slots !== undefined) {
			this.pushBytes(bytes, 0, bytes.length);
			return;
		}
		this.length++;
		if (this.numeric !== undefined) {
			if (!this.numeric.push(value)) this.leaveNumbers(value);
		} else this.strings!.push(value);
	}

	private appendCode(code: number): void {
		this.codes = withCode(this.codes, this.length++, code);
	}

	/** Too many distinct values for a dictionary: numbers if every value so far is one, else strings. */
	private leaveDictionary(value: string): void {
		const numeric = numericFromCodes(this.entries, this.codes, this.length, value);
		if (numeric) this.numeric = numeric;
		else {
			this.strings = this.dictionaryValues();
			this.strings.push(value);
		}
		this.length++;
		this.slots = undefined;
		this.entries = [];
		this.entryBytes = [];
		this.codes = new Uint16Array(0);
	}

	private leaveNumbers(value: string): void {
		this.strings = this.numeric!.materialize();
		this.strings.push(value);
		this.numeric = undefined;
	}

	private dictionaryValues(): string[] {
		const out = new Array<string>(this.length);
		for (let i = 0; i < this.length; i++) out[i] = this.entries[this.codes[i]!]!;
		return out;
	}

	part(): ColumnPart {
		if (this.numeric) return { kind: 'numeric', data: this.numeric.toData() };
		if (this.strings) return { kind: 'text', values: this.strings };
		return { kind: 'dictionary', codes: this.codes.subarray(0, this.length), entries: this.entries };
	}
}

function sameBytes(entry: Uint8Array, bytes: Uint8Array, start: number): boolean {
	for (let k = 0; k < entry.length; k++) if (entry[k] !== bytes[start + k]) return false;
	return true;
}

/** The column a part (or the parts of one column, in file order) makes, as a single parse would. */
export function joinColumnParts(parts: ColumnPart[]): RawColumn {
	if (parts.length === 1) return finishPart(parts[0]!);
	const dictionary = joinDictionaries(parts);
	if (dictionary) return dictionary;
	const numeric = new NumericColumn();
	const allNumbers = parts.every((part) => appendNumbers(numeric, part));
	if (allNumbers) return numeric.finish();
	const values: string[] = [];
	for (const part of parts) for (const value of partText(part)) values.push(value);
	return { kind: 'text', values };
}

function finishPart(part: ColumnPart): RawColumn {
	if (part.kind === 'numeric') return NumericColumn.fromData(part.data).finish();
	if (part.kind === 'text') return { kind: 'text', values: part.values };
	return { kind: 'dictionary', codes: part.codes, entries: part.entries };
}

/** One dictionary for every part, in the order values first appear, if it stays small enough. */
function joinDictionaries(parts: ColumnPart[]): RawColumn | undefined {
	if (!parts.every((part) => part.kind === 'dictionary')) return undefined;
	const index = new Map<string, number>();
	const entries: string[] = [];
	const remaps: Uint16Array[] = [];
	let length = 0;
	for (const part of parts) {
		const remap = new Uint16Array(part.entries.length);
		for (let code = 0; code < part.entries.length; code++) {
			const entry = part.entries[code]!;
			let joined = index.get(entry);
			if (joined === undefined) {
				if (entries.length === MAX_DICTIONARY) return undefined;
				joined = entries.length;
				index.set(entry, joined);
				entries.push(entry);
			}
			remap[code] = joined;
		}
		remaps.push(remap);
		length += part.codes.length;
	}
	const codes = new Uint16Array(length);
	let at = 0;
	parts.forEach((part, p) => {
		const remap = remaps[p]!;
		const partCodes = (part as { codes: Uint16Array }).codes;
		for (let i = 0; i < partCodes.length; i++) codes[at++] = remap[partCodes[i]!]!;
	});
	return { kind: 'dictionary', codes, entries };
}

function appendNumbers(numeric: NumericColumn, part: ColumnPart): boolean {
	if (part.kind === 'numeric') {
		numeric.appendData(part.data);
		return true;
	}
	for (const value of partText(part)) if (!numeric.push(value)) return false;
	return true;
}

function partText(part: ColumnPart): string[] {
	if (part.kind === 'text') return part.values;
	if (part.kind === 'numeric') return NumericColumn.fromData(part.data).materialize();
	const out = new Array<string>(part.codes.length);
	for (let i = 0; i < part.codes.length; i++) out[i] = part.entries[part.codes[i]!]!;
	return out;
}
