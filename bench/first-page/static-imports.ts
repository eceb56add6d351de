// The modules a built chunk imports statically (`import … from`, `import "…"`, `export … from`): those
// load before the chunk runs. Dynamic `import()` is left out, since it loads later or not at all.
import { parseAst } from 'vite';

export function staticImports(source: string, fileName: string): string[] {
	const specifiers: string[] = [];
	for (const node of parseAst(source, undefined, fileName).body) {
		if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') {
			specifiers.push(String(node.source.value));
		} else if (node.type === 'ExportNamedDeclaration' && node.source) {
			specifiers.push(String(node.source.value));
		}
	}
	return specifiers;
}
