import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../../sample-datasets/${name}`, import.meta.url));

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('benchtop profile', () => {
	it('prints one JSON object with rows, typed columns and issues', async () => {
		const { io, out } = capture();
		expect(await main(['profile', sample('cars.csv'), '--json'], io)).toBe(0);
		const report = JSON.parse(out.join('\n')) as {
			rows: number;
			columns: { name: string; type: string; missing: number; unique: number; mean: number | null }[];
			issues: { kind: string; columns: string[] }[];
		};
		expect(report.rows).toBe(406);
		const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
		expect(byName.Miles_per_Gallon).toMatchObject({ type: 'number', missing: 8 });
		expect(byName.Origin).toMatchObject({ type: 'category', unique: 3 });
		expect(byName.Year?.type).toBe('date');
		expect(byName.Cylinders?.mean).toBeCloseTo(5.4754, 3);
		for (const column of report.columns) {
			expect(['integer', 'number', 'boolean', 'date', 'category', 'text']).toContain(column.type);
		}
		expect(report.issues.length).toBeGreaterThan(0);
	});

	it('says when a unique count is an estimate: exact up to 100,000 distinct values, a sketch past them', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-profile-'));
		const file = join(dir, 'wide.csv');
		const rows = Array.from({ length: 120_000 }, (_, i) => `k${i},${i % 3 ? 'a' : 'b'}`);
		writeFileSync(file, `key,group\n${rows.join('\n')}\n`);
		const { io, out } = capture();
		expect(await main(['profile', file, '--json'], io)).toBe(0);
		const columns = JSON.parse(out.join('\n')).columns as {
			name: string;
			unique: number;
			uniqueApprox: boolean;
		}[];
		const key = columns.find((c) => c.name === 'key')!;
		expect(key.uniqueApprox).toBe(true);
		// HyperLogLog with the profile's precision is within a few percent.
		expect(Math.abs(key.unique - 120_000) / 120_000).toBeLessThan(0.05);
		expect(columns.find((c) => c.name === 'group')).toMatchObject({ unique: 2, uniqueApprox: false });

		const text = capture();
		expect(await main(['profile', file], text.io)).toBe(0);
		expect(text.out.join('\n')).toMatch(/^key\s+text\s+0\s+≈\d+/m);
		expect(text.out.join('\n')).toContain('≈ an estimate');
	}, 60_000);

	it('reads Parquet and Arrow with the same core', async () => {
		for (const file of ['table.parquet', 'table.arrow']) {
			const { io, out } = capture();
			expect(await main(['profile', fixture(file), '--json'], io)).toBe(0);
			expect(JSON.parse(out.join('\n')).rows).toBe(6);
		}
	});

	it('prints a readable profile without --json', async () => {
		const { io, out } = capture();
		expect(await main(['profile', sample('iris.csv')], io)).toBe(0);
		expect(out[0]).toBe('iris.csv: 150 rows × 5 columns (csv)');
		expect(out.join('\n')).toMatch(/species\s+category\s+0\s+3/);
	});

	it('a bad file prints one line with where it went wrong and exits 1', async () => {
		const { io, out, err } = capture();
		expect(await main(['profile', fixture('unterminated-quote.csv'), '--json'], io)).toBe(1);
		expect(out).toEqual([]);
		expect(err).toHaveLength(1);
		expect(err[0]).toMatch(/^benchtop: A quoted field that starts on line 3\b.* is never closed/);
	});

	it('a missing file or a missing argument is an error, not a stack trace', async () => {
		const missing = capture();
		expect(await main(['profile', '/nonexistent/x.csv'], missing.io)).toBe(1);
		expect(missing.err).toEqual(['benchtop: no such file: /nonexistent/x.csv']);
		const none = capture();
		expect(await main(['profile'], none.io)).toBe(1);
		expect(none.err[0]).toMatch(/^benchtop: profile needs a file/);
	});

	it('--recipe profiles the prepared table', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-recipe-'));
		const recipe = join(dir, 'recipe.json');
		writeFileSync(
			recipe,
			JSON.stringify({
				version: 1,
				steps: [
					{ op: 'filter', params: { conditions: [{ column: 'Horsepower', operator: 'is-present' }] } },
					{ op: 'drop', params: { columns: ['Name'] } },
					{ op: 'scale', params: { columns: ['Horsepower'] } },
					{ op: 'encode', params: { columns: ['Origin'] } }
				]
			})
		);
		const { io, out } = capture();
		expect(await main(['profile', sample('cars.csv'), '--recipe', recipe, '--json'], io)).toBe(0);
		const report = JSON.parse(out.join('\n')) as {
			rows: number;
			columns: { name: string; missing: number; mean: number | null; std: number | null }[];
		};
		expect(report.rows).toBe(400);
		const names = report.columns.map((c) => c.name);
		expect(names).not.toContain('Name');
		expect(names).toEqual(expect.arrayContaining(['Origin=USA', 'Origin=Japan', 'Origin=Europe']));
		const horsepower = report.columns.find((c) => c.name === 'Horsepower')!;
		expect(horsepower.missing).toBe(0);
		expect(horsepower.mean).toBeCloseTo(0, 10);
		// StandardScaler divides by the population deviation, so the sample deviation is sqrt(n / (n - 1)).
		expect(horsepower.std).toBeCloseTo(Math.sqrt(400 / 399), 10);
	});

	it('a bad recipe names the file and the step', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'benchtop-recipe-'));
		const broken = join(dir, 'broken.json');
		writeFileSync(broken, '{ "version": 1, "steps": [');
		const badStep = join(dir, 'bad-step.json');
		writeFileSync(
			badStep,
			JSON.stringify({ version: 1, steps: [{ op: 'scale', params: { columns: ['Nope'] } }] })
		);
		const unknown = join(dir, 'unknown.json');
		writeFileSync(unknown, JSON.stringify({ version: 1, steps: [{ op: 'eval', params: {} }] }));

		const cases: [string, RegExp][] = [
			[broken, /^benchtop: .*broken\.json is not JSON/],
			[badStep, /^benchtop: Step 1 \(Scale numbers\): Column “Nope” is not in the table at this step/],
			[unknown, /^benchtop: .*unknown\.json: Step 1: “eval” is not a recipe step Benchtop knows/]
		];
		for (const [file, message] of cases) {
			const { io, out, err } = capture();
			expect(await main(['profile', sample('cars.csv'), '--recipe', file], io)).toBe(1);
			expect(out).toEqual([]);
			expect(err).toHaveLength(1);
			expect(err[0]).toMatch(message);
		}
		const option = capture();
		expect(await main(['profile', sample('cars.csv'), '--recipes', 'x'], option.io)).toBe(1);
		expect(option.err[0]).toMatch(/^benchtop: Unknown option '--recipes' for profile/);
	});
});
