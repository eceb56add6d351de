// The few HTML-writing helpers the report needs: every piece of text goes through `escapeHtml`, so a column
// named `<script>` prints as text and the file stays inert. Table text that a spreadsheet would run as a
// formula when the table is copied into one gets a leading single quote (csv-cell.ts, OWASP).
import { neutraliseFormula } from '../data/export/csv-cell.ts';
import { escapeHtml } from '../escape-html.ts';

export { escapeHtml };

/** A table of escaped cells; `header` cells become <th>. Cells given as `{ html }` are already markup. */
export type Cell = string | number | { html: string; className?: string };

function cell(tagName: 'td' | 'th', value: Cell): string {
	if (typeof value === 'object') {
		const classAttr = value.className ? ` class="${escapeHtml(value.className)}"` : '';
		return `<${tagName}${classAttr}>${value.html}</${tagName}>`;
	}
	if (typeof value === 'number') return `<${tagName} class="num">${escapeHtml(value)}</${tagName}>`;
	return `<${tagName}>${escapeHtml(neutraliseFormula(value))}</${tagName}>`;
}

export function table(header: Cell[], rows: Cell[][], caption?: string): string {
	const head = `<thead><tr>${header.map((h) => cell('th', h)).join('')}</tr></thead>`;
	const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('')}</tbody>`;
	return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${head}${body}</table>`;
}

/** Label–value pairs as a definition list. */
export function facts(pairs: [string, string | number][]): string {
	const items = pairs.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`);
	return `<dl class="facts">${items.join('')}</dl>`;
}

export function paragraph(text: string, className?: string): string {
	return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}

/** A number for reading: integers with separators, others to 4 significant digits; '—' for none. */
export function formatNumber(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '—';
	if (Number.isInteger(value)) return value.toLocaleString('en');
	return String(Number(value.toPrecision(4)));
}

/** A number cell, right-aligned, formatted for reading. */
export function numberCell(value: number | null | undefined): Cell {
	return { html: escapeHtml(formatNumber(value)), className: 'num' };
}

/** A right-aligned header cell, over a column of numbers. */
export function numberHeader(text: string): Cell {
	return { html: escapeHtml(text), className: 'num' };
}
