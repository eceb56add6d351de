// How a stored value reads as text: the form categories are compared in and retyping starts from.

export function valueAsText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString().replace('T00:00:00.000Z', '');
	if (typeof value === 'number' && Number.isNaN(value)) return null;
	return String(value);
}
