// The version comes from package.json, the one place it is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCHTOP_VERSION } from '../../../src/lib/core/version.ts';

describe('BENCHTOP_VERSION', () => {
	it("is package.json's version", () => {
		const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
		expect(BENCHTOP_VERSION).toBe(version);
		expect(BENCHTOP_VERSION).toMatch(/^\d+\.\d+\.\d+/);
	});
});
