// The share dialog's QR code: uqr's matrix drawn as one SVG path, one unit square per dark module.
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QR_MAX_CHARS, qrPath } from '../../../src/lib/components/share/qr-path.ts';

describe('qrPath', () => {
	it('draws every dark module of the matrix, border included, and nothing else', () => {
		const text = 'https://example.org/share#share=bt1.abc';
		const qr = qrPath(text)!;
		const matrix = encode(text, { ecc: 'L', border: 2 }).data;
		expect(qr.size).toBe(matrix.length);
		const dark = matrix.flat().filter(Boolean).length;
		expect(qr.d.match(/M\d+ \d+h1v1h-1z/g)).toHaveLength(dark);
		// The quiet border stays light: no square starts in the first two rows or columns.
		expect(qr.d).not.toMatch(/M[01] /);
		expect(qr.d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
	});

	it('gives no code for a link longer than a QR code holds', () => {
		expect(qrPath('x'.repeat(QR_MAX_CHARS + 1))).toBeUndefined();
		expect(qrPath('x'.repeat(QR_MAX_CHARS))).toBeDefined();
	});
});
