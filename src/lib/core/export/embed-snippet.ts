// The copy-paste embed: a form with one field per input column of the model and a
// `<script type="module">` that imports the bundle's model.js and shows each prediction. Plain HTML and
// JavaScript, no framework, so it pastes into any page that serves the bundle folder beside it.
import { escapeHtml } from '../escape-html.ts';
import type { BundleMetadata } from './model-module.ts';

const html = escapeHtml;

/** Input fields by column type: numbers get a numeric keyboard, dates a date picker, the rest text. */
function field(column: BundleMetadata['inputs'][number]): string {
	const attributes =
		column.type === 'number' || column.type === 'integer'
			? ' inputmode="decimal"'
			: column.type === 'date'
				? ' type="date"'
				: '';
	const required = column.required ? ' required' : '';
	return `    <label>${html(column.name)} <input name="${html(column.name)}"${attributes}${required}></label>`;
}

export interface EmbedSnippetOptions {
	/** Where model.js is, as the embedding page sees it. */
	moduleUrl?: string;
	/** The form's id (several models on one page need different ids). */
	id?: string;
}

/**
 * The snippet for a bundle: the form, then the module script. An empty field is sent as missing (null), so
 * the recipe's imputation applies; a row the model cannot read shows the bundle's own message, and a model
 * that cannot load (its weights missing or damaged) shows why, never a blank output.
 */
export function embedSnippet(metadata: BundleMetadata, options: EmbedSnippetOptions = {}): string {
	const id = (options.id ?? 'benchtop-model').replace(/[^A-Za-z0-9_-]/g, '-');
	const url = options.moduleUrl ?? './model.js';
	if (metadata.image) return pictureSnippet(metadata, id, url);
	const inputs = metadata.inputs.filter((column) => !metadata.targets.includes(column.name));
	const describe =
		metadata.task === 'classification'
			? "r.label + ' (' + (100 * r.probabilities[r.label]).toFixed(1) + ' %)'"
			: metadata.task === 'clustering'
				? "'cluster ' + r.cluster + ' (distance ' + r.distance.toFixed(3) + ')'"
				: "Object.entries(r).map(([k, v]) => k + ': ' + v.toPrecision(4)).join(', ')";
	return `<form id="${id}">
  <fieldset>
    <legend>${html(metadata.name)}</legend>
${inputs.map(field).join('\n')}
    <button type="submit">Predict</button>
  </fieldset>
  <output for="${id}" aria-live="polite"></output>
</form>
<script type="module">
  import { predict } from ${JSON.stringify(url)};
  const form = document.getElementById(${JSON.stringify(id)});
  const output = form.querySelector('output');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const row = {};
    for (const [name, value] of new FormData(form)) row[name] = value === '' ? null : value;
    output.textContent = 'Predicting…';
    try {
      const [r] = await predict([row]);
      output.textContent = r.error ? 'Cannot predict: ' + r.error : ${describe};
    } catch (error) {
      // The model itself could not load (model.bin missing or damaged): say so instead of a blank output.
      output.textContent = 'Cannot predict: ' + (error instanceof Error ? error.message : String(error));
    }
  });
</script>
`;
}

/**
 * The snippet for an image model (metadata.image: each row is `{ image }`): a picture's file input; the
 * picked file is decoded by the browser into RGBA pixels (ImageData), predicted, and every class's
 * probability shown, most likely first. A file the browser cannot decode says so.
 */
function pictureSnippet(metadata: BundleMetadata, id: string, url: string): string {
	const { width, height } = metadata.image!;
	return `<form id="${id}">
  <fieldset>
    <legend>${html(metadata.name)}</legend>
    <label>Picture (${width}×${height} after cropping to its centre square) <input name="image" type="file" accept="image/*" required></label>
    <button type="submit">Predict</button>
  </fieldset>
  <output for="${id}" aria-live="polite"></output>
</form>
<script type="module">
  import { predict } from ${JSON.stringify(url)};
  const form = document.getElementById(${JSON.stringify(id)});
  const output = form.querySelector('output');
  // The picture's RGBA pixels as the browser decodes it; the model crops, resizes and scales them itself.
  async function pixels(file) {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    return context.getImageData(0, 0, canvas.width, canvas.height);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.image.files[0];
    if (!file) return;
    output.textContent = 'Predicting…';
    let image;
    try {
      image = await pixels(file);
    } catch {
      output.textContent = 'Cannot predict: ' + file.name + ' is not a picture this browser can read';
      return;
    }
    try {
      const [r] = await predict([{ image }]);
      output.textContent = r.error
        ? 'Cannot predict: ' + r.error
        : Object.entries(r.probabilities)
            .sort((a, b) => b[1] - a[1])
            .map(([name, p]) => name + ' ' + (100 * p).toFixed(1) + ' %')
            .join(', ');
    } catch (error) {
      output.textContent = 'Cannot predict: ' + (error instanceof Error ? error.message : String(error));
    }
  });
</script>
`;
}
