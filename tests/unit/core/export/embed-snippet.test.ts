// The embed snippet: one field per input column (targets left out), names escaped in the HTML and in the
// script, the module imported from where it is asked, and a script that is valid JavaScript.
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../../../src/lib/core/export/embed-snippet.ts';
import type { BundleMetadata } from '../../../../src/lib/core/export/model-module.ts';

const metadata = (task: BundleMetadata['task']): BundleMetadata => ({
	format: 'benchtop-bundle',
	version: 1,
	name: 'Iris <MLP>',
	task,
	model: { family: 'mlp', label: 'MLP' },
	inputs: [
		{ name: 'petal "length"', type: 'number', required: true },
		{ name: 'when', type: 'date', required: false },
		{ name: 'species', type: 'category', required: true }
	],
	targets: ['species'],
	classes: task === 'classification' ? ['a', 'b'] : null,
	quantize: 'none',
	weightBytes: 4,
	weightsSha256: '0'.repeat(64),
	generatedBy: 'test'
});

const script = (snippet: string) =>
	snippet.slice(snippet.indexOf('<script type="module">') + 22, snippet.indexOf('</script>'));

describe('embedSnippet', () => {
	it('a field per input column, the target left out, names escaped, required where the model needs it', () => {
		const snippet = embedSnippet(metadata('classification'));
		expect(snippet).toContain('<legend>Iris &lt;MLP&gt;</legend>');
		expect(snippet).toContain(
			'<label>petal &quot;length&quot; <input name="petal &quot;length&quot;" inputmode="decimal" required></label>'
		);
		expect(snippet).toContain('<label>when <input name="when" type="date"></label>');
		expect(snippet).not.toContain('name="species"');
		expect(snippet).toContain('import { predict } from "./model.js";');
	});

	it('the module script is valid JavaScript for every task, importing from the URL asked', async () => {
		for (const task of ['classification', 'regression', 'clustering'] as const) {
			const snippet = embedSnippet(metadata(task), {
				moduleUrl: 'https://example.org/m/model.js',
				id: 'my form!'
			});
			expect(snippet).toContain('<form id="my-form-">');
			const code = script(snippet);
			expect(code).toContain('import { predict } from "https://example.org/m/model.js";');
			await expect(transform(code, { format: 'esm', loader: 'js' })).resolves.toBeTruthy();
		}
		await expect(
			transform('import { x } from "./m.js"; x(', { format: 'esm', loader: 'js' })
		).rejects.toThrow();
	});

	it('an image model gets a picture input decoded to ImageData and predicted as { image }, classes listed', async () => {
		const image: BundleMetadata = {
			...metadata('classification'),
			name: 'Pets',
			inputs: [],
			targets: ['label'],
			classes: ['Cat', 'Dog'],
			image: { height: 224, width: 224, channels: 3, scale: 1 / 127.5, offset: -1 }
		};
		const snippet = embedSnippet(image);
		expect(snippet).toContain('<input name="image" type="file" accept="image/*" required>');
		expect(snippet).toContain('Picture (224×224 after cropping to its centre square)');
		const code = script(snippet);
		expect(code).toContain('context.getImageData(0, 0, canvas.width, canvas.height)');
		expect(code).toContain('await predict([{ image }])');
		expect(code).toContain('Object.entries(r.probabilities)');
		await expect(transform(code, { format: 'esm', loader: 'js' })).resolves.toBeTruthy();
		// A table model's snippet has no picture input.
		expect(embedSnippet(metadata('classification'))).not.toContain('type="file"');
	});

	it('the submit handler shows the answer, or why the model could not load, never a blank output', async () => {
		// The module script run against stand-ins for the page (form, FormData) and for model.js's predict.
		const run = async (task: BundleMetadata['task'], predict: () => Promise<unknown[]>) => {
			const code = script(embedSnippet(metadata(task))).replace('import { predict } from "./model.js";', '');
			const output = { textContent: '' };
			let submit: ((event: { preventDefault(): void }) => Promise<void>) | undefined;
			const form = {
				querySelector: () => output,
				addEventListener: (_: string, f: typeof submit) => (submit = f)
			};
			const document = { getElementById: () => form };
			class FormData {
				*[Symbol.iterator]() {
					yield ['petal "length"', '1.5'];
					yield ['when', ''];
				}
			}
			new Function('document', 'FormData', 'predict', code)(document, FormData, predict);
			const pending = submit!({ preventDefault() {} });
			expect(output.textContent).toBe('Predicting…');
			await pending;
			return output.textContent;
		};
		expect(
			await run('classification', async () => [{ label: 'b', probabilities: { a: 0.25, b: 0.75 } }])
		).toBe('b (75.0 %)');
		expect(await run('regression', async () => [{ error: 'petal "length" is not a number' }])).toBe(
			'Cannot predict: petal "length" is not a number'
		);
		expect(await run('regression', () => Promise.reject(new Error('model.bin: HTTP 404')))).toBe(
			'Cannot predict: model.bin: HTTP 404'
		);
	});
});
