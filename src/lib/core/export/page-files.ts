// The bundle's browser files: benchtop-model.js, a <benchtop-model src="./model.js"> custom element that
// draws a form from the model's input schema (a picture's file input for an image model, metadata.image)
// and shows its prediction, and index.html, a demo page using
// it. The element writes every name and value with textContent and attributes, never as HTML; the page's
// one piece of model text (its name) is escaped.
import { escapeHtml } from '../escape-html.ts';

export const ELEMENT_JS = `// <benchtop-model src="./model.js"></benchtop-model>: a form for the model's inputs and its prediction.
// Style it from outside with CSS custom properties (--benchtop-accent, --benchtop-font, --benchtop-gap,
// --benchtop-radius, --benchtop-border) and ::part(form | field | label | input | button | result | error).
const STYLE = \`
:host { display: block; font: var(--benchtop-font, 15px/1.4 system-ui, sans-serif); }
form { display: grid; gap: var(--benchtop-gap, 0.6rem); max-width: 32rem; }
label { display: grid; gap: 0.2rem; }
input, select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--benchtop-border, #888); border-radius: var(--benchtop-radius, 6px); }
button { font: inherit; padding: 0.45rem 0.9rem; border: 0; border-radius: var(--benchtop-radius, 6px); background: var(--benchtop-accent, #2457d6); color: #fff; cursor: pointer; justify-self: start; }
output { display: block; white-space: pre-wrap; }
[part~='error'] { color: var(--benchtop-error, #b00020); }
\`;

function field(input) {
	const label = document.createElement('label');
	label.part = 'field';
	const name = document.createElement('span');
	name.part = 'label';
	name.textContent = input.required ? input.name : \`\${input.name} (optional)\`;
	let control;
	if (input.type === 'boolean') {
		control = document.createElement('select');
		for (const value of ['', 'true', 'false']) control.append(new Option(value || '—', value));
	} else {
		control = document.createElement('input');
		control.type = input.type === 'integer' || input.type === 'number' ? 'number' : input.type === 'date' ? 'date' : 'text';
		if (control.type === 'number') control.step = 'any';
	}
	control.name = input.name;
	control.part = 'input';
	control.required = input.required;
	label.append(name, control);
	return label;
}

function imageField() {
	const label = document.createElement('label');
	label.part = 'field';
	const name = document.createElement('span');
	name.part = 'label';
	name.textContent = 'Picture';
	const control = document.createElement('input');
	control.type = 'file';
	control.accept = 'image/*';
	control.name = 'image';
	control.part = 'input';
	control.required = true;
	label.append(name, control);
	return label;
}
/** A picked picture's RGBA pixels, as the browser decodes it. */
async function pixels(file) {
	let bitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		throw new Error(\`\${file.name} is not a picture this browser can read\`);
	}
	const canvas = document.createElement('canvas');
	canvas.width = bitmap.width;
	canvas.height = bitmap.height;
	const context = canvas.getContext('2d');
	context.drawImage(bitmap, 0, 0);
	return context.getImageData(0, 0, canvas.width, canvas.height);
}
function describe(prediction, metadata) {
	if ('error' in prediction) return prediction.error;
	if ('label' in prediction) {
		const p = prediction.probabilities[prediction.label];
		return \`\${prediction.label} (\${(p * 100).toFixed(1)}%)\`;
	}
	if ('cluster' in prediction) return \`cluster \${prediction.cluster} (distance \${prediction.distance.toFixed(3)})\`;
	return metadata.targets.map((t) => \`\${t}: \${Number(prediction[t].toPrecision(6))}\`).join('\\n');
}

class BenchtopModel extends HTMLElement {
	async connectedCallback() {
		if (this.shadowRoot) return;
		const root = this.attachShadow({ mode: 'open' });
		const style = document.createElement('style');
		style.textContent = STYLE;
		const output = document.createElement('output');
		output.part = 'result';
		root.append(style, output);
		let model;
		try {
			model = await import(new URL(this.getAttribute('src') ?? './model.js', document.baseURI).href);
		} catch (error) {
			output.part = 'error';
			output.textContent = \`The model did not load: \${error.message}\`;
			return;
		}
		const { metadata } = model;
		const form = document.createElement('form');
		form.part = 'form';
		if (metadata.image) form.append(imageField());
		for (const input of metadata.inputs) if (!metadata.targets.includes(input.name)) form.append(field(input));
		const button = document.createElement('button');
		button.part = 'button';
		button.textContent = this.getAttribute('button-label') ?? 'Predict';
		form.append(button);
		root.insertBefore(form, output);
		form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const row = {};
			let prediction;
			try {
				for (const [name, value] of new FormData(form))
					if (typeof value !== 'string') row[name] = await pixels(value);
					else if (value !== '') row[name] = value;
				[prediction] = await model.predict([row]);
			} catch (error) {
				prediction = { error: error.message };
			}
			output.part = 'error' in prediction ? 'error' : 'result';
			output.textContent = describe(prediction, metadata);
			this.dispatchEvent(new CustomEvent('prediction', { detail: prediction, bubbles: true }));
		});
	}
}

if (!customElements.get('benchtop-model')) customElements.define('benchtop-model', BenchtopModel);
`;

export { escapeHtml };

export function indexHtml(name: string): string {
	const title = escapeHtml(name);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: prediction demo</title>
<style>
	body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }
	benchtop-model { --benchtop-accent: #2457d6; }
</style>
</head>
<body>
<h1>${title}</h1>
<p>Fill in a row (or pick a picture, for an image model) and predict. Serve this folder over HTTP (for example <code>npx serve .</code>); browsers do not load modules from <code>file:</code> pages.</p>
<benchtop-model src="./model.js"></benchtop-model>
<script type="module" src="./benchtop-model.js"></script>
</body>
</html>
`;
}
