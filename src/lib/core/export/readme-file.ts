// The bundle's README.md: how to call the model from a page, a Worker, Node, Deno, an edge function and
// the container, with the model's own columns and output shape as the example.
import type { ImageInput } from '../../runtime/plan.ts';
import type { BundleMetadata } from './model-module.ts';

function exampleRow(metadata: BundleMetadata): Record<string, string> {
	const row: Record<string, string> = {};
	for (const input of metadata.inputs.filter((c) => !metadata.targets.includes(c.name)).slice(0, 6))
		row[input.name] =
			input.type === 'date'
				? '2024-01-31'
				: input.type === 'boolean'
					? 'true'
					: input.type === 'integer' || input.type === 'number'
						? '1'
						: 'a value';
	return row;
}

function outputShape(metadata: BundleMetadata): string {
	if (metadata.task === 'classification')
		return `{ "label": "<class>", "probabilities": { ${(metadata.classes ?? [])
			.slice(0, 4)
			.map((c) => `${JSON.stringify(c)}: 0.…`)
			.join(', ')} } }`;
	if (metadata.task === 'clustering') return '{ "cluster": 0, "distance": 1.23 }';
	return `{ ${metadata.targets.map((t) => `${JSON.stringify(t)}: 12.3`).join(', ')} }`;
}

export function readmeFile(metadata: BundleMetadata, singleFile: boolean): string {
	const row = JSON.stringify(exampleRow(metadata));
	const columns = metadata.inputs
		.filter((c) => !metadata.targets.includes(c.name))
		.map(
			(c) =>
				`| \`${c.name.replace(/[|`]/g, '\\$&')}\` | ${c.type} | ${c.required ? 'yes' : 'no (the recipe fills or drops it)'} |`
		)
		.join('\n');
	if (metadata.image) return imageReadme(metadata, metadata.image, singleFile);
	return `# ${metadata.name.replace(/[<>]/g, '')}

A ${metadata.model.label} (${metadata.task}) exported by ${metadata.generatedBy}, with its fitted recipe: give it
raw rows exactly as the training file had them. No dependencies, no build step: the runtime is inside
\`model.js\`${singleFile ? ', and so are the weights (single-file variant)' : ', the weights are in `model.bin` beside it'}
(${metadata.quantize === 'none' ? 'float32' : metadata.quantize} weights).

## Input columns

| column | type | required |
| --- | --- | --- |
${columns}

Values may be text (read as the studio reads a file: \`NA\`, \`?\`, empty and similar are missing) or
numbers, booleans and dates. Each prediction is \`${outputShape(metadata)}\`; a row that cannot be predicted
gets \`{ "error": "<column>: <why>" }\` and the other rows still get their answers.

## Browser

\`\`\`html
<script type="module">
	import { predict, metadata } from './model.js';
	const [answer] = await predict([${row}]);
	console.log(answer);
</script>
\`\`\`

Or drop in the form: \`<benchtop-model src="./model.js"></benchtop-model>\` with
\`<script type="module" src="./benchtop-model.js"></script>\`; style it with \`--benchtop-accent\`,
\`--benchtop-font\`, \`--benchtop-gap\`, \`--benchtop-radius\`, \`--benchtop-border\` and
\`::part(form|field|label|input|button|result|error)\`. \`index.html\` is a demo: serve the folder over HTTP.

## Web Worker

\`\`\`js
// worker.js, started with new Worker('./worker.js', { type: 'module' })
import { predict } from './model.js';
self.onmessage = async (event) => self.postMessage(await predict(event.data));
\`\`\`

## Node (20 or later)

\`\`\`js
import { predict } from './model.js';
console.log(await predict([${row}]));
\`\`\`

\`(await load()).predict(rows)\` (also exported) predicts synchronously once the weights are read.

## Deno and edge functions

\`handler.js\` exports \`default { fetch(request) }\`: POST a JSON array of rows (or \`{ "rows": [...] }\`),
get \`{ "predictions": [...] }\`; a bad body gets a JSON \`{ "error": ... }\` with status 400.

\`\`\`sh
deno serve --allow-read handler.js
\`\`\`

Cloudflare Workers and similar runtimes import \`handler.js\` as the worker's module;
${singleFile ? 'this single-file variant needs no file access.' : 'export with `--single-file` there, so the weights travel inside model.js.'}
Dense networks compute in WebAssembly SIMD where the runtime may compile it; where it may not (Cloudflare
Workers, a page whose CSP lacks \`'wasm-unsafe-eval'\`), the same code falls back to plain JavaScript: the
same answers within about 1e-7, a few times slower.

## Node service and container

\`\`\`sh
node serve.js --port 8080          # POST /predict, GET /health, GET /metadata on 127.0.0.1
curl -s -X POST localhost:8080/predict -H 'content-type: application/json' -d '[${row}]'
docker build -t my-model . && docker run -p 8080:8080 my-model
\`\`\`

Bodies over 1 MB (\`--max-body\`) get 413, and requests time out after 30 s.
`;
}

/** An image model's README: rows are pictures, decoded by the caller (a canvas in a page or a Worker). */
function imageReadme(metadata: BundleMetadata, image: ImageInput, singleFile: boolean): string {
	return `# ${metadata.name.replace(/[<>]/g, '')}

An image classifier (${metadata.model.label}) exported by ${metadata.generatedBy}. No dependencies, no build step: the
runtime is inside \`model.js\`${singleFile ? ', and so are the weights' : ', the weights are in `model.bin` beside it'}.

## Input: one picture per row

\`await predict([{ image }])\`, where \`image\` is an ImageData-like \`{ width, height, data }\` (RGBA bytes, as
\`canvas.getContext('2d').getImageData(…)\` gives; \`data\` may be a plain array of 0–255 in JSON) or a
Float32Array of ${image.height * image.width * image.channels} numbers already prepared. A picture is cropped to its centre square, resized to
${image.height}×${image.width} (bilinear, half-pixel centres) and each RGB value v becomes v × ${image.scale.toPrecision(6)} + ${image.offset}, as the model was trained.
Each prediction is \`${outputShape(metadata)}\`; a row without a usable picture gets \`{ "error": "image: <why>" }\`.

## Browser

\`\`\`html
<input type="file" accept="image/*" id="picture">
<script type="module">
	import { predict } from './model.js';
	document.querySelector('#picture').addEventListener('change', async (event) => {
		const bitmap = await createImageBitmap(event.target.files[0]);
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d');
		context.drawImage(bitmap, 0, 0);
		const [answer] = await predict([{ image: context.getImageData(0, 0, bitmap.width, bitmap.height) }]);
		console.log(answer.label, answer.probabilities);
	});
</script>
\`\`\`

\`index.html\` is a demo page with a picture picker (\`<benchtop-model src="./model.js">\`); serve the folder over HTTP.

## Web Worker, Node, Deno, edge functions

The same \`predict([{ image }])\` runs anywhere JavaScript runs; outside a browser, decode the picture to RGBA bytes
with any decoder and pass \`{ width, height, data }\`. \`handler.js\` (\`export default { fetch }\`) and
\`node serve.js --port 8080\` (\`POST /predict\`) take the same rows as JSON (\`data\` as an array of numbers).
\`benchtop predict\` reads tables, so it refuses this bundle; predict pictures with \`model.js\` or in the studio.
`;
}
