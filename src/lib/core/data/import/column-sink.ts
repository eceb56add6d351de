// Collects parsed fields straight into one builder per column (never rows): the first record is the
// header, empty lines are dropped and counted, ragged rows padded, skipped or counted for an error.
import { ColumnBuilder } from './column-builder.ts';
import type { FieldSink } from './delimited-parser.ts';

export type RaggedPolicy = 'error' | 'pad' | 'skip';

/** How many ragged rows are named by line in a message; the rest are counted. */
const LISTED_RAGGED = 5;

export interface RaggedRow {
	line: number;
	fields: number;
}

export class ColumnSink implements FieldSink {
	header: string[] | undefined;
	columns: ColumnBuilder[] = [];
	rows = 0;
	emptyLines = 0;
	ragged = 0;
	readonly firstRagged: RaggedRow[] = [];
	strayQuotes = 0;
	/** The line of the first field with text after its closing quote; 0 when none has. */
	firstStrayQuote = 0;
	private width = 0;
	private count = 0;
	private firstIsBlank = false;
	/** False once an import is bound to fail on ragged rows: from then on fields are counted, not kept. */
	private keeping = true;
	private pendingHeader: string[] = [];

	constructor(private readonly policy: RaggedPolicy) {}

	field(value: string, quoted: boolean): void {
		const j = this.count++;
		if (j === 0) this.firstIsBlank = !quoted && isBlank(value);
		if (this.header === undefined) this.pendingHeader.push(value);
		else if (j < this.width && this.keeping) this.columns[j]!.push(value);
	}

	strayQuote(line: number): void {
		if (this.strayQuotes++ === 0) this.firstStrayQuote = line;
	}

	endRecord(line: number): void {
		const count = this.count;
		this.count = 0;
		if (count === 1 && this.firstIsBlank) {
			this.emptyLines++;
			if (this.header === undefined) this.pendingHeader = [];
			else if (this.keeping) this.columns[0]!.pop();
			return;
		}
		if (this.header === undefined) {
			this.header = this.pendingHeader;
			this.width = this.header.length;
			this.columns = this.header.map(() => new ColumnBuilder());
			return;
		}
		if (count === this.width) {
			this.rows++;
			return;
		}
		this.ragged++;
		if (this.firstRagged.length < LISTED_RAGGED) this.firstRagged.push({ line, fields: count });
		if (!this.keeping) return;
		if (this.policy === 'pad') {
			// Short rows get missing values; long rows lose their extra fields (the notice says so).
			for (let j = count; j < this.width; j++) this.columns[j]!.push('');
			this.rows++;
			return;
		}
		for (let j = Math.min(count, this.width) - 1; j >= 0; j--) this.columns[j]!.pop();
		if (this.policy === 'error') {
			this.keeping = false;
			this.columns = [];
		}
	}
}

function isBlank(value: string): boolean {
	return value.length === 0 || (value.charCodeAt(0) <= 32 && value.trim() === '');
}
