// Collects every Content-Security-Policy violation a page reports, three ways, across navigations: the
// document's `securitypolicyviolation` events (handed to the test through an exposed binding, which CSP
// does not govern), the console's "Refused to …" errors, and Chromium's DevTools issues of kind
// ContentSecurityPolicyIssue (these include eval refused inside code that catches the EvalError).
import type { Page } from '@playwright/test';

export interface CspWatch {
	/** Every violation seen so far, one line each. */
	violations: string[];
}

export async function watchCsp(page: Page): Promise<CspWatch> {
	const watch: CspWatch = { violations: [] };
	await page.exposeBinding('__reportCspViolation', (_source, line: string) => {
		watch.violations.push(`event: ${line}`);
	});
	await page.addInitScript(() => {
		const report = (window as unknown as { __reportCspViolation: (line: string) => void })
			.__reportCspViolation;
		document.addEventListener('securitypolicyviolation', (event) => {
			report(
				`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`
			);
		});
	});
	page.on('console', (message) => {
		const text = message.text();
		if (/Content Security Policy|Refused to/i.test(text)) watch.violations.push(`console: ${text}`);
	});
	page.on('pageerror', (error) => {
		if (/EvalError|Content Security Policy/i.test(error.message))
			watch.violations.push(`page error: ${error.message}`);
	});
	const cdp = await page.context().newCDPSession(page);
	cdp.on('Audits.issueAdded', ({ issue }) => {
		if (issue.code !== 'ContentSecurityPolicyIssue') return;
		const details = issue.details.contentSecurityPolicyIssueDetails;
		watch.violations.push(
			`devtools: ${details?.violatedDirective} ${details?.contentSecurityPolicyViolationType} ${details?.blockedURL ?? ''} ${details?.sourceCodeLocation?.url ?? ''}:${details?.sourceCodeLocation?.lineNumber ?? ''}`
		);
	});
	await cdp.send('Audits.enable');
	return watch;
}
