// Text put into HTML by core (the report, the exported bundle's demo page, the embed snippet) goes through
// this one function, so a column named `<script>` prints as text wherever it lands.

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: unknown): string {
	return String(text).replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
