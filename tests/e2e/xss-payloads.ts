// The XSS corpus (issue 17): markup, script and URL payloads that would set `window.__xss` (or open a
// dialog) if any view put them into the page as HTML, plus the text tricks (right-to-left override,
// zero-width characters) that must come through as the same text. Planted as column names, cell and
// category values, the file name (so the data set's name) by xss-corpus.spec.ts.

/** Each sets window.__xss to its own mark, so a failure says which one ran. */
export const PAYLOADS = {
	img: `<img src=x onerror="window.__xss='img'">`,
	script: `<script>window.__xss='script'</script>`,
	svg: `<svg onload="window.__xss='svg'"></svg>`,
	js: `javascript:window.__xss='js'`,
	closeScript: `</script><script>window.__xss='json'</script>`,
	attribute: `"><img src=x onerror=window.__xss='attr'>`,
	rtl: 'label\u202Egnp.exe\u202C',
	zeroWidth: 'zero\u200Bwidth\u200D'
} as const;

/** Quotes a CSV field the RFC 4180 way. */
function field(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A classification table whose header and cells hold the payloads: two numeric features named by
 * payloads, a category column whose values are payloads, and a class column (named with RTL and
 * zero-width tricks) whose classes are payloads. The classes are told apart by the features, so a
 * model trains and the evaluation has a confusion matrix with payloads for labels.
 */
export function hostileCsv(rows = 90): string {
	const classes = [PAYLOADS.img, PAYLOADS.js, PAYLOADS.rtl];
	const categories = [PAYLOADS.script, PAYLOADS.svg, PAYLOADS.closeScript, PAYLOADS.attribute];
	const header = [PAYLOADS.img, PAYLOADS.svg, PAYLOADS.closeScript, `${PAYLOADS.zeroWidth} ${PAYLOADS.rtl}`];
	const lines = [header.map(field).join(',')];
	for (let i = 0; i < rows; i++) {
		const k = i % classes.length;
		const x = (k * 3 + ((i * 7) % 10) / 10).toFixed(2);
		const y = (k * 2 - ((i * 3) % 10) / 10).toFixed(2);
		lines.push([x, y, field(categories[i % categories.length]!), field(classes[k]!)].join(','));
	}
	return lines.join('\n') + '\n';
}

/** The file (and so the data set) name: a payload too. */
export const HOSTILE_FILE_NAME = `${PAYLOADS.img}${PAYLOADS.zeroWidth}.csv`;
