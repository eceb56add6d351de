// How deeply a parsed JSON value nests, measured without recursion (a hostile link can nest arrays
// thousands deep; code that recurses over it — including JSON.stringify in a message — would overflow).

/** True when `value` nests deeper than `max` arrays/objects. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop()!;
		if (typeof node !== 'object' || node === null) continue;
		if (depth > max) return true;
		const children = Array.isArray(node) ? node : Object.values(node);
		for (const child of children)
			if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
	}
	return false;
}
