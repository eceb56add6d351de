// Numbers in findings, written the way a person reads them: 1,234 rows, 1.5%, 0.98.

export function count(n: number): string {
	return n.toLocaleString('en');
}

export function percent(share: number): string {
	const p = share * 100;
	const digits = p === 0 || p >= 100 ? 0 : p >= 1 ? 1 : 2;
	return `${Number(p.toFixed(digits))}%`;
}

export function decimal(x: number, digits = 2): string {
	return String(Number(x.toFixed(digits)));
}

/** “a”, “a and b”, “a, b and c”. */
export function list(names: string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
