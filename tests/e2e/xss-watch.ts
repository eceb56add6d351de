// The watch the XSS specs share: anything that would mean a payload became markup or ran, across
// navigations and frames. The payloads (xss-payloads.ts) set `window.__xss`; a setter here reports it. An
// element added with an inline handler or a javascript: link is caught as it is added (in the document;
// the bundle's <benchtop-model> draws in a shadow root, where the flag and the dialog watch still hold),
// and so is any dialog.
import type { Page } from '@playwright/test';

/** Everything that would mean a payload became markup, across navigations. */
export async function watchInjection(page: Page): Promise<string[]> {
	const seen: string[] = [];
	await page.exposeBinding('__reportInjection', (_source, line: string) => void seen.push(line));
	page.on('dialog', (dialog) => {
		seen.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
	await page.addInitScript(() => {
		const report = (window as unknown as { __reportInjection: (line: string) => void }).__reportInjection;
		Object.defineProperty(window, '__xss', {
			set: (value: unknown) => report(`window.__xss = ${String(value)}`),
			get: () => undefined
		});
		const check = (node: Node) => {
			if (!(node instanceof Element)) return;
			for (const element of [node, ...node.querySelectorAll('*')]) {
				for (const { name, value } of element.attributes) {
					const inline = name.startsWith('on');
					const scriptUrl = /^\s*javascript:/i.test(value) && /^(href|src|action|xlink:href)$/.test(name);
					if (inline || scriptUrl) report(`<${element.localName} ${name}="${value}">`);
				}
				if (element.localName === 'script' && element.textContent?.includes('__xss'))
					report(`<script>${element.textContent}</script>`);
			}
		};
		new MutationObserver((records) => {
			for (const record of records) {
				record.addedNodes.forEach(check);
				if (record.type === 'attributes') check(record.target);
			}
		}).observe(document, { childList: true, subtree: true, attributes: true });
	});
	return seen;
}
