// Excel writes, and honours, a first line "sep=;" that names a CSV file's delimiter: a hint for the
// reader, not a row. European Excel exports carry it, since their delimiter is not the comma.
import type { ImportNotice } from './import-types.ts';

/** `sep=` and one printable ASCII character other than a quote, maybe quoted, maybe repeated (a row of empty cells). */
const SEP_LINE = /^"?sep=([\t\x20\x21\x23-\x7e])"?\1*(\r\n|\n|\r)/i;

export interface ExcelSepLine {
	delimiter: string;
	/** Characters (and bytes: the line is ASCII) up to and with its line break. */
	length: number;
}

/** The delimiter a file's first line names for Excel, or undefined when it has no such line. */
export function excelSepLine(start: string): ExcelSepLine | undefined {
	const match = SEP_LINE.exec(start);
	return match ? { delimiter: match[1]!, length: match[0].length } : undefined;
}

/** What the person is told: the line was read as the hint it is, and whether its delimiter was used. */
export function sepLineNotice(line: ExcelSepLine, chosen: string): ImportNotice {
	const used = chosen === line.delimiter ? 'it was used' : 'the delimiter you picked was used instead';
	return {
		kind: 'info',
		message: `The first line, “sep=${line.delimiter === '\t' ? '\\t' : line.delimiter}”, is Excel’s note of the delimiter, not data: ${used}.`
	};
}
