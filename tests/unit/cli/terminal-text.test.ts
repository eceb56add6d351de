// Control characters shown as \u escapes; JSON stays the same value after escaping.
import { describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../../src/cli/terminal-text.ts';

describe('escapeTerminal', () => {
	it('shows ESC, BEL, CR, DEL, C1 and bidi overrides as escapes; keeps tab, newline and text', () => {
		expect(escapeTerminal('a\u001b]0;PWNED\u0007b')).toBe('a\\u001b]0;PWNED\\u0007b');
		expect(escapeTerminal('x\r\u007f\u009b\u202e')).toBe('x\\u000d\\u007f\\u009b\\u202e');
		expect(escapeTerminal('col\tumn\nnext «ü» 数')).toBe('col\tumn\nnext «ü» 数');
	});

	it('drops the isolates core puts around right-to-left names, but still escapes an override inside', () => {
		expect(escapeTerminal('trained on \u2068שלום\u2069 today')).toBe('trained on שלום today');
		expect(escapeTerminal('target \u2068evil\u202etarget\u2069 · 3')).toBe('target evil\\u202etarget · 3');
	});

	it('JSON output escaped is still the same JSON value', () => {
		const value = { name: 'a\u009b2J\u007f\u202e', n: 1, nested: ['\u001b[2J'] };
		const json = JSON.stringify(value, null, 2);
		const shown = escapeTerminal(json);
		expect(shown).not.toMatch(/[\u007f-\u009f\u202e]/);
		expect(JSON.parse(shown)).toEqual(value);
	});
});
