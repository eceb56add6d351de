// The bundle's answers equal the studio's (TF.js predictor, fitted recipe) on each family's test split,
// within 1e-5: through model.js and handler.js in plain Node in a child process, with no node_modules
// (dense networks through the WebAssembly path there; JS fallback parity is in runtime-layers.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	bundleFolder,
	CASES,
	expectSameAnswer,
	nodeJson,
	studioAnswer,
	trainCase
} from './bundle-fixtures.ts';

const SCRIPT = `
import { readFileSync } from 'node:fs';
import { predict, metadata, load } from './model.js';
import handler from './handler.js';
const rows = JSON.parse(readFileSync('./rows.json', 'utf8'));
const direct = await predict(rows);
const response = await handler.fetch(new Request('http://x/predict', { method: 'POST', body: JSON.stringify(rows) }));
const bad = await handler.fetch(new Request('http://x/predict', { method: 'POST', body: '{not json' }));
console.log(JSON.stringify({ direct, viaHandler: await response.json(), status: response.status,
	bad: { status: bad.status, body: await bad.json() }, task: metadata.task, engine: (await load()).engine, paths: process.env.NODE_PATH ?? null }));
`;

describe('edge bundle parity with the studio', () => {
	for (const c of CASES) {
		it(
			`${c.name}: model.js and handler.js equal the studio on the test split`,
			{ timeout: 120_000 },
			async () => {
				const trained = await trainCase(c);
				expect(trained.rows.length).toBeGreaterThan(0);
				const folder = await bundleFolder(trained.bundle);
				writeFileSync(join(folder, 'rows.json'), JSON.stringify(trained.rows));
				const result = nodeJson(folder, SCRIPT) as {
					direct: Record<string, unknown>[];
					viaHandler: { predictions: Record<string, unknown>[] };
					status: number;
					bad: { status: number; body: { error: string } };
					engine: string;
					paths: string | null;
				};
				expect(result.paths).toBeNull();
				// Dense networks run in WebAssembly in Node; images and centroids in JS.
				expect(result.engine).toBe(/cnn|kmeans/.test(c.name) ? 'js' : 'wasm');
				expect(result.direct).toHaveLength(trained.rows.length);
				expect(result.status).toBe(200);
				expect(result.viaHandler.predictions).toEqual(result.direct);
				expect(result.bad.status).toBe(400);
				expect(result.bad.body.error).toMatch(/not valid JSON/);
				result.direct.forEach((answer, i) =>
					expectSameAnswer(answer, studioAnswer(trained, i), `${c.name} row ${i}`)
				);
			}
		);
	}
});
