// JSON nesting measured by a loop, so 100,000 levels get their own message, and the readers refuse it.
import { describe, expect, it } from 'vitest';
import { importTable } from '../../../../../src/lib/core/data/import/index.ts';
import { jsonNestsDeeperThan, requireJsonDepth } from '../../../../../src/lib/core/data/import/json-depth.ts';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('jsonNestsDeeperThan', () => {
	it('counts arrays and objects, never brackets inside strings', () => {
		expect(jsonNestsDeeperThan(nested(3), 3)).toBe(false);
		expect(jsonNestsDeeperThan(nested(4), 3)).toBe(true);
		expect(jsonNestsDeeperThan('[{"a": {"b": 1}}]', 2)).toBe(true);
		expect(jsonNestsDeeperThan('["[[[[", "\\"[[[["]', 1)).toBe(false);
		expect(jsonNestsDeeperThan(nested(100_000))).toBe(true);
	});

	it('requireJsonDepth names what it read', () => {
		expect(() => requireJsonDepth(nested(1001), 'model.json')).toThrow(
			'model.json nests arrays or objects more than 1,000 levels deep; no table or model needs that, so it is not read.'
		);
	});

	it('the JSON and JSON Lines readers refuse 100,000 levels with that message', async () => {
		const deep = `[{"a": ${nested(100_000)}}]`;
		await expect(importTable(new TextEncoder().encode(deep), { fileName: 'deep.json' })).rejects.toThrow(
			'The JSON nests arrays or objects more than 1,000 levels deep'
		);
		const lines = `{"a": 1}\n{"a": ${nested(100_000)}}\n`;
		await expect(importTable(new TextEncoder().encode(lines), { fileName: 'deep.jsonl' })).rejects.toThrow(
			'Line 2 nests arrays or objects more than 1,000 levels deep'
		);
		const fine = await importTable(new TextEncoder().encode('[{"a": [[1]]}]'), { fileName: 'ok.json' });
		expect(fine.table.numRows()).toBe(1);
	});
});
