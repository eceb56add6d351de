// A QR code drawn locally: uqr computes the module matrix, and this turns it into one SVG path (a unit
// square per dark module), so the component renders it as an attribute — never as HTML text.
import { encode } from 'uqr';

/** QR version 40 at low error correction holds 2,953 bytes; longer links get no code. */
export const QR_MAX_CHARS = 2_900;

export interface QrPath {
	/** Modules per side, the quiet border included. */
	size: number;
	d: string;
}

export function qrPath(text: string): QrPath | undefined {
	if (text.length > QR_MAX_CHARS) return undefined;
	let matrix: boolean[][];
	try {
		matrix = encode(text, { ecc: 'L', border: 2 }).data;
	} catch {
		return undefined;
	}
	let d = '';
	matrix.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		});
	});
	return { size: matrix.length, d };
}
