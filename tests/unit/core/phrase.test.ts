import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../src/lib/core/errors.ts';
import { isolated, isolateQuoted, name, nameList, phrase, phraseText } from '../../../src/lib/core/phrase.ts';

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

describe('isolated and isolateQuoted (names inside one string)', () => {
	const FSI = '\u2068';
	const PDI = '\u2069';
	const RLO = '\u202E';

	it('leaves names that cannot reorder anything exactly as they are', () => {
		expect(isolated('Iris flowers')).toBe('Iris flowers');
		expect(isolated('größe_m² (日本)')).toBe('größe_m² (日本)');
		expect(isolateQuoted('Column “species” is missing.')).toBe('Column “species” is missing.');
	});

	it('wraps a name holding an override or a right-to-left letter in FSI … PDI', () => {
		expect(isolated(`evil${RLO}target`)).toBe(`${FSI}evil${RLO}target${PDI}`);
		expect(isolated('שלום')).toBe(`${FSI}שלום${PDI}`);
		expect(isolated('a\u200Fb')).toBe(`${FSI}a\u200Fb${PDI}`);
	});

	it('keeps a name from closing its own isolate early: a stray PDI dropped, an open one closed', () => {
		expect(isolated(`x${PDI}${RLO}y`)).toBe(`${FSI}x${RLO}y${PDI}`);
		expect(isolated(`${FSI}x`)).toBe(`${FSI}${FSI}x${PDI}${PDI}`);
	});

	it('isolates each quoted name of a message, once', () => {
		const once = isolateQuoted(`Column “a${RLO}b” is not in “ok”.`);
		expect(once).toBe(`Column “${FSI}a${RLO}b${PDI}” is not in “ok”.`);
		expect(isolateQuoted(once)).toBe(once);
	});

	it('drops an override that a closing quote inside a name let out of its quotation', () => {
		expect(isolateQuoted(`Column “a”${RLO}b” is missing.`)).toBe('Column “a”b” is missing.');
	});

	it('is applied to every BenchtopError message', () => {
		const error = new BenchtopError('bad-input', `No column “${RLO}cat” here.`);
		expect(error.message).toBe(`No column “${FSI}${RLO}cat${PDI}” here.`);
		expect(new BenchtopError('bad-input', 'No column “cat” here.').message).toBe('No column “cat” here.');
	});
});
