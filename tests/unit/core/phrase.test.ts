import { describe, expect, it } from 'vitest';
import { name, nameList, phrase, phraseText } from '../../../src/lib/core/phrase.ts';

describe('phrase', () => {
	const rtl = 'label\u202Egnp.exe';

	it('keeps each inserted name a part of its own and merges the text around it', () => {
		expect(phrase`stratified by ${name(rtl)} · ${70} % · seed ${'42'}`).toEqual([
			'stratified by ',
			{ name: rtl },
			' · 70 % · seed 42'
		]);
	});

	it('spreads an inserted phrase and drops empty text', () => {
		expect(phrase`${name('a')}${''} of ${nameList(['x', 'y'])}`).toEqual([
			{ name: 'a' },
			' of ',
			{ name: 'x' },
			', ',
			{ name: 'y' }
		]);
	});

	it('reads back as the plain text, names unchanged', () => {
		expect(phraseText(phrase`the sample “${name(rtl)}” (shipped)`)).toBe(`the sample “${rtl}” (shipped)`);
		expect(phraseText(nameList([]))).toBe('');
	});
});
