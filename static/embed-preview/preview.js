// Runs the embed snippet the Export page posts, as a pasted snippet would run: model.js becomes a blob:
// module, the snippet's import of './model.js' points at it, its form goes into the body and its module
// script runs. Only messages from the parent page are read; nothing is sent back but a status line. One
// frame runs one snippet: a second message would replace the form while its module script is still loading,
// and a click in that gap would reach a form with no handler.
const parentWindow = window.parent;
let taken = false;

window.addEventListener('message', async (event) => {
	if (event.source !== parentWindow || typeof event.data !== 'object' || event.data === null) return;
	const { modelJs, snippet, moduleUrl } = event.data;
	if (typeof modelJs !== 'string' || typeof snippet !== 'string' || typeof moduleUrl !== 'string') return;
	if (taken) return;
	taken = true;
	try {
		const model = URL.createObjectURL(new Blob([modelJs], { type: 'text/javascript' }));
		const template = document.createElement('template');
		template.innerHTML = snippet;
		const scripts = [...template.content.querySelectorAll('script')];
		for (const script of scripts) script.remove();
		document.body.replaceChildren(template.content);
		// The form is in the page before its module script has run (the script looks it up), so its
		// controls wait disabled until then: a Predict pressed in that gap reached no handler and did nothing.
		const waiting = [...document.body.querySelectorAll('input, select, textarea, button')].filter(
			(control) => !control.disabled
		);
		for (const control of waiting) control.disabled = true;
		for (const script of scripts) {
			const code = script.textContent.split(JSON.stringify(moduleUrl)).join(JSON.stringify(model));
			await import(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
		}
		for (const control of waiting) control.disabled = false;
		parentWindow.postMessage({ embedPreview: 'ready' }, '*');
	} catch (error) {
		const message = document.createElement('p');
		message.textContent = `The preview could not run: ${error instanceof Error ? error.message : String(error)}`;
		document.body.replaceChildren(message);
		parentWindow.postMessage({ embedPreview: 'failed' }, '*');
	}
});
// The frame is as tall as what it shows, told to the page (it cannot read an opaque-origin frame): a
// fixed-height frame hid the answer below the Predict button, and a wide table's form below the fold.
const body = document.body;
new ResizeObserver(() => {
	const margin = parseFloat(getComputedStyle(body).marginBottom) || 0;
	parentWindow.postMessage(
		{ embedPreviewHeight: Math.ceil(body.getBoundingClientRect().bottom + margin) },
		'*'
	);
}).observe(body);
parentWindow.postMessage({ embedPreview: 'loaded' }, '*');
