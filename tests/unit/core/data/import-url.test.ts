import { describe, expect, it } from 'vitest';
import { checkImportUrl } from '../../../../src/lib/core/data/import/import-url.ts';
import { BenchtopError } from '../../../../src/lib/core/errors.ts';

function refusal(text: string): BenchtopError {
	try {
		checkImportUrl(text);
	} catch (error) {
		if (error instanceof BenchtopError) return error;
		throw error;
	}
	throw new Error(`${text} was accepted`);
}

describe('checkImportUrl', () => {
	it('accepts http and https addresses, normalised', () => {
		expect(checkImportUrl('  https://example.org/data.csv ')).toBe('https://example.org/data.csv');
		expect(checkImportUrl('HTTP://Example.org/a b.csv')).toBe('http://example.org/a%20b.csv');
	});

	it.each([
		['javascript:alert(1)', 'javascript:'],
		['JavaScript:alert(document.cookie)', 'javascript:'],
		['vbscript:msgbox(1)', 'vbscript:'],
		['file:///etc/passwd', 'file:'],
		['blob:https://example.org/1234', 'blob:'],
		['data:text/csv,a,b', 'data:'],
		['ftp://example.org/x.csv', 'ftp:']
	])('refuses %s, naming its scheme', (text, scheme) => {
		const error = refusal(text);
		expect(error.code).toBe('bad-input');
		expect(error.message).toBe(
			`Links that start with “${scheme}” are not loaded. Only web addresses that start with http:// or https:// can be loaded.`
		);
	});

	it('refuses text that is no address, quoting it shortened', () => {
		const error = refusal('<img src=x onerror=alert(1)>');
		expect(error.message).toBe(
			'“<img src=x onerror=alert(1)>” is not a web address. Only web addresses that start with http:// or https:// can be loaded.'
		);
		expect(refusal('x'.repeat(500)).message).toContain(`“${'x'.repeat(60)}…”`);
		expect(refusal('data.csv').message).toContain('is not a web address');
	});

	it('refuses empty text and addresses with credentials', () => {
		expect(refusal('   ').message).toMatch(/^Type the address of a file\./);
		expect(refusal('https://user:secret@example.org/a.csv').message).toMatch(/user name or password/);
	});
});
