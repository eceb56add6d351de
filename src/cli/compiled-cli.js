// Whether the compiled CLI in dist/cli/ may run: build-cli.js lists the files it was built from and when,
// and a copy older than any of them (a source edited since, a version bumped) must not run stale code.
import { readFileSync, statSync } from 'node:fs';

/**
 * True when `compiled` (a folder URL) holds an inputs.json whose sources, relative to `root` (a folder
 * URL), all exist and were last changed before the build began. Costs a stat per source, a few ms.
 * @param {URL} root
 * @param {URL} compiled
 * @returns {boolean}
 */
export function compiledIsCurrent(root, compiled) {
	try {
		const { builtAt, inputs } = JSON.parse(readFileSync(new URL('inputs.json', compiled), 'utf8'));
		if (typeof builtAt !== 'number' || !Array.isArray(inputs) || inputs.length === 0) return false;
		return inputs.every((path) => statSync(new URL(path, root)).mtimeMs < builtAt);
	} catch {
		return false;
	}
}
