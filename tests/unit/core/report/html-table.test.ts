// Issue 14 item 9: a report's table copied into a spreadsheet must not run a class label or a value.
import { describe, expect, it } from 'vitest';
import { table } from '../../../../src/lib/core/report/html.ts';

describe('report table cells', () => {
	it('escape markup and neutralise formula-like text, leaving numbers and plain text alone', () => {
		const html = table(
			['label', '=HYPERLINK("x")'],
			[
				['@SUM(1)', 3],
				['-1', -2],
				['<b>', 'setosa']
			]
		);
		expect(html).toContain('<th>&#39;=HYPERLINK(&quot;x&quot;)</th>');
		expect(html).toContain('<td>&#39;@SUM(1)</td><td class="num">3</td>');
		expect(html).toContain('<td>-1</td><td class="num">-2</td>');
		expect(html).toContain('<td>&lt;b&gt;</td><td>setosa</td>');
	});
});
