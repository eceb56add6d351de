// The report's stylesheet, inlined so the file needs nothing else: readable on screen, and with a print
// stylesheet so "print to PDF" gives one section per page start, no buttons and no clipped charts.

export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2933; --muted: #5f6b7a; --rule: #d5dbe2; --accent: #2563eb;
	--good: #15803d; --bad: #b91c1c; --warn: #b45309; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; color: var(--text); background: #fff;
	font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 2px solid var(--text); margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
section { margin: 0 0 2rem; }
nav ol { columns: 3; margin: 0 0 1.5rem; padding-left: 1.25rem; }
a { color: var(--accent); }
.muted, caption { color: var(--muted); }
caption { text-align: left; font-size: .85rem; padding-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.best { font-weight: 700; color: var(--good); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.steps li, ul.findings li { margin-bottom: .35rem; }
.severity { font-size: .75rem; font-weight: 700; text-transform: uppercase; margin-right: .4rem; }
.severity-problem { color: var(--bad); } .severity-warning { color: var(--warn); } .severity-info { color: var(--muted); }
.disabled { color: var(--muted); text-decoration: line-through; }
pre { background: #f5f7f9; padding: .75rem; overflow-x: auto; font-size: .8rem; }
figure { margin: 0 0 1.5rem; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
.bar { display: inline-block; height: .7rem; background: var(--accent); vertical-align: middle; }
footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
	body { max-width: none; padding: 0; font-size: 11pt; }
	nav, button, .no-print { display: none !important; }
	section { break-before: page; page-break-before: always; }
	section:first-of-type { break-before: auto; page-break-before: auto; }
	table, figure, tr, dl.facts { break-inside: avoid; page-break-inside: avoid; }
	h2, h3 { break-after: avoid; page-break-after: avoid; }
	a { color: inherit; text-decoration: none; }
	td.best { color: inherit; }
}
@page { margin: 16mm 14mm; }
`;
